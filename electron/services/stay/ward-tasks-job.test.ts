/**
 * A stay longer than the week stored at admission keeps its tasks: the scheduler's daily ward job
 * tops every open stay up, with a controlled clock across each midnight, the month end and the
 * year end, in the clinic's time zone; running it again adds nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, clinicDateOf, clinicInstant, clinicTimeOf } from '../../../shared/domain/clinic-time';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import type { WardTaskKind } from '../../../shared/domain/ward-tasks';
import { countRows } from '../../../tests/helpers/test-core';
import { createStayClinic, NEGATIVE_SCREEN, type StayClinic } from '../../../tests/helpers/stay-fixture';
import { createScheduler, type Scheduler } from '../scheduler';
import { createStayService } from './stay-service';
import { createWardTasksJob } from './ward-tasks-job';

// Thursday 2026-12-03, 10:00 in Beijing.
const NOW = '2026-12-03T02:00:00.000Z';
const TZ = 'Asia/Shanghai';
let clinic: StayClinic;
let scheduler: Scheduler;

beforeEach(async () => {
  clinic = await createStayClinic(NOW);
  scheduler = createScheduler({ db: clinic.core.database.db, clock: clinic.core.clock, events: clinic.core.events, rules: [], jobs: [createWardTasksJob()] });
});
afterEach(() => clinic.core.close());

/** A customer with surgery today at 14:00, admitted at 13:00 to bed 1. */
async function admitted(): Promise<number> {
  const { customerId, visitId, version } = await clinic.inConsultation();
  await clinic.call('screenings.record', { customerId, answers: NEGATIVE_SCREEN });
  const outcome = await clinic.call<{ surgeryAppointmentId: number }>('outcomes.record', {
    visitId,
    expectedVersion: version,
    outcome: 'decided',
    surgery: { doctorId: clinic.doctorId, date: '2026-12-03', time: '14:00', durationMinutes: 90 },
  });
  if (!outcome.ok) throw new Error(outcome.error.message);
  clinic.core.clock.set('2026-12-03T05:00:00.000Z');
  const stay = await clinic.call<{ stayId: number }>('stays.admit', { customerId, roomId: clinic.wardRoomId, bed: 1, surgeryAppointmentId: outcome.value.surgeryAppointmentId }, clinic.tokens.nurse);
  if (!stay.ok) throw new Error(stay.error.message);
  return stay.value.stayId;
}

/** The stay's stored tasks of one kind, by clinic date: `{ '2026-12-31': ['10:00', '16:00'] }`. */
async function byDay(stayId: number, kind: WardTaskKind): Promise<Record<string, string[]>> {
  const rows = await clinic.core.database.db.selectFrom('ward_tasks').select('due_at').where('stay_id', '=', stayId).where('kind', '=', kind).orderBy('due_at').execute();
  const days: Record<string, string[]> = {};
  for (const row of rows) (days[clinicDateOf(row.due_at, TZ)] ??= []).push(clinicTimeOf(row.due_at, TZ));
  return days;
}

async function tickAt(date: string, time: string): Promise<void> {
  clinic.core.clock.set(clinicInstant(date, time, TZ).toISOString());
  await scheduler.tick();
}

describe('the ward job keeps a long stay’s tasks coming', () => {
  it('admission stores a week; without the job the eighth day has no round', async () => {
    const stayId = await admitted();
    const rounds = await byDay(stayId, 'round');
    expect(rounds['2026-12-09']).toEqual(['10:00', '16:00']);
    expect(rounds['2026-12-10']).toBeUndefined();
  });

  it('ticked across every midnight for a month — the month end and the year end too — every day has its rounds, night rounds, meals and gown once', async () => {
    const stayId = await admitted();
    for (let day = '2026-12-03'; day < '2027-01-02'; day = addDays(day, 1)) {
      await tickAt(day, '23:59');
      await tickAt(addDays(day, 1), '00:01');
    }
    const [rounds, nights, meals, gowns] = await Promise.all((['round', 'night_round', 'meal', 'gown'] as const).map((kind) => byDay(stayId, kind)));
    // From the first full day to a week after the last tick (2027-01-02 + 7 days, exclusive).
    for (let day = '2026-12-04'; day < '2027-01-09'; day = addDays(day, 1)) {
      expect({ day, rounds: rounds?.[day] }).toEqual({ day, rounds: DEFAULT_SETTINGS.wardRoundTimes });
      expect({ day, nights: nights?.[day] }).toEqual({ day, nights: [...DEFAULT_SETTINGS.wardNightRoundTimes].sort() });
      expect({ day, meals: meals?.[day] }).toEqual({ day, meals: DEFAULT_SETTINGS.wardMealChoiceTimes });
      expect({ day, gowns: gowns?.[day] }).toEqual({ day, gowns: [DEFAULT_SETTINGS.wardGownTime] });
    }
    expect(rounds?.['2027-01-09']).toBeUndefined();

    // The board just after midnight on New Year's Day: day 30 of the stay, the 02:00 night round due next.
    await clinic.signInAgain();
    clinic.core.clock.set(clinicInstant('2027-01-01', '00:01', TZ).toISOString());
    const board = await clinic.call<{ beds: { stay: null | { dayOfStay: number; tasks: { kind: string; dueAt: string; state: string }[] } }[] }>('stays.board', {}, clinic.tokens.nurse);
    if (!board.ok) throw new Error(board.error.message);
    const stay = board.value.beds.find((bed) => bed.stay)?.stay;
    expect(stay?.dayOfStay).toBe(30);
    const upcoming = stay?.tasks.filter((task) => task.state === 'upcoming').map((task) => `${task.kind}@${clinicDateOf(task.dueAt, TZ)} ${clinicTimeOf(task.dueAt, TZ)}`);
    expect(upcoming?.slice(0, 3)).toEqual(['night_round@2027-01-01 02:00', 'meal@2027-01-01 07:00', 'gown@2027-01-01 08:30']);

    // Idempotent: again on the same day, or from a restarted process (a new job), adds nothing.
    const tasks = await countRows(clinic.core, 'ward_tasks');
    await tickAt('2027-01-02', '09:00');
    expect(await createStayService().topUpOpenStays(clinic.core.database.db, clinic.core.clock.now())).toBe(0);
    await createScheduler({ db: clinic.core.database.db, clock: clinic.core.clock, events: clinic.core.events, rules: [], jobs: [createWardTasksJob()] }).tick();
    expect(await countRows(clinic.core, 'ward_tasks')).toBe(tasks);
  });

  it('a round done stays done and is not stored again; a discharged stay gets nothing more', async () => {
    const stayId = await admitted();
    const db = clinic.core.database.db;
    const first = await db.selectFrom('ward_tasks').select(['id', 'due_at']).where('stay_id', '=', stayId).where('kind', '=', 'round').orderBy('due_at').executeTakeFirstOrThrow();
    await db.updateTable('ward_tasks').set({ done_at: first.due_at, done_by: null }).where('id', '=', first.id).execute();
    await tickAt('2026-12-04', '00:01');
    expect(await db.selectFrom('ward_tasks').select('id').where('stay_id', '=', stayId).where('kind', '=', 'round').where('due_at', '=', first.due_at).execute()).toHaveLength(1);

    await db.updateTable('stays').set({ discharged_at: clinicInstant('2026-12-05', '11:00', TZ).toISOString() }).where('id', '=', stayId).execute();
    const before = await countRows(clinic.core, 'ward_tasks');
    for (const day of ['2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11']) await tickAt(day, '00:01');
    expect(await countRows(clinic.core, 'ward_tasks')).toBe(before);
  });
});
