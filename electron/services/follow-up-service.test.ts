import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { signatureOf } from '../../tests/helpers/signature';
import { seedDemoClinic } from '../demo/seed-demo';
import { createScheduler } from './scheduler';
import { resolveDayShifts } from './roster-shifts';
import { followUpConcernRule, surveyLowRule } from './notification-rules/follow-ups';

// Monday 2026-11-23, 09:30 in Beijing.
const NOW = '2026-11-23T01:30:00.000Z';
let core: TestCore;
const staff: Record<string, number> = {};

type Result<T> = { ok: true; value: T } | { ok: false; status: number; error: { code: string; message: string; path?: (string | number)[] } };
/** Calls as a role, signing in afresh at the clock's current time (the clock jumps between calls). */
async function call<T = Record<string, unknown>>(method: string, input: unknown, role = 'reception'): Promise<Result<T>> {
  const token = await signIn(core, staff[role]!);
  return core.dispatcher.dispatch(method, input, caller(token)) as Promise<Result<T>>;
}
async function ok<T = Record<string, unknown>>(method: string, input: unknown, role = 'reception'): Promise<T> {
  const result = await call<T>(method, input, role);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
const at = (iso: string) => core.clock.set(new Date(iso));

interface CallRow { stepId: number; version: number; label: string; attempts: number; waiting: boolean; daysOverdue: number; customer: { id: number }; visitStep: { stepId: number; version: number; dueDate: string } | null }
const callList = async () => (await ok<{ date: string; calls: CallRow[] }>('followUps.callList', {})).calls;

beforeEach(async () => {
  core = await createTestCore({ now: NOW });
  await seedDemoClinic(core.database.db, '2026-11-23', new Date(NOW));
  for (const role of ['reception', 'consultant', 'doctor', 'manager'] as const) staff[role] = await addStaff(core, `${role}测试`, role);
});
afterEach(() => core.close());

describe('the follow-up plan and the call list', () => {
  it('shows the day-1 call only once the clinic day after surgery has come', async () => {
    // Surgery at 23:30 Beijing on the 23rd (15:30 UTC): day 1 is the 24th, from Beijing's midnight.
    at('2026-11-23T15:30:00.000Z');
    const plan = await ok<{ steps: { kind: string; dueDate: string }[] }>('followUps.createPlan', { customerId: 1, surgeryAt: '2026-11-23T15:30:00.000Z' });
    expect(plan.steps.map((step) => `${step.kind}:${step.dueDate}`)).toEqual(['call:2026-11-24', 'call:2026-11-26', 'call:2026-11-30', 'visit:2026-12-23']);
    at('2026-11-23T15:59:00.000Z');
    expect(await callList()).toEqual([]);
    at('2026-11-23T16:00:00.000Z');
    expect((await callList()).map((row) => row.label)).toEqual(['d1']);
  });

  it('lists overdue calls first and a retried call keeps its attempts', async () => {
    await ok('followUps.createPlan', { customerId: 1, surgeryAt: '2026-11-22T02:00:00.000Z' });
    await ok('followUps.createPlan', { customerId: 2, surgeryAt: '2026-11-18T02:00:00.000Z' });
    const list = await callList();
    expect(list.map((row) => [row.customer.id, row.label, row.daysOverdue])).toEqual([[2, 'd1', 4], [2, 'd3', 2], [1, 'd1', 0]]);

    const first = list[2]!;
    const missed = await ok<{ attempts: number }>('followUps.recordCall', { stepId: first.stepId, expectedVersion: first.version, outcome: 'not_reached' });
    expect(missed.attempts).toBe(1);
    // A second caller acting on the old version loses with a conflict, and nothing changes.
    const stale = await call('followUps.recordCall', { stepId: first.stepId, expectedVersion: first.version, outcome: 'reached' });
    expect(stale).toMatchObject({ ok: false, status: 409 });
    let again = (await callList()).find((row) => row.stepId === first.stepId)!;
    expect(again).toMatchObject({ attempts: 1, waiting: true });

    at('2026-11-23T03:31:00.000Z');
    again = (await callList()).find((row) => row.stepId === first.stepId)!;
    expect(again.waiting).toBe(false);
    expect(await call('followUps.recordCall', { stepId: again.stepId, expectedVersion: again.version, outcome: 'call_later' })).toMatchObject({ ok: false, error: { code: 'invalid', path: ['retryAt'] } });
    const later = await ok<{ attempts: number }>('followUps.recordCall', { stepId: again.stepId, expectedVersion: again.version, outcome: 'call_later', retryAt: '2026-11-23T08:00:00.000Z' });
    expect(later.attempts).toBe(2);
    at('2026-11-23T08:00:00.000Z');
    again = (await callList()).find((row) => row.stepId === first.stepId)!;
    const reached = await ok<{ attempts: number }>('followUps.recordCall', { stepId: again.stepId, expectedVersion: again.version, outcome: 'reached', feeling: '还好，有点肿' });
    expect(reached.attempts).toBe(3);
    expect((await callList()).some((row) => row.stepId === first.stepId)).toBe(false);
    const plans = await ok<{ plans: { steps: { id: number; attempts: number; status: string }[] }[] }>('followUps.plans', { customerId: 1 });
    expect(plans.plans[0]!.steps.find((step) => step.id === first.stepId)).toMatchObject({ attempts: 3, status: 'done' });
  });

  it('keeps an escalated concern on the doctor’s list, notified, until the doctor answers it', async () => {
    await ok('followUps.createPlan', { customerId: 1, surgeryAt: '2026-11-22T02:00:00.000Z' });
    const [row] = await callList();
    const recorded = await ok<{ concernId: number }>('followUps.recordCall', { stepId: row!.stepId, expectedVersion: row!.version, outcome: 'reached', questions: '右眼比左眼肿', concern: '右眼肿得厉害，能冰敷吗？' });
    expect(recorded.concernId).toBeGreaterThan(0);
    const scheduler = createScheduler({ db: core.database.db, clock: core.clock, events: core.events, rules: [followUpConcernRule] });
    await scheduler.tick(core.clock.now());
    const notes = await core.database.db.selectFrom('notifications').select(['kind', 'params']).where('kind', '=', 'followUpConcern').execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.params).not.toContain(String((await core.database.db.selectFrom('customers').select('name').where('id', '=', 1).executeTakeFirstOrThrow()).name));
    // Days later it is still there.
    at('2026-11-26T02:00:00.000Z');
    const concerns = async () => (await ok<{ concerns: { id: number }[] }>('followUps.concerns', {}, 'doctor')).concerns.map((concern) => concern.id);
    expect(await concerns()).toEqual([recorded.concernId]);
    expect(await call('followUps.answerConcern', { concernId: recorded.concernId, answer: '可以' }, 'reception')).toMatchObject({ ok: false, status: 403 });
    await ok('followUps.answerConcern', { concernId: recorded.concernId, answer: '可以冰敷，48小时后热敷' }, 'doctor');
    expect(await concerns()).toEqual([]);
    expect(await call('followUps.answerConcern', { concernId: recorded.concernId, answer: '再答' }, 'doctor')).toMatchObject({ ok: false, status: 409 });
    scheduler.stop();
  });
});

