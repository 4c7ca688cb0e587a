/**
 * The report's care sections — escort times, ward rounds, follow-up calls, survey scores —
 * against the two scripted days with their care (tests/helpers/report-care-days.ts): every figure
 * and table row equals the one this test computes again from the raw rows with its own arithmetic;
 * an escort past the clinic's midnight and a range over a month's end count each event once; no
 * customer's full name or phone in the report or its CSVs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportSection, ReportTable } from '../../../shared/contract/report';
import { parseCsv, tableToCsv } from '../../../shared/report/csv';
import { CARE_STAFF, createReportCareDays, type ReportCareDays } from '../../../tests/helpers/report-care-days';
import { DAY_ONE, DAY_TWO, REPORT_CUSTOMERS } from '../../../tests/helpers/report-days';
import { caller } from '../../../tests/helpers/test-core';
import { escortTimesQuery, followUpCallsQuery, surveysAnsweredQuery, wardRoundsQuery } from '../../db/repositories/report-care';

let days: ReportCareDays;
beforeAll(async () => {
  days = await createReportCareDays();
}, 90_000);
afterAll(() => days?.core.close());

type Result<T> = { ok: true; value: T } | { ok: false; error: { message: string } };
async function report(from: string, to: string, language: 'en' | 'zh-CN' = 'en'): Promise<Report> {
  const result = (await days.core.dispatcher.dispatch('report.get', { from, to, language }, caller(days.manager))) as Result<Report>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const section = (of: Report, key: string) => of.sections.find((each) => each.key === key) as ReportSection;
const figure = (of: Report, key: string) => of.sections.flatMap((each) => each.figures).find((each) => each.key === key)?.value;
const table = (of: Report, sectionKey: string, key: string) => section(of, sectionKey).tables.find((each) => each.key === key) as ReportTable;
const records = (of: ReportTable) => of.rows.map((row) => Object.fromEntries(of.columns.map((column, index) => [column.key, row[index]])));

// ---- The test's own arithmetic over the raw rows (not the report's code) ----

/** The ⌈p·n⌉-th smallest of seconds, in minutes with one decimal. */
function rank(seconds: number[], p: number): number | null {
  if (seconds.length === 0) return null;
  const sorted = [...seconds].sort((a, b) => a - b);
  return Math.round(sorted[Math.ceil(p * sorted.length) - 1]! / 6) / 10;
}
const seconds = (from: string | undefined, to: string | undefined) => (from && to ? (Date.parse(to) - Date.parse(from)) / 1000 : null);
/** Asia/Shanghai (+8, no DST): the clinic day of an instant. */
const clinicDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
const inDays = (day: string, from: string, to: string) => day >= from && day <= to;
const average = (values: number[]) => (values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10);
const nps = (answers: number[]) => (answers.length === 0 ? null : Math.round(((answers.filter((a) => a >= 9).length - answers.filter((a) => a <= 6).length) / answers.length) * 100));

async function rawEscorts(from: string, to: string) {
  const db = days.core.database.db;
  const escorts = await db.selectFrom('escorts as x').innerJoin('visits as v', 'v.id', 'x.visit_id').leftJoin('staff as g', 'g.id', 'x.guide_id').select(['x.id', 'x.requested_at', 'v.clinic_date', 'g.name as guide']).execute();
  const events = await db.selectFrom('escort_events').select(['escort_id', 'kind', 'at']).orderBy('at').orderBy('id').execute();
  return escorts
    .filter((escort) => inDays(escort.clinic_date, from, to))
    .map((escort) => {
      const own = events.filter((event) => event.escort_id === escort.id);
      const first = (...kinds: string[]) => own.find((event) => kinds.includes(event.kind))?.at;
      return {
        guide: escort.guide ?? '(no guide took it)',
        taken: seconds(escort.requested_at, first('taken')),
        pickedUp: seconds(first('taken'), first('picked_up')),
        atDoor: seconds(first('delivered', 'directions'), first('acknowledged')),
      };
    });
}

