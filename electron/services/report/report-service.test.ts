/**
 * The manager's report against two scripted days (tests/helpers/report-days.ts): every figure the
 * report gives equals the one this test computes again from the raw rows — status events, comfort
 * tasks, appointments — with its own arithmetic; a visit past the clinic's midnight and a range
 * over a month's end count each event once; managers only; the day's report kept at closing and
 * the managers told its headline once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportSection, ReportTable } from '../../../shared/contract/report';
import { parseCsv, tableToCsv } from '../../../shared/report/csv';
import { at, createReportDays, DAY_ONE, DAY_TWO, MISSED, REPORT_CUSTOMERS, REPORT_NOW, type ReportDays } from '../../../tests/helpers/report-days';
import { caller } from '../../../tests/helpers/test-core';
import { comfortCountsQuery, missedAppointmentsQuery, reportVisitsQuery, visitWaitRowsQuery } from '../../db/repositories/report';
import { NOTIFICATION_RULES } from '../notification-rules/index';
import { createScheduler } from '../scheduler';
import { createClosingReportJob } from './closing-report-job';

let days: ReportDays;
beforeAll(async () => {
  days = await createReportDays();
}, 60_000);
afterAll(() => days?.core.close());

type Result<T> = { ok: true; value: T } | { ok: false; status: number; error: { code: string; message: string; path?: (string | number)[] } };
const call = <T = Report>(method: string, input: unknown, token = days.manager) => days.core.dispatcher.dispatch(method, input, caller(token)) as Promise<Result<T>>;

async function report(from: string, to: string, language: 'en' | 'zh-CN' = 'en'): Promise<Report> {
  const result = await call('report.get', { from, to, language });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const section = (of: Report, key: string) => of.sections.find((each) => each.key === key) as ReportSection;
const figure = (of: Report, key: string) => of.sections.flatMap((each) => each.figures).find((each) => each.key === key)?.value;
const table = (of: Report, sectionKey: string, key: string) => section(of, sectionKey).tables.find((each) => each.key === key) as ReportTable;
/** A table as objects keyed by column key. */
const records = (of: ReportTable) => of.rows.map((row) => Object.fromEntries(of.columns.map((column, index) => [column.key, row[index]])));

// ---- The test's own arithmetic over the raw rows (not the report's code) ----

interface RawVisit { id: number; clinic_date: string; arrived_at: string; doctor_id: number | null; customer_id: number }
interface RawEvent { visit_id: number; to_status: string; at: string }

/** The k-th smallest where k = ⌈p·n⌉, in minutes with one decimal. */
function rank(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.ceil(p * sorted.length) - 1]! / 6) / 10;
}

async function rawWaits(from: string, to: string) {
  const db = days.core.database.db;
  const visits = (await db.selectFrom('visits').select(['id', 'clinic_date', 'arrived_at', 'doctor_id', 'customer_id']).where('clinic_date', '>=', from).where('clinic_date', '<=', to).execute()) as RawVisit[];
  const events = (await db.selectFrom('visit_events').select(['visit_id', 'to_status', 'at']).orderBy('visit_id').orderBy('at').orderBy('id').execute()) as RawEvent[];
  const doctors = new Map((await db.selectFrom('staff').select(['id', 'name']).execute()).map((row) => [row.id, row.name]));
  return visits.map((visit) => {
    const own = events.filter((event) => event.visit_id === visit.id);
    // End of the visit's clinic day: 16:00 UTC on that date (Asia/Shanghai, +8, no DST).
    const dayEnd = Date.parse(`${visit.clinic_date}T16:00:00Z`);
    let waited = 0;
    own.forEach((event, index) => {
      if (event.to_status !== 'waiting') return;
      const next = own[index + 1];
      waited += (next ? Date.parse(next.at) : Math.min(REPORT_NOW.getTime(), dayEnd)) - Date.parse(event.at);
    });
    const called = own.find((event) => event.to_status === 'called');
    const consult = own.find((event) => event.to_status === 'in_consultation');
    return {
      visit,
      hour: (new Date(visit.arrived_at).getUTCHours() + 8) % 24,
      doctor: visit.doctor_id === null ? null : doctors.get(visit.doctor_id)!,
      toCalled: waited / 1000,
      toConsult: called && consult ? (Date.parse(consult.at) - Date.parse(called.at)) / 1000 : null,
    };
  });
}

