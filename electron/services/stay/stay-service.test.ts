import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clinicDateOf, clinicTimeOf } from '../../../shared/domain/clinic-time';
import { createScheduler } from '../scheduler';
import { NOTIFICATION_RULES } from '../notification-rules/index';
import { countRows } from '../../../tests/helpers/test-core';
import { createStayClinic, NEGATIVE_SCREEN, type StayClinic } from '../../../tests/helpers/stay-fixture';

// Thursday 2026-12-03, 10:00 in Beijing; the surgery at 14:00 on Monday 30 November would be past,
// so the stay's surgery is booked for today 14:00 and she is admitted at 13:00.
const NOW = '2026-12-03T02:00:00.000Z';
const TZ = 'Asia/Shanghai';
let clinic: StayClinic;

interface Board {
  beds: { bed: number; stay: null | { id: number; version: number; dayOfStay: number; tasks: { id: number; kind: string; dueAt: string; state: string; startedAt: string | null; doneAt: string | null }[] } }[];
}

beforeEach(async () => {
  clinic = await createStayClinic(NOW);
});
afterEach(() => clinic.core.close());

/** A customer whose consultation booked surgery today at 14:00 with ¥180 of medicine, admitted at 13:00. */
async function admitted() {
  const { customerId, visitId, version } = await clinic.inConsultation();
  await clinic.call('screenings.record', { customerId, answers: NEGATIVE_SCREEN });
  const outcome = await clinic.call<{ surgeryAppointmentId: number }>('outcomes.record', {
    visitId,
    expectedVersion: version,
    outcome: 'decided',
    medicineCostYuan: 180,
    surgery: { doctorId: clinic.doctorId, date: '2026-12-03', time: '14:00', durationMinutes: 90 },
  });
  if (!outcome.ok) throw new Error(outcome.error.message);
  await at('2026-12-03T05:00:00.000Z');
  const stay = await clinic.call<{ stayId: number; tasks: number }>('stays.admit', { customerId, roomId: clinic.wardRoomId, bed: 1, surgeryAppointmentId: outcome.value.surgeryAppointmentId }, clinic.tokens.nurse);
  if (!stay.ok) throw new Error(stay.error.message);
  return { customerId, stayId: stay.value.stayId };
}

/** Moves the clinic's clock (and signs everyone in again: sessions end overnight). */
async function at(instant: string) {
  clinic.core.clock.set(instant);
  await clinic.signInAgain();
}

async function board(): Promise<Board['beds'][number]['stay'] & object> {
  const result = await clinic.call<Board>('stays.board', {}, clinic.tokens.nurse);
  if (!result.ok) throw new Error(result.error.message);
  const stay = result.value.beds.find((bed) => bed.stay)?.stay;
  if (!stay) throw new Error('no stay on the board');
  return stay;
}
const local = (task: { kind: string; dueAt: string }) => `${task.kind}@${clinicDateOf(task.dueAt, TZ)} ${clinicTimeOf(task.dueAt, TZ)}`;