describe('consent to follow-up calls (issue 20)', () => {
  it('leaves a customer who withdrew it off the call list, shows her to a manager as "no consent to calls", and refuses the call', async () => {
    // The clock stands still here: one session per role (a fresh sign-in per call at one instant
    // would run into the limit of live sessions, which revokes the oldest — by time, a tie).
    const tokens = new Map<string, string>();
    const call = async <T = Record<string, unknown>>(method: string, input: unknown, role = 'reception'): Promise<Result<T>> => {
      if (!tokens.has(role)) tokens.set(role, await signIn(core, staff[role]!));
      return core.dispatcher.dispatch(method, input, caller(tokens.get(role)!)) as Promise<Result<T>>;
    };
    const ok = async <T = Record<string, unknown>>(method: string, input: unknown, role = 'reception'): Promise<T> => {
      const result = await call<T>(method, input, role);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value;
    };
    const callList = async () => (await ok<{ calls: CallRow[] }>('followUps.callList', {})).calls;
    await ok('followUps.createPlan', { customerId: 1, surgeryAt: '2026-11-22T02:00:00.000Z' });
    await ok('followUps.createPlan', { customerId: 2, surgeryAt: '2026-11-22T02:00:00.000Z' });
    const phone = (await core.database.db.selectFrom('customers').select('phone').where('id', '=', 2).executeTakeFirstOrThrow()).phone;
    // Customer 1 consents, customer 2 consents and then withdraws.
    await ok('privacy.recordConsent', { customerId: 1, purpose: 'followUpCalls', method: 'paper' });
    const given = await ok<{ id: number }>('privacy.recordConsent', { customerId: 2, purpose: 'followUpCalls', method: 'paper' });
    expect((await callList()).map((row) => row.customer.id)).toEqual([1, 2]);
    await ok('privacy.withdrawConsent', { consentId: given.id });

    // Reception: she is not offered at all.
    expect((await callList()).map((row) => row.customer.id)).toEqual([1]);
    // The manager: she is there, marked, her phone masked; a withdrawn marketing consent changes nothing.
    const managerList = (await ok<{ calls: (CallRow & { noConsent: boolean; customer: { phone: string } })[] }>('followUps.callList', {}, 'manager')).calls;
    expect(managerList.map((row) => [row.customer.id, row.noConsent])).toEqual([[1, false], [2, true]]);
    const hers = managerList.find((row) => row.customer.id === 2)!;
    expect(hers.customer.phone).not.toBe(phone);
    expect(hers.customer.phone).toContain('****');
    expect(hers.customer.phone.slice(-4)).toBe(phone.slice(-4));
    // Nobody may record a call to her, not even the manager; nothing changes.
    expect(await call('followUps.recordCall', { stepId: hers.stepId, expectedVersion: hers.version, outcome: 'reached' }, 'manager')).toMatchObject({ ok: false, status: 409, error: { path: ['stepId'] } });
    const step = await core.database.db.selectFrom('followup_steps').select(['attempts', 'status']).where('id', '=', hers.stepId).executeTakeFirstOrThrow();
    expect(step).toEqual({ attempts: 0, status: 'open' });

    // She consents again: back on everyone's list.
    await ok('privacy.recordConsent', { customerId: 2, purpose: 'followUpCalls', method: 'tablet', signature: signatureOf('2') });
    expect((await callList()).map((row) => row.customer.id)).toEqual([1, 2]);
  });
});