async function rawComfort(from: string, to: string) {
  const rows = await days.core.database.db
    .selectFrom('comfort_tasks as k')
    .innerJoin('visits as v', 'v.id', 'k.visit_id')
    .leftJoin('staff as s', 's.id', 'k.done_by')
    .select(['k.label', 'k.due_at', 'k.done_at', 'k.cancelled_at', 's.name'])
    .where('v.clinic_date', '>=', from)
    .where('v.clinic_date', '<=', to)
    .execute();
  const tally = { onTime: 0, late: 0, missed: 0, open: 0 };
  const byStaff = new Map<string, { onTime: number; late: number }>();
  for (const row of rows) {
    if (row.cancelled_at !== null && row.done_at === null && row.cancelled_at <= row.due_at) continue; // never owed
    const outcome = row.done_at !== null ? (Date.parse(row.done_at) <= Date.parse(row.due_at) ? 'onTime' : 'late') : row.cancelled_at !== null ? 'missed' : 'open';
    tally[outcome] += 1;
    if (row.name && (outcome === 'onTime' || outcome === 'late')) {
      const staff = byStaff.get(row.name) ?? { onTime: 0, late: 0 };
      staff[outcome] += 1;
      byStaff.set(row.name, staff);
    }
  }
  return { tally, byStaff };
}