describe('the stay on the ward', () => {
  it('admits to a bed and shows today’s tasks; at the next morning the next day’s are there', async () => {
    await admitted();
    const today = await board();
    expect(today.dayOfStay).toBe(1);
    expect(today.tasks.map(local)).toEqual([
      'reassurance@2026-12-03 13:30',
      'surgery_day_care@2026-12-03 15:00',
      'round@2026-12-03 16:00',
      'meal@2026-12-03 16:30',
      'surgery_day_care@2026-12-03 17:00',
      'surgery_day_care@2026-12-03 19:00',
      'night_round@2026-12-03 22:00',
    ]);
    await at('2026-12-04T00:00:00.000Z'); // 08:00 the next morning
    const tomorrow = await board();
    expect(tomorrow.dayOfStay).toBe(2);
    expect(tomorrow.tasks.filter((task) => task.kind === 'surgeon_visit' || task.kind === 'explain_cost').map(local)).toEqual(['surgeon_visit@2026-12-04 10:00', 'explain_cost@2026-12-04 10:30']);
  });

  it('a round is started and ended; closed after 6 minutes it warns, and is still done', async () => {
    await admitted();
    await at('2026-12-03T08:00:00.000Z'); // 16:00
    const round = (await board()).tasks.find((task) => task.kind === 'round');
    if (!round) throw new Error('no round');
    expect(await clinic.call('wardTasks.complete', { taskId: round.id }, clinic.tokens.nurse)).toMatchObject({ ok: false, status: 409 });
    expect(await clinic.call('wardTasks.start', { taskId: round.id }, clinic.tokens.nurse)).toMatchObject({ ok: true });
    await at('2026-12-03T08:06:00.000Z');
    expect(await clinic.call('wardTasks.complete', { taskId: round.id }, clinic.tokens.nurse)).toEqual({ ok: true, value: { ok: true, warning: { kind: 'shortRound', minutes: 6, minimum: 10 } } });
    // A second nurse on the same task: a conflict, not a second completion.
    expect(await clinic.call('wardTasks.complete', { taskId: round.id }, clinic.tokens.doctor)).toMatchObject({ ok: false, status: 409 });
    expect((await board()).tasks.find((task) => task.id === round.id)?.state).toBe('done');
  });

  it('a round of 10 minutes or more closes without a warning', async () => {
    await admitted();
    await at('2026-12-03T08:00:00.000Z');
    const round = (await board()).tasks.find((task) => task.kind === 'round');
    if (!round) throw new Error('no round');
    await clinic.call('wardTasks.start', { taskId: round.id }, clinic.tokens.nurse);
    await at('2026-12-03T08:12:00.000Z');
    expect(await clinic.call('wardTasks.complete', { taskId: round.id }, clinic.tokens.nurse)).toEqual({ ok: true, value: { ok: true, warning: null } });
  });

  it('printing the aftercare sheet makes the next-day re-explanation due at 10:00', async () => {
    const { stayId } = await admitted();
    await at('2026-12-03T12:00:00.000Z'); // 20:00
    expect(await clinic.call('aftercare.recordPrint', { stayId }, clinic.tokens.nurse)).toEqual({ ok: true, value: { ok: true, aftercareAgainAt: '2026-12-04T02:00:00.000Z' } });
    expect((await board()).tasks.some((task) => task.kind === 'explain_aftercare')).toBe(false);
    await at('2026-12-04T00:30:00.000Z');
    expect((await board()).tasks.filter((task) => task.kind === 'explain_aftercare').map(local)).toEqual(['explain_aftercare@2026-12-04 10:00']);
  });

  it('infusion checks every 30 minutes while it runs, withdrawn when it stops', async () => {
    const { stayId } = await admitted();
    await clinic.call('stays.infusion', { stayId, running: true }, clinic.tokens.nurse);
    const checks = (await board()).tasks.filter((task) => task.kind === 'infusion_check').map(local);
    expect(checks.slice(0, 2)).toEqual(['infusion_check@2026-12-03 13:30', 'infusion_check@2026-12-03 14:00']);
    await clinic.call('stays.infusion', { stayId, running: false }, clinic.tokens.nurse);
    expect((await board()).tasks.some((task) => task.kind === 'infusion_check')).toBe(false);
  });

  it('discharge waits for the medicine cost to be explained (above ¥100), then gives the farewell and the next-day task', async () => {
    const { stayId } = await admitted();
    await at('2026-12-04T03:00:00.000Z'); // 11:00 next day
    const stay = await board();
    expect(await clinic.call('stays.discharge', { stayId, expectedVersion: stay.version, sheetGiven: true }, clinic.tokens.nurse)).toMatchObject({ ok: false, status: 409 });
    const cost = stay.tasks.find((task) => task.kind === 'explain_cost');
    if (!cost) throw new Error('no cost task');
    await clinic.call('wardTasks.complete', { taskId: cost.id }, clinic.tokens.nurse);
    const version = (await board()).version;
    expect(await clinic.call('stays.discharge', { stayId, expectedVersion: version, sheetGiven: true }, clinic.tokens.nurse)).toEqual({ ok: true, value: { ok: true, aftercareAgainAt: '2026-12-05T02:00:00.000Z' } });
    const open = await clinic.core.database.db.selectFrom('ward_tasks').select(['kind', 'due_at']).where('stay_id', '=', stayId).where('done_at', 'is', null).where('cancelled_at', 'is', null).orderBy('due_at').execute();
    expect(open.map((task) => task.kind)).toEqual(['farewell', 'explain_aftercare']);
    // The bed is free again.
    const beds = await clinic.call<Board>('stays.board', {}, clinic.tokens.nurse);
    expect(beds.ok && beds.value.beds.every((bed) => bed.stay === null)).toBe(true);
  });

  it('one customer in one bed: a second admission to the bed is a conflict', async () => {
    await admitted();
    const other = await clinic.inConsultation('李娜');
    expect(await clinic.call('stays.admit', { customerId: other.customerId, roomId: clinic.wardRoomId, bed: 1 }, clinic.tokens.nurse)).toMatchObject({ ok: false, status: 409, error: { path: ['bed'] } });
    expect(await clinic.call('stays.admit', { customerId: other.customerId, roomId: clinic.wardRoomId, bed: 2 }, clinic.tokens.nurse)).toMatchObject({ ok: true });
    expect(await countRows(clinic.core, 'stays')).toBe(2);
  });

  it('an overdue task tells the nurse on duty, and later the head nurse (manager), with no name in the text', async () => {
    await admitted();
    const scheduler = createScheduler({ db: clinic.core.database.db, clock: clinic.core.clock, events: clinic.core.events, rules: NOTIFICATION_RULES });
    const raised = async (at: string) => {
      await scheduler.tick(new Date(at));
      return clinic.core.database.db
        .selectFrom('notifications')
        .innerJoin('notification_roles', 'notification_roles.notification_id', 'notifications.id')
        .select(['notifications.kind', 'notifications.escalation', 'notifications.params', 'notification_roles.role'])
        .where('notifications.kind', '=', 'wardOverdue')
        .where('notifications.subject_id', 'in', clinic.core.database.db.selectFrom('ward_tasks').select((eb) => eb.cast<string>('id', 'text').as('id')).where('kind', '=', 'reassurance'))
        .execute();
    };
    expect(await raised('2026-12-03T05:40:00.000Z')).toEqual([]); // reassurance due 13:30, now 13:40
    expect((await raised('2026-12-03T05:45:00.000Z')).map((row) => `${row.escalation}:${row.role}`)).toEqual(['due:nurse']);
    const later = await raised('2026-12-03T06:15:00.000Z');
    expect(later.map((row) => `${row.escalation}:${row.role}`).sort()).toEqual(['due:nurse', 'head:manager', 'head:nurse']);
    expect(later.map((row) => row.params).join()).not.toContain('王');
  });
});

describe('the discharge hook', () => {
  it('hands the follow-up feature the customer, stay, item, surgery and discharge times, inside the transaction', async () => {
    const { customerId, stayId } = await admitted();
    const { createStayService } = await import('./stay-service');
    const seen: unknown[] = [];
    const service = createStayService({ onDischarged: (_tx, facts) => Promise.resolve(void seen.push(facts)) });
    const db = clinic.core.database.db;
    const cost = await db.selectFrom('ward_tasks').select('id').where('stay_id', '=', stayId).where('kind', '=', 'explain_cost').executeTakeFirstOrThrow();
    await db.updateTable('ward_tasks').set({ done_at: NOW, done_by: 1 }).where('id', '=', cost.id).execute();
    const stay = await db.selectFrom('stays').select('version').where('id', '=', stayId).executeTakeFirstOrThrow();
    await db.transaction().execute((tx) => service.discharge(tx, { stayId, expectedVersion: stay.version }, 1, new Date('2026-12-04T03:00:00.000Z')));
    expect(seen).toEqual([{ customerId, stayId, itemId: clinic.itemId, surgeryAt: '2026-12-03T06:00:00.000Z', dischargedAt: '2026-12-04T03:00:00.000Z' }]);
  });
});
