/**
 * Issue 20, a customer's copy (PIPL Art. 45): one customer with a row in every table that refers to
 * her — found from the schema — and each found in her export. A table added later that this test
 * does not fill fails here until the test makes her a row of it (and so proves her copy holds it).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createStayClinic, POSITIVE_SCREEN, type StayClinic } from '../../tests/helpers/stay-fixture';
import { signatureOf } from '../../tests/helpers/signature';
import { customerTables } from '../db/repositories/customer-graph';
import { NOTIFICATION_RULES } from './notification-rules/index';
import { createScheduler } from './scheduler';

// Thursday 2026-12-03, 10:00 in Beijing.
const NOW = '2026-12-03T02:00:00.000Z';
let clinic: StayClinic;
beforeEach(async () => {
  clinic = await createStayClinic(NOW);
});
afterEach(() => clinic.core.close());

async function value<T = Record<string, unknown>>(method: string, input: unknown, token?: string): Promise<T> {
  const result = await clinic.call<T>(method, input, token);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** Her whole path through the clinic: every feature that keeps a row about her. */
async function customerEverywhere(name: string, phone: string) {
  const { tokens } = clinic;
  // First visit: a hand-off note, a screen, the consultation ends "thinking it over" (a call in 5 days).
  const first = await clinic.inConsultation(name, phone);
  await value('handoff.save', { visitId: first.visitId, expectedVersion: 0, wants: '自然一点', worries: '怕疼' }, tokens.manager);
  await value('handoff.get', { visitId: first.visitId }, tokens.manager);
  await value('screenings.record', { customerId: first.customerId, answers: POSITIVE_SCREEN });
  await value('outcomes.record', { visitId: first.visitId, expectedVersion: first.version, outcome: 'thinking', followupInDays: 5 });
  // She comes back the same day and decides: pre-op and surgery booked, a decision on the screen.
  const again = await value<{ visitId: number }>('visits.checkIn', { walkIn: { customerId: first.customerId, doctorId: clinic.doctorId, itemId: clinic.itemId } }, tokens.reception);
  // Called to the consultation room: an escort takes her there.
  const [room] = await value<{ id: number }[]>('rooms.list', {}, tokens.reception);
  let version = 0;
  for (const to of ['called', 'in_consultation']) {
    version = (await value<{ version: number }>('visits.transition', { visitId: again.visitId, to, ...(to === 'called' && room ? { roomId: room.id } : {}) }, tokens.reception)).version;
  }
  const decided = await value<{ preOpAppointmentId: number; surgeryAppointmentId: number }>('outcomes.record', {
    visitId: again.visitId,
    expectedVersion: version,
    outcome: 'decided',
    preOp: { doctorId: clinic.otherDoctorId, date: '2026-12-04', time: '11:00', durationMinutes: 30 },
    surgery: { doctorId: clinic.doctorId, date: '2026-12-05', time: '14:00', durationMinutes: 90 },
    screeningDecision: { decision: 'proceed', reason: '医生评估：诉求具体、合理' },
  });
  await value('outcomes.recordConsent', { appointmentId: decided.surgeryAppointmentId, signedOn: '2026-12-03' });
  const preOp = await value<{ version: number }>('appointments.get', { id: decided.preOpAppointmentId }, tokens.reception);
  await value('appointments.recordCall', { id: decided.preOpAppointmentId, expectedVersion: preOp.version, outcome: 'confirmed' }, tokens.reception);
  await value('print.record', { kind: 'slip', appointmentId: decided.preOpAppointmentId, paper: '80mm' }, tokens.reception);
  await value('stays.admit', { customerId: first.customerId, roomId: clinic.wardRoomId, bed: 1, surgeryAppointmentId: decided.surgeryAppointmentId }, tokens.nurse);
  // After an earlier surgery: her follow-up plan, the day-1 call reached with a concern for the doctor,
  // the plan's visit booked and seen by the consultant, and her survey.
  await value('followUps.createPlan', { customerId: first.customerId, surgeryAt: '2026-12-01T02:00:00.000Z' }, tokens.manager);
  type CallRow = { customer: { id: number }; stepId: number; version: number };
  const calls = (await value<{ calls: CallRow[] }>('followUps.callList', {}, tokens.reception)).calls.filter((row) => row.customer.id === first.customerId);
  const call = calls[0];
  if (!call) throw new Error('no follow-up call of hers is due');
  await value('followUps.recordCall', { stepId: call.stepId, expectedVersion: call.version, outcome: 'reached', questions: '右眼肿', concern: '能冰敷吗？' }, tokens.reception);
  const plans = await value<{ plans: { steps: { id: number; kind: string; version: number }[] }[] }>('followUps.plans', { customerId: first.customerId }, tokens.manager);
  const visitStep = plans.plans[0]?.steps.find((step) => step.kind === 'visit');
  if (!visitStep) throw new Error('her plan has no visit');
  const booked = await value<{ appointment: { id: number } }>('followUps.bookVisit', { stepId: visitStep.id, expectedVersion: visitStep.version, doctorId: clinic.doctorId, date: '2026-12-03', time: '16:00', durationMinutes: 15, override: true }, tokens.manager);
  const followUp = await value<{ visitId: number }>('visits.checkIn', { appointmentId: booked.appointment.id }, tokens.reception);
  await value('followUps.consultantSeen', { visitId: followUp.visitId }, tokens.consultant);
  await value('surveys.submit', { source: 'staff', customerId: first.customerId, scores: { reception: 5, waiting: 4 }, recommend: 9, comments: '很好' }, tokens.reception);
  await value('privacy.recordConsent', { customerId: first.customerId, purpose: 'medical', method: 'tablet', signature: signatureOf('first') }, tokens.reception);
  await value('customers.get', { id: first.customerId, screen: 'customerPage' }, tokens.reception);
  // Hours later, what is overdue about her is told (a notification names her rows).
  (clinic.core.clock as unknown as { advance(ms: number): void }).advance(3 * 60 * 60_000);
  await clinic.signInAgain();
  await createScheduler({ db: clinic.core.database.db, clock: clinic.core.clock, events: clinic.core.events, rules: NOTIFICATION_RULES }).tick();
  // The next day the manager's report of her day keeps its facts (report_visit_facts, migration 022).
  const { clinic_date: herDay } = await clinic.core.database.db.selectFrom('visits').select('clinic_date').where('id', '=', first.visitId).executeTakeFirstOrThrow();
  (clinic.core.clock as unknown as { advance(ms: number): void }).advance(24 * 60 * 60_000);
  await clinic.signInAgain();
  await value('report.get', { from: herDay, to: herDay }, tokens.manager);
  return first.customerId;
}