async function rawRounds(from: string, to: string) {
  const rows = await days.core.database.db.selectFrom('ward_tasks as t').leftJoin('staff as s', 's.id', 't.done_by').select(['t.stay_id', 't.kind', 't.due_at', 't.started_at', 't.done_at', 't.cancelled_at', 's.name as nurse']).execute();
  return rows
    .filter((row) => (row.kind === 'round' || row.kind === 'night_round') && inDays(clinicDay(row.due_at), from, to))
    .filter((row) => !(row.done_at === null && row.cancelled_at !== null && row.cancelled_at <= row.due_at))
    .map((row) => {
      const minutes = row.started_at && row.done_at ? Math.floor((Date.parse(row.done_at) - Date.parse(row.started_at)) / 60_000) : null;
      const outcome = row.done_at !== null ? (minutes !== null && minutes >= 10 ? 'kept' : 'short') : row.cancelled_at !== null ? 'missed' : 'open';
      return { ...row, day: clinicDay(row.due_at), minutes, outcome };
    });
}

describe('the report’s care sections', () => {
  for (const [from, to] of [[DAY_ONE, DAY_ONE], [DAY_TWO, DAY_TWO], [DAY_ONE, DAY_TWO]] as const) {
    it(`gives escort times equal to the raw events (${from}…${to})`, async () => {
      const got = await report(from, to);
      const raw = await rawEscorts(from, to);
      const present = (pick: (row: (typeof raw)[number]) => number | null) => raw.flatMap((row) => (pick(row) === null ? [] : [pick(row)!]));
      expect(figure(got, 'escorts.count')).toBe(raw.length);
      expect(figure(got, 'escorts.takenMedian')).toBe(rank(present((row) => row.taken), 0.5));
      expect(figure(got, 'escorts.pickedUpMedian')).toBe(rank(present((row) => row.pickedUp), 0.5));
      expect(figure(got, 'escorts.atDoorMedian')).toBe(rank(present((row) => row.atDoor), 0.5));
      expect(figure(got, 'escorts.atDoorMax')).toBe(rank(present((row) => row.atDoor), 1));
      const byGuide = records(table(got, 'escorts', 'byGuide'));
      for (const guide of new Set(raw.map((row) => row.guide))) {
        const own = raw.filter((row) => row.guide === guide);
        const door = own.flatMap((row) => (row.atDoor === null ? [] : [row.atDoor]));
        expect(byGuide.find((row) => row.staff === guide)).toEqual({
          staff: guide,
          escorts: own.length,
          takenMedian: rank(own.flatMap((row) => (row.taken === null ? [] : [row.taken])), 0.5),
          pickedUpMedian: rank(own.flatMap((row) => (row.pickedUp === null ? [] : [row.pickedUp])), 0.5),
          atDoorMedian: rank(door, 0.5),
          atDoorMax: rank(door, 1),
        });
      }
      expect(byGuide).toHaveLength(new Set(raw.map((row) => row.guide)).size);
    });

    it(`gives ward rounds equal to the raw tasks (${from}…${to})`, async () => {
      const got = await report(from, to);
      const raw = await rawRounds(from, to);
      const count = (outcome: string) => raw.filter((row) => row.outcome === outcome).length;
      expect(figure(got, 'wardRounds.owed')).toBe(raw.length);
      expect(figure(got, 'wardRounds.short')).toBe(count('short'));
      expect(figure(got, 'wardRounds.missed')).toBe(count('missed'));
      expect(figure(got, 'wardRounds.keptShare')).toBe(raw.length === 0 ? null : Math.round((count('kept') / raw.length) * 1000) / 10);
      // Stay-days with at least two day rounds due, and of them those with two kept.
      const stayDays = new Map<string, { due: number; kept: number }>();
      for (const row of raw.filter((each) => each.kind === 'round')) {
        const key = `${row.stay_id} ${row.day}`;
        const entry = stayDays.get(key) ?? { due: 0, kept: 0 };
        entry.due += 1;
        if (row.outcome === 'kept') entry.kept += 1;
        stayDays.set(key, entry);
      }
      const full = [...stayDays.values()].filter((entry) => entry.due >= 2);
      expect(figure(got, 'wardRounds.twiceShare')).toBe(full.length === 0 ? null : Math.round((full.filter((entry) => entry.kept >= 2).length / full.length) * 1000) / 10);
      const byNurse = records(table(got, 'wardRounds', 'byNurse'));
      for (const nurse of [CARE_STAFF.nurseA, CARE_STAFF.nurseB]) {
        const own = raw.filter((row) => row.nurse === nurse && row.done_at !== null);
        if (own.length === 0) expect(byNurse.find((row) => row.staff === nurse)).toBeUndefined();
        else expect(byNurse.find((row) => row.staff === nurse)).toEqual({ staff: nurse, kept: own.filter((row) => row.outcome === 'kept').length, short: own.filter((row) => row.outcome === 'short').length, meanMinutes: average(own.map((row) => row.minutes!)) });
      }
    });

    it(`gives follow-up calls equal to the raw steps (${from}…${to})`, async () => {
      const got = await report(from, to);
      const db = days.core.database.db;
      const steps = (await db.selectFrom('followup_steps as f').leftJoin('staff as s', 's.id', 'f.done_by').select(['f.kind', 'f.due_date', 'f.status', 'f.attempts', 'f.outcome', 's.name as staff']).execute()).filter(
        (step) => step.kind === 'call' && step.status !== 'cancelled' && inDays(step.due_date, from, to),
      );
      const consultation = (await db.selectFrom('outcome_followup_calls').select(['due_date', 'done_at']).execute()).filter((call) => inDays(call.due_date, from, to));
      // Today at the report's moment is Tuesday: what is still open from Monday is overdue.
      const overdue = steps.filter((step) => step.status === 'open' && step.due_date < DAY_TWO).length + consultation.filter((call) => call.done_at === null && call.due_date < DAY_TWO).length;
      const called = steps.filter((step) => step.attempts > 0 || step.status === 'done').length + consultation.filter((call) => call.done_at !== null).length;
      const reached = steps.filter((step) => step.outcome === 'reached').length;
      expect(figure(got, 'followUpCalls.due')).toBe(steps.length + consultation.length);
      expect(figure(got, 'followUpCalls.called')).toBe(called);
      expect(figure(got, 'followUpCalls.overdue')).toBe(overdue);
      expect(figure(got, 'followUpCalls.reachedShare')).toBe(steps.length === 0 ? null : Math.round((reached / steps.length) * 1000) / 10);
      expect(records(table(got, 'followUpCalls', 'byStaff'))).toEqual(reached === 0 ? [] : [{ staff: CARE_STAFF.caller, reached }]);
      const byDay = records(table(got, 'followUpCalls', 'byDay'));
      expect(byDay.reduce((sum, row) => sum + (row.due as number), 0)).toBe(steps.length + consultation.length);
    });

    it(`gives survey scores equal to the raw answers (${from}…${to})`, async () => {
      const got = await report(from, to);
      const rows = (await days.core.database.db.selectFrom('surveys').select(['scores', 'recommend', 'comments', 'complaint', 'created_at', 'staff_named', 'visit_id']).execute()).filter((row) => inDays(clinicDay(row.created_at), from, to));
      const scores = rows.map((row) => JSON.parse(row.scores) as Record<string, number>);
      expect(figure(got, 'surveys.answers')).toBe(rows.length);
      expect(figure(got, 'surveys.meanScore')).toBe(average(scores.flatMap((each) => Object.values(each))));
      expect(figure(got, 'surveys.nps')).toBe(nps(rows.flatMap((row) => (row.recommend === null ? [] : [row.recommend]))));
      expect(figure(got, 'surveys.complaints')).toBe(rows.filter((row) => row.complaint === 1).length);
      const byAspect = records(table(got, 'surveys', 'byAspect'));
      const doctor = byAspect.find((row) => row.aspect === 'Doctor')!;
      const doctorScores = scores.flatMap((each) => (each.doctor === undefined ? [] : [each.doctor]));
      expect(doctor).toMatchObject({ answers: doctorScores.length, meanScore: average(doctorScores), lowScores: doctorScores.filter((value) => value <= 2).length });
      // The guide named in Monday's first answer is credited with it.
      const guide = records(table(got, 'surveys', 'byStaff')).find((row) => row.staff === CARE_STAFF.guideA);
      const namedGuide = rows.filter((row) => row.staff_named.includes(CARE_STAFF.guideA));
      if (namedGuide.length === 0) expect(guide).toBeUndefined();
      else expect(guide).toMatchObject({ answers: namedGuide.length, nps: nps(namedGuide.map((row) => row.recommend!)) });
      expect(table(got, 'surveys', 'comments').rows).toHaveLength(rows.filter((row) => row.comments.trim() !== '').length);
    });
  }

  it('counts an escort past the clinic’s midnight once, on its visit’s day, and a range over the month’s end as its days', async () => {
    const [one, two, both] = [await report(DAY_ONE, DAY_ONE), await report(DAY_TWO, DAY_TWO), await report(DAY_ONE, DAY_TWO)];
    // Monday: the two morning escorts and the 23:50 visit's escort after midnight; Tuesday: two.
    expect(figure(one, 'escorts.count')).toBe(3);
    expect(figure(two, 'escorts.count')).toBe(2);
    expect(records(table(one, 'escorts', 'byGuide')).find((row) => row.staff === CARE_STAFF.guideA)?.escorts).toBe(2);
    for (const key of ['escorts.count', 'wardRounds.owed', 'wardRounds.short', 'wardRounds.missed', 'followUpCalls.due', 'followUpCalls.called', 'followUpCalls.overdue', 'surveys.answers', 'surveys.complaints']) {
      expect(figure(both, key), key).toBe((figure(one, key) as number) + (figure(two, key) as number));
    }
    // Known by hand: Monday's rounds — kept, short, the night round kept, one missed; the one withdrawn before it fell due never owed.
    expect([figure(one, 'wardRounds.owed'), figure(one, 'wardRounds.short'), figure(one, 'wardRounds.missed')]).toEqual([4, 1, 1]);
    // Tuesday's stay-day kept both day rounds (one exactly ten minutes); Monday's did not.
    expect([figure(one, 'wardRounds.twiceShare'), figure(two, 'wardRounds.twiceShare')]).toEqual([0, 100]);
    // The survey answered at 00:40 on Tuesday is Tuesday's.
    expect([figure(one, 'surveys.answers'), figure(two, 'surveys.answers')]).toEqual([3, 3]);
    // The comparison with the period before: Monday is Tuesday's period before.
    expect(section(two, 'escorts').figures.find((each) => each.key === 'escorts.count')?.previous).toBe(3);
  });

  it('shows customers by ticket and masked name only, phones typed into comments starred, in the report and every CSV', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const got = await report(DAY_ONE, DAY_TWO, language);
      const care = got.sections.filter((each) => ['escorts', 'wardRounds', 'followUpCalls', 'surveys'].includes(each.key));
      expect(care).toHaveLength(4);
      const text = JSON.stringify(care) + care.flatMap((each) => each.tables.map((one) => tableToCsv(one))).join('\n');
      for (const customer of REPORT_CUSTOMERS) {
        expect(text).not.toContain(customer.name);
        expect(text).not.toContain(customer.phone);
      }
      expect(text).not.toContain('13912345678');
      const comments = records(table(got, 'surveys', 'comments'));
      expect(comments.find((row) => String(row.comment).startsWith('等太久了'))).toMatchObject({ comment: '等太久了，请回电***********', customer: '李*' });
      expect(comments.find((row) => String(row.comment).includes('护士冯洁'))?.comment).toBe('我是陈*琪，护士冯洁很好');
      // CSV round trip: the numbers and the Chinese come back.
      for (const one of care.flatMap((each) => each.tables)) {
        const [header, ...rows] = parseCsv(tableToCsv(one));
        expect(header).toEqual(one.columns.map((column) => column.label));
        rows.forEach((row, index) => {
          expect(row.map((cell, column) => (cell === '' ? null : one.columns[column]!.unit === 'text' || Number.isNaN(Number(cell)) ? cell : Number(cell)))).toEqual(one.rows[index]);
        });
      }
    }
  });

  it('reads each period through an index', () => {
    const { sqlite, db } = days.core.database;
    const plan = (query: { compile(db: never): { sql: string; parameters: readonly unknown[] } }) => {
      const compiled = query.compile(db as never);
      return (sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as { detail: string }[]).map((row) => row.detail).join('\n');
    };
    expect(plan(escortTimesQuery(DAY_ONE, DAY_TWO, '2026-11-29T16:00:00Z', '2026-12-02T16:00:00Z'))).toMatch(/escorts_by_requested/);
    expect(plan(wardRoundsQuery('2026-11-29T16:00:00Z', '2026-12-01T16:00:00Z'))).toMatch(/ward_tasks_for_report/);
    expect(plan(followUpCallsQuery(DAY_ONE, DAY_TWO))).toMatch(/followup_steps_for_report/);
    expect(plan(surveysAnsweredQuery('2026-11-29T16:00:00Z', '2026-12-01T16:00:00Z'))).toMatch(/surveys_by_created/);
  });
});