describe('consent to surveys (issue 20)', () => {
  it('keeps no answer under the name of a customer who withdrew it; the anonymous kiosk still takes hers', async () => {
    const given = await ok<{ id: number }>('privacy.recordConsent', { customerId: 2, purpose: 'survey', method: 'paper' });
    expect(await ok<{ low: boolean }>('surveys.submit', { source: 'staff', customerId: 2, scores: { reception: 5 } })).toMatchObject({ low: false });
    await ok('privacy.withdrawConsent', { consentId: given.id });
    const before = await core.database.db.selectFrom('surveys').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await call('surveys.submit', { source: 'staff', customerId: 2, scores: { reception: 2 }, comments: '不想留名' })).toMatchObject({
      ok: false,
      status: 409,
      error: { path: ['customerId'], message: 'The customer withdrew her consent to surveys: no answer can be kept under her name; she may use the anonymous kiosk form' },
    });
    const after = await core.database.db.selectFrom('surveys').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // The kiosk's answer has no customer: taken. A customer who never withdrew is asked as before.
    expect(await ok<{ low: boolean }>('surveys.submit', { source: 'kiosk', scores: { reception: 2 } })).toMatchObject({ low: true });
    expect(await ok<{ low: boolean }>('surveys.submit', { source: 'staff', customerId: 3, scores: { reception: 5 } })).toMatchObject({ low: false });
  });
});