describe.each([
  ['Monday', DAY_ONE, DAY_ONE],
  ['Tuesday', DAY_TWO, DAY_TWO],
  ['Monday and Tuesday, over the month end', DAY_ONE, DAY_TWO],
])('the report of %s', (_name, from, to) => {
  it('gives every wait figure — median, p90, longest, by hour and by doctor — as computed from the raw status events', async () => {
    const got = await report(from, to);
    const waits = await rawWaits(from, to);
    const called = waits.map((wait) => wait.toCalled);
    const consult = waits.flatMap((wait) => (wait.toConsult === null ? [] : [wait.toConsult]));
    expect(figure(got, 'waits.toCalledMedian')).toBe(rank(called, 0.5));
    expect(figure(got, 'waits.toCalledP90')).toBe(rank(called, 0.9));
    expect(figure(got, 'waits.toCalledMax')).toBe(rank(called, 1));
    expect(figure(got, 'waits.toConsultMedian')).toBe(rank(consult, 0.5));
    expect(figure(got, 'waits.toConsultP90')).toBe(rank(consult, 0.9));

    const hours = [...new Set(waits.map((wait) => wait.hour))].sort((a, b) => a - b);
    expect(records(table(got, 'waits', 'byHour'))).toEqual(
      hours.map((hour) => {
        const group = waits.filter((wait) => wait.hour === hour);
        const groupConsult = group.flatMap((wait) => (wait.toConsult === null ? [] : [wait.toConsult]));
        return {
          hour: `${String(hour).padStart(2, '0')}:00`,
          visits: group.length,
          toCalledMedian: rank(group.map((wait) => wait.toCalled), 0.5),
          toCalledP90: rank(group.map((wait) => wait.toCalled), 0.9),
          toCalledMax: rank(group.map((wait) => wait.toCalled), 1),
          toConsultMedian: rank(groupConsult, 0.5),
          toConsultP90: rank(groupConsult, 0.9),
          toConsultMax: rank(groupConsult, 1),
        };
      }),
    );
    const byDoctor = records(table(got, 'waits', 'byDoctor'));
    for (const name of new Set(waits.map((wait) => wait.doctor))) {
      const group = waits.filter((wait) => wait.doctor === name);
      const row = byDoctor.find((each) => each.doctor === (name ?? 'No doctor named'));
      expect(row).toMatchObject({ visits: group.length, toCalledMedian: rank(group.map((wait) => wait.toCalled), 0.5), toCalledP90: rank(group.map((wait) => wait.toCalled), 0.9), toCalledMax: rank(group.map((wait) => wait.toCalled), 1) });
    }
    expect(byDoctor.reduce((sum, row) => sum + (row.visits as number), 0)).toBe(waits.length);
  });

  it('counts comfort tasks on time, late, missed and open, overall and by staff member, as the raw tasks say', async () => {
    const got = await report(from, to);
    const { tally, byStaff } = await rawComfort(from, to);
    const owed = tally.onTime + tally.late + tally.missed + tally.open;
    expect(figure(got, 'comfort.owed')).toBe(owed);
    expect(figure(got, 'comfort.onTimeShare')).toBe(Math.round((tally.onTime / owed) * 1000) / 10);
    expect(figure(got, 'comfort.late')).toBe(tally.late);
    expect(figure(got, 'comfort.missed')).toBe(tally.missed);
    const kinds = records(table(got, 'comfort', 'byKind'));
    expect(kinds.reduce((sum, row) => sum + (row.onTime as number), 0)).toBe(tally.onTime);
    expect(kinds.reduce((sum, row) => sum + (row.open as number), 0)).toBe(tally.open);
    expect(Object.fromEntries(records(table(got, 'comfort', 'byStaff')).map((row) => [row.staff, { onTime: row.onTime, late: row.late }]))).toEqual(Object.fromEntries(byStaff));
  });

  it('counts arrivals, walk-ins, no-shows and cancellations as the script made them, each once', async () => {
    const got = await report(from, to);
    const inPeriod = (instant: Date) => instant >= at(from, '00:00') && instant < new Date(at(to, '00:00').getTime() + 86_400_000);
    const visits = await days.core.database.db.selectFrom('visits').select('id').where('clinic_date', '>=', from).where('clinic_date', '<=', to).execute();
    expect(figure(got, 'arrivals.total')).toBe(visits.length);
    expect(figure(got, 'arrivals.walkIns')).toBe(visits.length);
    const missed = MISSED.filter((row) => inPeriod(row.starts));
    expect(figure(got, 'arrivals.cancelled')).toBe(missed.filter((row) => row.status === 'cancelled').length);
    // A booking still open when its day was over is a no-show; Tuesday's 19:30 is not due yet.
    expect(figure(got, 'arrivals.noShows')).toBe(missed.filter((row) => row.status === 'no_show' || (row.status === 'booked' && row.starts < at(DAY_TWO, '00:00'))).length);
  });
});