describe('the kept facts of finished days', () => {
  it('keeps a finished day once, reads today live, and forgets a kept day when one of its rows is written', async () => {
    const db = days.core.database.db;
    const keptNow = async () => (await db.selectFrom('report_days_kept').select('clinic_date').orderBy('clinic_date').execute()).map((row) => row.clinic_date);
    const first = await report(DAY_ONE, DAY_TWO);
    // Monday is over at the report's moment (Tuesday 18:40): kept; Tuesday is read live. The period before (Sat, Sun) is kept too.
    expect(await keptNow()).toEqual(['2026-11-28', '2026-11-29', DAY_ONE]);
    const owed = figure(first, 'comfort.owed') as number;
    const arrivals = figure(first, 'arrivals.total') as number;
    // A comfort task added to a Monday visit: the triggers forget Monday, the next report counts it.
    await db
      .insertInto('comfort_tasks')
      .values({ visit_id: days.visitIds[0]!, rule_id: null, label: '补送温水', label_en: 'Warm water', due_at: '2026-11-30T01:30:00.000Z', created_at: '2026-11-30T01:20:00.000Z', created_by: null, done_at: '2026-11-30T01:25:00.000Z', done_by: null, cancelled_at: null })
      .execute();
    expect(await keptNow()).toEqual(['2026-11-28', '2026-11-29']);
    const again = await report(DAY_ONE, DAY_TWO);
    expect(figure(again, 'comfort.owed')).toBe(owed + 1);
    expect(figure(again, 'arrivals.total')).toBe(arrivals);
    expect(await keptNow()).toEqual(['2026-11-28', '2026-11-29', DAY_ONE]);
    // A status event written to a Monday visit forgets Monday as well.
    await db.insertInto('visit_events').values({ visit_id: days.visitIds[3]!, from_status: 'left', to_status: 'left', at: '2026-11-30T05:00:00.000Z', staff_id: days.staffIds.caller, room_id: null }).execute();
    expect(await keptNow()).toEqual(['2026-11-28', '2026-11-29']);
  });

  it('keeps a finished day’s escort times, and forgets the day when one of its escorts’ events is written', async () => {
    const db = days.core.database.db;
    const keptNow = async () => (await db.selectFrom('report_days_kept').select('clinic_date').orderBy('clinic_date').execute()).map((row) => row.clinic_date);
    const atDoor = async (of: Report) => [figure(of, 'escorts.count'), figure(of, 'escorts.atDoorMedian'), figure(of, 'escorts.atDoorMax')];
    const expected = async () => {
      const raw = (await rawEscorts(DAY_ONE, DAY_ONE)).flatMap((row) => (row.atDoor === null ? [] : [row.atDoor]));
      return [(await rawEscorts(DAY_ONE, DAY_ONE)).length, rank(raw, 0.5), rank(raw, 1)];
    };
    expect(await atDoor(await report(DAY_ONE, DAY_ONE))).toEqual(await expected());
    expect(await keptNow()).toContain(DAY_ONE);
    const kept = await db.selectFrom('report_escort_facts').select(['escort_id', 'at_door_s']).where('clinic_date', '=', DAY_ONE).execute();
    expect(kept).toHaveLength(3);
    // The room acknowledges a Monday escort again, an hour after its door time: the day is forgotten, and read afresh.
    const escort = kept.find((row) => row.at_door_s !== null)!;
    const door = await db.selectFrom('escort_events').select(['at', 'staff_id']).where('escort_id', '=', escort.escort_id).where('kind', 'in', ['delivered', 'directions']).orderBy('at').executeTakeFirstOrThrow();
    await db.deleteFrom('escort_events').where('escort_id', '=', escort.escort_id).where('kind', '=', 'acknowledged').execute();
    expect(await keptNow()).not.toContain(DAY_ONE);
    await db.insertInto('escort_events').values({ escort_id: escort.escort_id, kind: 'acknowledged', at: new Date(Date.parse(door.at) + 3_600_000).toISOString(), staff_id: door.staff_id }).execute();
    const again = await report(DAY_ONE, DAY_ONE);
    expect(figure(again, 'escorts.atDoorMax')).toBe(60);
    expect(await atDoor(again)).toEqual(await expected());
    expect(await keptNow()).toContain(DAY_ONE);
  });
});