describe('a follow-up visit (seed 004 rules 11 and 23)', () => {
  it('is booked from the plan, cannot close without the consultant, asks a reason at 4 minutes and not at 6', async () => {
    // Surgery a month ago: the one-month visit is due today.
    await ok('followUps.createPlan', { customerId: 3, surgeryAt: '2026-10-23T02:00:00.000Z' });
    const row = (await callList()).find((entry) => entry.visitStep)!;
    expect(row.visitStep!.dueDate).toBe('2026-11-23');
    const doctor = await core.database.db.selectFrom('staff').select('id').where('role', '=', 'doctor').orderBy('id').executeTakeFirstOrThrow();
    const booked = await ok<{ appointment: { id: number; kind: string } }>('followUps.bookVisit', { stepId: row.visitStep!.stepId, expectedVersion: row.visitStep!.version, doctorId: doctor.id, date: '2026-11-23', time: '17:30', durationMinutes: 15, override: true }, 'manager');
    expect(booked.appointment.kind).toBe('followup');
    expect(await call('followUps.bookVisit', { stepId: row.visitStep!.stepId, expectedVersion: row.visitStep!.version, doctorId: doctor.id, date: '2026-11-23', time: '17:30' }, 'manager')).toMatchObject({ ok: false, status: 409 });

    const { visitId, ticket } = await ok<{ visitId: number; ticket: string }>('visits.checkIn', { appointmentId: booked.appointment.id });
    expect(ticket).toMatch(/^F/);
    await ok('visits.transition', { visitId, to: 'called' });
    await ok('visits.transition', { visitId, to: 'in_consultation' });
    expect(await call('visits.transition', { visitId, to: 'done' })).toMatchObject({ ok: false, status: 409, error: { message: expect.stringContaining('consultant') } });

    at('2026-11-23T02:00:00.000Z');
    await ok('followUps.consultantSeen', { visitId }, 'consultant');
    expect(await call('followUps.consultantSeen', { visitId }, 'consultant')).toMatchObject({ ok: false, status: 409 });
    at('2026-11-23T02:04:00.000Z');
    expect(await call('visits.transition', { visitId, to: 'done' })).toMatchObject({ ok: false, status: 400, error: { path: ['note'] } });
    const status = await core.database.db.selectFrom('visits').select('status').where('id', '=', visitId).executeTakeFirstOrThrow();
    expect(status.status).toBe('in_consultation');
    at('2026-11-23T02:06:00.000Z');
    expect(await ok<{ status: string }>('visits.transition', { visitId, to: 'done' })).toMatchObject({ status: 'done' });
  });

  it('offers the surgeon’s look on day 2 and at stitch removal while the surgeon is on shift (rule 23)', async () => {
    const shift = (await resolveDayShifts(core.database.db, '2026-11-23')).find((each) => each.start <= '09:30' && each.end > '09:30')!;
    expect(shift).toBeDefined();
    // The surgery, booked beforehand, on Saturday the 21st with a doctor on shift on Monday morning.
    at('2026-11-20T01:00:00.000Z');
    await ok('appointments.create', { customerId: 5, doctorId: shift.doctorId, kind: 'surgery', channel: 'phone', date: '2026-11-21', time: '10:00', durationMinutes: 60, override: true }, 'manager');
    at(NOW);
    const booked = await ok<{ id: number }>('appointments.create', { customerId: 5, doctorId: shift.doctorId, kind: 'followup', channel: 'phone', date: '2026-11-23', time: '10:00', durationMinutes: 15, override: true }, 'manager');
    const { visitId } = await ok<{ visitId: number }>('visits.checkIn', { appointmentId: booked.id });
    const check = () => ok<{ consultantStartedAt: string | null; surgeonLook: { reason: string; daysSinceSurgery: number; surgeon: { id: number }; onShift: boolean; seenAt: string | null } | null }>('followUps.visitCheck', { visitId });
    expect(await check()).toEqual({ consultantStartedAt: null, surgeonLook: { reason: 'day2', daysSinceSurgery: 2, surgeon: { id: shift.doctorId, name: expect.any(String) }, onShift: true, seenAt: null } });
    // The surgeon looks during the follow-up: after the consultant started, once.
    expect(await call('followUps.surgeonSeen', { visitId })).toMatchObject({ ok: false, status: 409 });
    await ok('followUps.consultantSeen', { visitId }, 'consultant');
    await ok('followUps.surgeonSeen', { visitId }, 'doctor');
    expect(await call('followUps.surgeonSeen', { visitId }, 'doctor')).toMatchObject({ ok: false, status: 409 });
    expect((await check()).surgeonLook).toMatchObject({ reason: 'day2', seenAt: NOW });
    // After the surgeon's shift the look is not offered as on shift; day 4 has none; day 7 is stitch removal.
    at(`2026-11-23T${String(Number(shift.end.slice(0, 2)) - 8).padStart(2, '0')}:${shift.end.slice(3)}:00.000Z`);
    expect((await check()).surgeonLook).toMatchObject({ onShift: false });
    at('2026-11-25T02:00:00.000Z');
    expect((await check()).surgeonLook).toBeNull();
    at('2026-11-28T02:00:00.000Z');
    expect((await check()).surgeonLook).toMatchObject({ reason: 'stitches', daysSinceSurgery: 7 });
  });

  it('refuses the consultant step for a visit that is not a follow-up', async () => {
    const customer = 4;
    const { visitId } = await ok<{ visitId: number }>('visits.checkIn', { walkIn: { customerId: customer } });
    // A walk-in is not a follow-up: the consultant step is refused for it, and it closes as before.
    expect(await call('followUps.consultantSeen', { visitId }, 'consultant')).toMatchObject({ ok: false, status: 400 });
  });
});

