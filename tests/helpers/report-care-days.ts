/**
 * The report's two scripted days (./report-days.ts) with the care the console records around them,
 * at known minutes: escorts (one past the clinic's midnight, one sent with directions, one handed
 * back and taken again), a stay with its ward rounds (kept, short, exactly ten minutes, a night
 * round) and a stay that went home early (a round missed, one withdrawn before it fell due),
 * follow-up calls (reached, not reached and overdue, due today, cancelled, a visit step, one after a
 * consultation) and surveys answered through the real `surveys.submit` (a phone and the customer's
 * own name typed into a comment, a kiosk answer with no customer). Escorts, stays, rounds and calls
 * are written as their services write them (the rows the report reads); the tests compute every
 * figure again from these raw rows.
 */
import { at, createReportDays, DAY_ONE, DAY_TWO, REPORT_NOW, type ReportDays } from './report-days';
import { addStaff, caller, signIn } from './test-core';

export const CARE_STAFF = { guideA: '导医赵敏', guideB: '导医孙婷', nurseA: '护士郑丽', nurseB: '护士冯洁', caller: '回访专员吴倩' } as const;

/** [script visit index, guide, events as [kind, clinic day, HH:MM]]; the first event is the request. */
export const ESCORT_SCRIPT: [number, keyof typeof CARE_STAFF | null, [string, string, string][]][] = [
  [0, 'guideA', [['requested', DAY_ONE, '09:17'], ['taken', DAY_ONE, '09:18'], ['picked_up', DAY_ONE, '09:21'], ['delivered', DAY_ONE, '09:25'], ['acknowledged', DAY_ONE, '09:26']]],
  [1, 'guideB', [['requested', DAY_ONE, '09:51'], ['taken', DAY_ONE, '09:55'], ['picked_up', DAY_ONE, '09:57'], ['delivered', DAY_ONE, '10:02'], ['acknowledged', DAY_ONE, '10:05']]],
  // Monday's 23:50 visit, escorted after midnight: Monday's escort, once.
  [5, 'guideA', [['requested', DAY_TWO, '00:20'], ['taken', DAY_TWO, '00:22'], ['picked_up', DAY_TWO, '00:25'], ['delivered', DAY_TWO, '00:28'], ['acknowledged', DAY_TWO, '00:30']]],
  // Sent with directions, no guide.
  [6, null, [['requested', DAY_TWO, '09:50'], ['directions', DAY_TWO, '09:52'], ['acknowledged', DAY_TWO, '09:58']]],
  // Handed back by guide B and taken again by guide A (the first take counts).
  [7, 'guideA', [['requested', DAY_TWO, '11:59'], ['taken', DAY_TWO, '12:00'], ['handed_back', DAY_TWO, '12:01'], ['taken', DAY_TWO, '12:03'], ['picked_up', DAY_TWO, '12:05'], ['delivered', DAY_TWO, '12:08'], ['acknowledged', DAY_TWO, '12:20']]],
];

/** Rounds: [stay, kind, due day, due HH:MM, started HH:MM | null, ended HH:MM | null, nurse, withdrawn at (day, HH:MM) | null]. */
export const ROUND_SCRIPT: [0 | 1, 'round' | 'night_round', string, string, string | null, string | null, 'nurseA' | 'nurseB' | null, [string, string] | null][] = [
  [0, 'round', DAY_ONE, '10:00', '10:02', '10:15', 'nurseA', null],
  [0, 'round', DAY_ONE, '16:00', '16:05', '16:12', 'nurseB', null],
  [0, 'night_round', DAY_ONE, '22:00', '22:00', '22:11', 'nurseB', null],
  [0, 'round', DAY_TWO, '10:00', '10:00', '10:10', 'nurseA', null],
  [0, 'round', DAY_TWO, '16:00', '16:01', '16:20', 'nurseA', null],
  [0, 'night_round', DAY_TWO, '22:00', null, null, null, null],
  // The second stay went home at 12:00 on Monday: its 10:00 round missed, its 16:00 round never owed.
  [1, 'round', DAY_ONE, '10:00', null, null, null, [DAY_ONE, '12:00']],
  [1, 'round', DAY_ONE, '16:00', null, null, null, [DAY_ONE, '12:00']],
];