describe('what the scripted days must show', () => {
  it('gives Monday the figures worked out by hand: waits 9, 12, 23, 30, 31, 50 min; consultations after 3, 5, 9, 10, 28 min', async () => {
    const monday = await report(DAY_ONE, DAY_ONE);
    expect([figure(monday, 'waits.toCalledMedian'), figure(monday, 'waits.toCalledP90'), figure(monday, 'waits.toCalledMax')]).toEqual([23, 50, 50]);
    expect([figure(monday, 'waits.toConsultMedian'), figure(monday, 'waits.toConsultP90')]).toEqual([9, 28]);
    expect([figure(monday, 'arrivals.total'), figure(monday, 'arrivals.noShows'), figure(monday, 'arrivals.cancelled')]).toEqual([6, 2, 2]);
  });

  it('counts the visit past midnight on Monday only, and its events once over the two days', async () => {
    const [monday, tuesday, both] = [await report(DAY_ONE, DAY_ONE), await report(DAY_TWO, DAY_TWO), await report(DAY_ONE, DAY_TWO)];
    expect(figure(tuesday, 'arrivals.total')).toBe(3);
    expect((figure(monday, 'arrivals.total') ?? 0) + (figure(tuesday, 'arrivals.total') ?? 0)).toBe(figure(both, 'arrivals.total'));
    // Tuesday's waits: 20, 44, and 40 minutes still waiting at 18:40 — never the 30 of the visit that arrived on Monday.
    expect([figure(tuesday, 'waits.toCalledMedian'), figure(tuesday, 'waits.toCalledMax')]).toEqual([40, 44]);
    const hours = (of: Report) => records(table(of, 'waits', 'byHour')).map((row) => [row.hour, row.visits]);
    expect(hours(monday)).toContainEqual(['23:00', 1]);
    expect(hours(tuesday).map(([hour]) => hour)).not.toContain('00:00');
    for (const key of ['comfort.owed', 'comfort.late', 'comfort.missed', 'arrivals.cancelled', 'arrivals.noShows']) {
      expect((figure(monday, key) ?? 0) + (figure(tuesday, key) ?? 0)).toBe(figure(both, key));
    }
    expect(records(table(both, 'arrivals', 'byDay')).map((row) => [row.date, row.total])).toEqual([[DAY_ONE, 6], [DAY_TWO, 3]]);
  });

  it('compares with the period before, of the same length', async () => {
    const tuesday = await report(DAY_TWO, DAY_TWO);
    expect(tuesday.previous).toEqual({ from: DAY_ONE, to: DAY_ONE });
    expect(tuesday.headline.map((each) => [each.key, each.previous])).toEqual([
      ['arrivals.total', 6],
      ['waits.toCalledMedian', 23],
      ['comfort.onTimeShare', figure(await report(DAY_ONE, DAY_ONE), 'comfort.onTimeShare')],
    ]);
    const alone = await call('report.get', { from: DAY_TWO, to: DAY_TWO, compare: false });
    expect(alone.ok && alone.value.previous).toBe(null);
  });

  it('lists the longest waits by ticket and masked name with their timelines, and no customer name or phone anywhere', async () => {
    const both = await report(DAY_ONE, DAY_TWO, 'zh-CN');
    const longest = records(table(both, 'longestWaits', 'longest'));
    expect(longest.map((row) => row.waited)).toEqual([50, 44, 40, 31, 30, 23, 20, 12, 9]);
    expect(longest[0]).toMatchObject({ rank: 1, ticket: 'W004', customer: '张*玲', date: DAY_ONE, arrived: '10:40' });
    expect(String(longest[0]!.timeline)).toMatch(/^10:40 等候中 \(前台周婷\) → 11:30 /);
    const text = JSON.stringify(both);
    for (const customer of REPORT_CUSTOMERS) {
      expect(text).not.toContain(customer.name);
      expect(text).not.toContain(customer.phone);
    }
    expect(text).not.toContain('13900001111');
  });
});

describe('CSV', () => {
  it('parses back to the same numbers and text, Chinese included, with a BOM for Excel', async () => {
    const both = await report(DAY_ONE, DAY_TWO, 'zh-CN');
    for (const part of both.sections) {
      for (const each of part.tables) {
        const csv = tableToCsv(each);
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const [header, ...rows] = parseCsv(csv);
        expect(header).toEqual(each.columns.map((column) => column.label));
        expect(rows).toHaveLength(each.rows.length);
        rows.forEach((row, index) => {
          expect(row.map((cell, column) => (each.columns[column]!.unit === 'text' || cell === '' ? (cell === '' ? null : cell) : Number.isNaN(Number(cell)) ? cell : Number(cell)))).toEqual(each.rows[index]);
        });
        for (const customer of REPORT_CUSTOMERS) expect(csv).not.toContain(customer.phone);
      }
    }
    const waits = parseCsv(tableToCsv(table(both, 'waits', 'byDoctor')));
    expect(waits[0]).toContain('签到→叫号 中位数');
    expect(waits.map((row) => row[0])).toContain(days.doctorNames[0]);
  });
});

describe('who may read it', () => {
  it('refuses every role but the manager, for the report, its document and the kept reports', async () => {
    for (const method of ['report.get', 'report.document', 'report.kept']) {
      const input = method === 'report.kept' ? {} : { from: DAY_ONE, to: DAY_ONE };
      expect(await call(method, input, days.reception)).toMatchObject({ ok: false, status: 403, error: { code: 'forbidden' } });
    }
  });

  it('names the field of a period that ends before it starts or spans more than a year', async () => {
    expect(await call('report.get', { from: DAY_TWO, to: DAY_ONE })).toMatchObject({ ok: false, status: 400, error: { path: ['to'], message: expect.stringContaining('cannot be before') } });
    expect(await call('report.get', { from: '2025-01-01', to: '2026-12-01' })).toMatchObject({ ok: false, status: 400, error: { path: ['to'], message: expect.stringContaining('at most a year') } });
  });
});