describe('surveys', () => {
  it('sends a low score to the manager, who records what was done once', async () => {
    const good = await ok<{ low: boolean }>('surveys.submit', { source: 'kiosk', scores: { reception: 5, waiting: 4 }, recommend: 9 });
    expect(good.low).toBe(false);
    const low = await ok<{ id: number; low: boolean }>('surveys.submit', { source: 'staff', customerId: 1, scores: { reception: 4, waiting: 1 }, recommend: 8, comments: '等了四十分钟' });
    expect(low.low).toBe(true);
    expect(await call('surveys.submit', { source: 'kiosk', customerId: 1, scores: {} })).toMatchObject({ ok: false, status: 400 });
    const scheduler = createScheduler({ db: core.database.db, clock: core.clock, events: core.events, rules: [surveyLowRule] });
    await scheduler.tick(core.clock.now());
    const raised = await core.database.db.selectFrom('notifications').select('subject_id').where('kind', '=', 'surveyLow').execute();
    expect(raised.map((row) => row.subject_id)).toEqual([String(low.id)]);
    const list = await ok<{ surveys: { id: number; customer: string; handledAt: string | null }[] }>('surveys.low', {}, 'manager');
    expect(list.surveys).toHaveLength(1);
    expect(list.surveys[0]!.customer).toContain('*');
    await ok('surveys.handle', { surveyId: low.id, note: '店长致电道歉，下次优先安排' }, 'manager');
    expect(await call('surveys.handle', { surveyId: low.id, note: 'again' }, 'manager')).toMatchObject({ ok: false, status: 409 });
    scheduler.stop();
  });
});