/** Calls after surgery: [due day, status, attempts, outcome, reached by the caller]. */
export const CALL_SCRIPT: [string, 'open' | 'done' | 'cancelled', number, string | null, boolean, 'call' | 'visit'][] = [
  [DAY_ONE, 'done', 1, 'reached', true, 'call'],
  [DAY_ONE, 'open', 2, 'not_reached', false, 'call'],
  [DAY_TWO, 'open', 0, null, false, 'call'],
  [DAY_TWO, 'done', 2, 'reached', true, 'call'],
  [DAY_TWO, 'cancelled', 0, null, false, 'call'],
  [DAY_ONE, 'open', 0, null, false, 'visit'],
  // The day after: outside the two days.
  ['2026-12-02', 'open', 0, null, false, 'call'],
];
/** Calls after a consultation left "thinking it over": [due day, done at (day, HH:MM) | null]. */
export const CONSULTATION_CALLS: [string, [string, string] | null][] = [
  [DAY_ONE, [DAY_ONE, '15:00']],
  [DAY_TWO, null],
  ['2026-11-29', null],
];

/** Surveys: [script visit index | null, day, HH:MM, scores, recommend, comments, staff named, complaint]. */
export const SURVEY_SCRIPT: [number | null, string, string, Record<string, number>, number | null, string, string, boolean][] = [
  [0, DAY_ONE, '10:30', { reception: 5, waiting: 4, doctor: 5 }, 10, '很满意，医生很耐心', '导医赵敏', false],
  [1, DAY_ONE, '11:00', { reception: 4, waiting: 3, guide: 5 }, 9, '', '', false],
  [2, DAY_ONE, '12:00', { waiting: 2, environment: 3 }, 6, '等太久了，请回电13912345678', '', true],
  // Answered after Monday's midnight: Tuesday's answer (surveys count by when they were answered).
  [5, DAY_TWO, '00:40', { doctor: 4, nurses: 5 }, 8, '我是陈思琪，护士冯洁很好', '护士冯洁', false],
  [null, DAY_TWO, '12:30', { reception: 4 }, 7, 'Lovely staff', '', false],
  [6, DAY_TWO, '13:00', { reception: 5, consultant: 5, doctor: 5 }, 10, 'Great', '报表医生甲', false],
];

export interface ReportCareDays extends ReportDays {
  staffIds: Record<keyof typeof CARE_STAFF, number>;
  stayIds: number[];
}

