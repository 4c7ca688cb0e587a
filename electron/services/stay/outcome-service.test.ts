import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows } from '../../../tests/helpers/test-core';
import { createStayClinic, NEGATIVE_SCREEN, POSITIVE_SCREEN, type StayClinic } from '../../../tests/helpers/stay-fixture';

// Thursday 2026-12-03, 10:00 in Beijing.
const NOW = '2026-12-03T02:00:00.000Z';
let clinic: StayClinic;

beforeEach(async () => {
  clinic = await createStayClinic(NOW);
});
afterEach(() => clinic.core.close());

const preOp = () => ({ doctorId: clinic.otherDoctorId, date: '2026-12-03', time: '11:00', durationMinutes: 30 });
const surgery = (overrides: Record<string, unknown> = {}) => ({ doctorId: clinic.doctorId, date: '2026-12-05', time: '14:00', durationMinutes: 90, ...overrides });

async function screen(customerId: number, answers: unknown) {
  const result = await clinic.call<{ positive: boolean }>('screenings.record', { customerId, answers });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('closing a consultation', () => {
  it('decided: books the pre-op exam and the surgery for her, warns while no consent is on file, moves the card to the pre-op exam', async () => {
    const { customerId, visitId, version } = await clinic.inConsultation();
    await screen(customerId, NEGATIVE_SCREEN);
    const result = await clinic.call<{ preOpAppointmentId: number; surgeryAppointmentId: number; warnings: string[]; visitStatus: string }>('outcomes.record', {
      visitId,
      expectedVersion: version,
      outcome: 'decided',
      medicineCostYuan: 180,
      preOp: preOp(),
      surgery: surgery(),
    });
    expect(result).toMatchObject({ ok: true, value: { warnings: ['consentMissing'], visitStatus: 'pre_op_exam' } });
    if (!result.ok) return;
    const rows = await clinic.core.database.db.selectFrom('appointments').select(['id', 'customer_id', 'kind', 'doctor_id']).where('id', 'in', [result.value.preOpAppointmentId, result.value.surgeryAppointmentId]).orderBy('id').execute();
    expect(rows).toEqual([
      { id: result.value.preOpAppointmentId, customer_id: customerId, kind: 'preop', doctor_id: clinic.otherDoctorId },
      { id: result.value.surgeryAppointmentId, customer_id: customerId, kind: 'surgery', doctor_id: clinic.doctorId },
    ]);
    // Consent on file: the warning goes.
    expect(await clinic.call('outcomes.recordConsent', { appointmentId: result.value.surgeryAppointmentId, signedOn: '2026-12-03' })).toMatchObject({ ok: true });
  });

  it('a clash of the surgery with another booking leaves nothing half-booked: no pre-op, no outcome, the card still in consultation', async () => {
    const first = await clinic.inConsultation('李娜');
    await screen(first.customerId, NEGATIVE_SCREEN);
    expect((await clinic.call('outcomes.record', { visitId: first.visitId, expectedVersion: first.version, outcome: 'decided', surgery: surgery() })).ok).toBe(true);

    const { customerId, visitId, version } = await clinic.inConsultation();
    await screen(customerId, NEGATIVE_SCREEN);
    const appointments = await countRows(clinic.core, 'appointments');
    const outcomes = await countRows(clinic.core, 'consultation_outcomes');
    const clash = await clinic.call('outcomes.record', { visitId, expectedVersion: version, outcome: 'decided', preOp: preOp(), surgery: surgery({ time: '14:30' }) });
    expect(clash).toMatchObject({ ok: false, status: 409, error: { code: 'conflict', path: ['surgery', 'time'] } });
    expect(await countRows(clinic.core, 'appointments')).toBe(appointments);
    expect(await countRows(clinic.core, 'consultation_outcomes')).toBe(outcomes);
    const card = await clinic.call<{ cards: { status: string }[] }>('visits.cards', { ids: [visitId] });
    expect(card.ok && card.value.cards[0]?.status).toBe('in_consultation');
  });

  it('outside the doctor’s shift the pre-op is refused like any booking, naming the part', async () => {
    const { customerId, visitId, version } = await clinic.inConsultation();
    await screen(customerId, NEGATIVE_SCREEN);
    const result = await clinic.call('outcomes.record', { visitId, expectedVersion: version, outcome: 'decided', preOp: { ...preOp(), time: '18:00' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', path: ['preOp', 'time'] } });
    expect(await countRows(clinic.core, 'consultation_outcomes')).toBe(0);
  });

  it('thinking it over: a follow-up call in N days, the visit done', async () => {
    const { visitId, version } = await clinic.inConsultation();
    const result = await clinic.call('outcomes.record', { visitId, expectedVersion: version, outcome: 'thinking', followupInDays: 5 });
    expect(result).toMatchObject({ ok: true, value: { followupCallOn: '2026-12-08', visitStatus: 'done', surgeryAppointmentId: null } });
    expect(await countRows(clinic.core, 'outcome_followup_calls')).toBe(1);
  });

  it('two consultants closing one consultation: one wins, the other gets a conflict', async () => {
    const { visitId, version } = await clinic.inConsultation();
    expect((await clinic.call('outcomes.record', { visitId, expectedVersion: version, outcome: 'not_now' })).ok).toBe(true);
    expect(await clinic.call('outcomes.record', { visitId, expectedVersion: version, outcome: 'referred', referredTo: '心理科' }, clinic.tokens.doctor)).toMatchObject({ ok: false, status: 409 });
  });
});

describe('the screen before surgery', () => {
  it('a positive screen and no recorded decision: the surgery booking is refused, and nothing booked', async () => {
    const { customerId, visitId, version } = await clinic.inConsultation();
    expect(await screen(customerId, POSITIVE_SCREEN)).toEqual({ id: expect.any(Number), positive: true });
    const refused = await clinic.call('outcomes.record', { visitId, expectedVersion: version, outcome: 'decided', preOp: preOp(), surgery: surgery() });
    expect(refused).toMatchObject({ ok: false, status: 409, error: { code: 'conflict', path: ['screeningDecision'] } });
    expect(await countRows(clinic.core, 'appointments')).toBe(0);

    // Never an automatic refusal: with a recorded decision to proceed and its reason, it is booked.
    const booked = await clinic.call('outcomes.record', {
      visitId,
      expectedVersion: version,
      outcome: 'decided',
      preOp: preOp(),
      surgery: surgery(),
      screeningDecision: { decision: 'proceed', reason: '医生评估：诉求具体、合理，已沟通预期' },
    });
    expect(booked).toMatchObject({ ok: true });
    expect(await countRows(clinic.core, 'screening_decisions')).toBe(1);
  });

  it('refer or postpone: the decision is recorded and no surgery is booked', async () => {
    const { customerId, visitId, version } = await clinic.inConsultation();
    await screen(customerId, POSITIVE_SCREEN);
    expect(await clinic.call('outcomes.record', { visitId, expectedVersion: version, outcome: 'decided', surgery: surgery(), screeningDecision: { decision: 'refer', reason: '建议心理评估' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid', path: ['surgery'] },
    });
    expect(await clinic.call('outcomes.record', { visitId, expectedVersion: version, outcome: 'decided', screeningDecision: { decision: 'refer', reason: '建议心理评估' } })).toMatchObject({ ok: true, value: { surgeryAppointmentId: null } });
    expect(await countRows(clinic.core, 'screening_decisions')).toBe(1);
  });

  it('no screen, or one older than the set months: screen (again) before surgery', async () => {
    const { customerId, visitId, version } = await clinic.inConsultation();
    expect(await clinic.call('outcomes.record', { visitId, expectedVersion: version, outcome: 'decided', surgery: surgery() })).toMatchObject({ ok: false, error: { code: 'conflict', path: ['surgery'] } });
    await clinic.core.database.db
      .insertInto('screenings')
      .values({ customer_id: customerId, instrument: 'bddq_as', answers: '{}', positive: 0, taken_at: '2026-05-01T02:00:00.000Z', taken_by: 1 })
      .execute();
    const stale = await clinic.call('outcomes.record', { visitId, expectedVersion: version, outcome: 'decided', surgery: surgery() }, clinic.tokens.consultant);
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', path: ['surgery'], message: expect.stringContaining('6 months') } });
  });

  it('is invisible to reception, guides and the display', async () => {
    const { customerId, visitId } = await clinic.inConsultation();
    for (const role of ['reception', 'guide', 'display', 'nurse'] as const) {
      for (const [method, input] of [
        ['screenings.record', { customerId, answers: POSITIVE_SCREEN }],
        ['screenings.latest', { customerId }],
        ['outcomes.context', { visitId }],
      ] as const) {
        expect({ role, method, result: await clinic.call(method, input, clinic.tokens[role]) }).toMatchObject({ role, method, result: { ok: false, status: 403 } });
      }
    }
    expect(await countRows(clinic.core, 'screenings')).toBe(0);
    // The consultant sees it.
    expect(await clinic.call('screenings.latest', { customerId })).toMatchObject({ ok: true, value: { screening: null, gate: { kind: 'screenNeeded' } } });
  });

  it('never leaves the screen’s answers in the audit log', async () => {
    const { customerId } = await clinic.inConsultation();
    await screen(customerId, POSITIVE_SCREEN);
    const rows = await clinic.core.database.db.selectFrom('audit_log').select(['method', 'diff']).where('method', '=', 'screenings.record').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.diff).not.toMatch(/q1|q3|positive/);
  });

  it('every read of a screen (consultant, doctor, manager) writes one access-log row naming who and how; no screen on file, no row; a refused read, no row', async () => {
    const { customerId, visitId } = await clinic.inConsultation();
    // Nothing on file yet: nothing was read.
    expect(await clinic.call('screenings.latest', { customerId })).toMatchObject({ ok: true });
    const log = async () => {
      const result = await clinic.call<{ total: number; entries: { staff: string; kind: string; method: string; device: string }[] }>('privacy.accessLog', { customerId }, clinic.tokens.manager);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    expect((await log()).total).toBe(0);
    await screen(customerId, POSITIVE_SCREEN);
    expect(await clinic.call('screenings.latest', { customerId }, clinic.tokens.consultant)).toMatchObject({ ok: true, value: { screening: { positive: true } } });
    expect(await clinic.call('outcomes.context', { visitId }, clinic.tokens.doctor)).toMatchObject({ ok: true, value: { screening: { positive: true } } });
    expect(await clinic.call('screenings.latest', { customerId }, clinic.tokens.manager)).toMatchObject({ ok: true });
    // A refused read (reception) reads nothing and logs nothing.
    expect(await clinic.call('screenings.latest', { customerId }, clinic.tokens.reception)).toMatchObject({ ok: false, status: 403 });
    const entries = (await log()).entries.map((entry) => [entry.staff, entry.kind, entry.method]);
    expect(entries).toEqual([
      ['manager-员工', 'screening', 'screenings.latest'],
      ['李慧', 'screening', 'outcomes.context'],
      ['consultant-员工', 'screening', 'screenings.latest'],
    ]);
    // The log is in the file: a fresh count straight from the table agrees.
    expect(await countRows(clinic.core, 'access_log')).toBeGreaterThanOrEqual(3);
  });
});