describe('the daily report at closing', () => {
  it('is kept once at closing when the setting is on, and the managers are told its three headline figures once', async () => {
    const { core } = days;
    const scheduler = createScheduler({ db: core.database.db, clock: core.clock, events: core.events, rules: NOTIFICATION_RULES, jobs: [createClosingReportJob()] });
    const kept = () => core.database.db.selectFrom('kept_reports').select('clinic_date').execute();
    const told = () => core.database.db.selectFrom('notifications').select(['params', 'link']).where('kind', '=', 'reportKept').execute();

    await scheduler.tick(at(DAY_TWO, '18:05'));
    expect(await kept()).toEqual([]);
    expect(await call('settings.update', { reportAtClosing: true }, days.manager)).toMatchObject({ ok: true });
    await scheduler.tick(at(DAY_TWO, '17:59'));
    expect(await kept()).toEqual([]);
    await scheduler.tick(at(DAY_TWO, '18:01'));
    await scheduler.tick(at(DAY_TWO, '18:20'));
    expect(await kept()).toEqual([{ clinic_date: DAY_TWO }]);
    const notices = await told();
    expect(notices).toHaveLength(1);
    const tuesday = await report(DAY_TWO, DAY_TWO);
    // Kept at 18:01, when the customer still waiting had waited 1 minute: waits 1, 20, 44 → median 20.
    expect(JSON.parse(notices[0]!.params)).toEqual({ date: DAY_TWO, arrivals: '3', medianWait: '20', onTimeShare: `${String(figure(tuesday, 'comfort.onTimeShare'))} %` });
    expect(notices[0]!.link).toBe(`#/report/${DAY_TWO}/${DAY_TWO}`);
    const list = await call<{ reports: { date: string; headline: unknown[] }[] }>('report.kept', {});
    expect(list.ok && list.value.reports.map((each) => [each.date, each.headline.length])).toEqual([[DAY_TWO, 3]]);
  });
});

describe('the report’s reads', () => {
  it('find a period’s visits, their events, tasks and appointments through indexes, never by scanning a table', () => {
    const { sqlite, db } = days.core.database;
    const plan = (query: { compile(db: never): { sql: string; parameters: readonly unknown[] } }) => {
      const compiled = query.compile(db as never);
      return (sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as { detail: string }[]).map((row) => row.detail).join('\n');
    };
    const waits = plan(visitWaitRowsQuery(DAY_ONE, DAY_TWO));
    expect(waits).toMatch(/SEARCH v USING (COVERING )?INDEX visits_by_day/);
    expect(waits).toMatch(/SEARCH e USING COVERING INDEX visit_events_for_report/);
    const visits = plan(reportVisitsQuery(DAY_ONE, DAY_TWO));
    expect(visits).toMatch(/SEARCH v USING INDEX visits_by_day/);
    expect(visits).toMatch(/SEARCH p USING COVERING INDEX visits_by_customer/);
    const comfort = plan(comfortCountsQuery(DAY_ONE, DAY_TWO));
    expect(comfort).toMatch(/INDEX visits_by_day/);
    expect(comfort).toMatch(/SEARCH k USING COVERING INDEX comfort_tasks_for_report/);
    expect(plan(missedAppointmentsQuery(at(DAY_ONE, '00:00').toISOString(), at(DAY_TWO, '00:00').toISOString(), REPORT_NOW.toISOString()))).toMatch(/SEARCH a USING INDEX appointments_by_(status_)?start/);
    for (const detail of [waits, visits, comfort]) expect(detail).not.toMatch(/SCAN (v|e|k|visits|visit_events|comfort_tasks)\b(?! USING)/);
  });
});