/** The two scripted days with their care; the clock back at REPORT_NOW. */
export async function createReportCareDays(): Promise<ReportCareDays> {
  const days = await createReportDays();
  const { core } = days;
  const db = core.database.db;
  const staffIds = {} as ReportCareDays['staffIds'];
  for (const [key, name] of Object.entries(CARE_STAFF)) staffIds[key as keyof typeof CARE_STAFF] = await addStaff(core, name, key.startsWith('guide') ? 'guide' : key.startsWith('nurse') ? 'nurse' : 'consultant');
  const iso = (day: string, time: string) => at(day, time).toISOString();
  const room = async (code: string, kind: 'consultation' | 'ward') => (await db.insertInto('rooms').values({ code, name: `报表${code}`, name_en: `Report ${code}`, floor: 4, kind }).returning('id').executeTakeFirstOrThrow()).id;
  const consultRoom = await room('R-401', 'consultation');
  const wardRoom = await room('R-501', 'ward');

  for (const [visit, guide, events] of ESCORT_SCRIPT) {
    const [first] = events;
    const last = events[events.length - 1]!;
    const escort = await db
      .insertInto('escorts')
      .values({
        visit_id: days.visitIds[visit]!, from_room_id: null, to_room_id: consultRoom, arrival_status: 'in_consultation', status: last[0] as 'acknowledged',
        guide_id: guide === null ? null : staffIds[guide], requested_by: staffIds.caller, requested_at: iso(first![1], first![2]), step_at: iso(last[1], last[2]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [kind, day, time] of events) {
      const by = kind === 'taken' && time === '12:00' ? staffIds.guideB : guide === null ? staffIds.caller : staffIds[guide];
      await db.insertInto('escort_events').values({ escort_id: escort.id, kind, at: iso(day, time), staff_id: by }).execute();
    }
  }

  const stayIds: number[] = [];
  for (const [customer, admitted, discharged] of [[2, '08:00', null], [3, '09:00', '12:00']] as const) {
    const stay = await db
      .insertInto('stays')
      .values({
        customer_id: days.customerIds[customer]!, surgery_appointment_id: null, item_id: null, room_id: wardRoom, bed: stayIds.length + 1, admitted_at: iso(DAY_ONE, admitted), admitted_by: staffIds.nurseA,
        surgery_at: null, infusion_since: null, aftercare_printed_at: null, discharged_at: discharged === null ? null : iso(DAY_ONE, discharged), discharged_by: discharged === null ? null : staffIds.nurseA,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    stayIds.push(stay.id);
  }
  for (const [stay, kind, day, due, started, ended, nurse, withdrawn] of ROUND_SCRIPT) {
    await db
      .insertInto('ward_tasks')
      .values({
        stay_id: stayIds[stay]!, kind, due_at: iso(day, due), created_at: iso(DAY_ONE, '08:00'),
        started_at: started === null ? null : iso(day, started), started_by: started === null || nurse === null ? null : staffIds[nurse],
        done_at: ended === null ? null : iso(day, ended), done_by: ended === null || nurse === null ? null : staffIds[nurse],
        cancelled_at: withdrawn === null ? null : iso(withdrawn[0], withdrawn[1]),
      })
      .execute();
  }

  const plan = await db
    .insertInto('followup_plans')
    .values({ customer_id: days.customerIds[4]!, item_id: null, surgery_at: iso('2026-11-20', '10:00'), discharged_at: iso('2026-11-21', '10:00'), visit_id: null, created_at: iso('2026-11-21', '10:00'), created_by: staffIds.caller })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [due, status, attempts, outcome, reached, kind] of CALL_SCRIPT) {
    await db
      .insertInto('followup_steps')
      .values({
        plan_id: plan.id, kind, label: kind === 'call' ? '术后回访电话' : '一个月复查', due_date: due, status, attempts, next_try_at: null, outcome, appointment_id: null,
        done_at: status === 'done' ? iso(due, '15:00') : null, done_by: reached ? staffIds.caller : null,
      })
      .execute();
  }
  const outcome = await db
    .insertInto('consultation_outcomes')
    .values({ visit_id: days.visitIds[4]!, customer_id: days.customerIds[4]!, outcome: 'thinking', doctor_id: null, item_id: null, preop_appointment_id: null, surgery_appointment_id: null, created_at: iso(DAY_ONE, '15:00'), created_by: staffIds.caller })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [due, done] of CONSULTATION_CALLS) {
    await db.insertInto('outcome_followup_calls').values({ outcome_id: outcome.id, customer_id: days.customerIds[4]!, due_date: due, created_at: iso(DAY_ONE, '15:00'), done_at: done === null ? null : iso(done[0], done[1]) }).execute();
  }

  const SCRIPT_CUSTOMERS = [0, 1, 2, 3, 4, 5, 0, 6, 7];
  for (const [visit, day, time, scores, recommend, comments, staffNamed, complaint] of SURVEY_SCRIPT) {
    core.clock.set(at(day, time));
    const token = await signIn(core, staffIds.caller);
    const input = {
      source: visit === null ? 'kiosk' : 'staff',
      ...(visit === null ? {} : { visitId: days.visitIds[visit], customerId: days.customerIds[SCRIPT_CUSTOMERS[visit]!] }),
      scores,
      ...(recommend === null ? {} : { recommend }),
      ...(comments ? { comments } : {}),
      ...(staffNamed ? { staffNamed } : {}),
      ...(complaint ? { complaint } : {}),
    };
    const result = (await core.dispatcher.dispatch('surveys.submit', input, caller(token))) as { ok: boolean; error?: { message: string } };
    if (!result.ok) throw new Error(`surveys.submit: ${result.error?.message}`);
  }
  core.clock.set(REPORT_NOW);
  days.manager = await signIn(core, (await db.selectFrom('staff').select('id').where('name', '=', '经理孙悦').executeTakeFirstOrThrow()).id);
  return { ...days, staffIds, stayIds };
}