it('holds a row of every table that refers to her, found from the schema, and nothing of anyone else', async () => {
  const herId = await customerEverywhere('欧阳雪晴', '13933334444');
  const copy = await value<{ tables: Record<string, Record<string, unknown>[]> }>('privacy.export', { customerId: herId }, clinic.tokens.manager);
  const linked = (await customerTables(clinic.core.database.db)).map((table) => table.table);
  console.log(`[privacy] tables that refer to a customer (${String(linked.length)}): ${linked.join(', ')}`);
  expect(Object.keys(copy.tables).sort()).toEqual([...linked].sort());
  expect(Object.entries(copy.tables).filter(([, rows]) => rows.length === 0).map(([table]) => table)).toEqual([]);
  expect(copy.tables.customers).toEqual([expect.objectContaining({ id: herId, name: '欧阳雪晴' })]);
  // Her consent signed on the tablet comes with the signature she drew.
  expect(copy.tables.consents).toEqual([expect.objectContaining({ method: 'tablet', signature: signatureOf('first') })]);
  // Another customer of the same day is in none of it.
  const other = await clinic.inConsultation('林可欣', '13944445555');
  const again = await value<{ tables: Record<string, Record<string, unknown>[]> }>('privacy.export', { customerId: herId }, clinic.tokens.manager);
  expect(JSON.stringify(again)).not.toContain('林可欣');
  expect(again.tables.visits?.map((row) => row.customer_id)).not.toContain(other.customerId);
  expect(await clinic.call('privacy.export', { customerId: herId }, clinic.tokens.reception)).toMatchObject({ ok: false, status: 403 });
});
