/**
 * The consultation's outcome (seed 000 steps 7–8): decided (the pre-op exam and the surgery booked
 * as appointments of the same customer, the surgery with its responsible doctor 主诊医师), thinking
 * it over (a follow-up call in N days), not now, referred. Everything runs in the caller's one
 * transaction (the dispatcher's), and the bookings go through the booking service's shift and
 * overlap rules: a clash throws and nothing is left half-booked.
 */
import type { Kysely, Transaction } from 'kysely';
import type { OutcomeInput } from '../../../shared/contract/outcomes';
import { AppError } from '../../../shared/contract/errors';
import { addDays, clinicDateOf } from '../../../shared/domain/clinic-time';
import type { Role } from '../../../shared/domain/roles';
import type { VisitStatus } from '../../../shared/domain/visits';
import { findAppointmentDetail } from '../../db/repositories/appointments';
import { findCustomer } from '../../db/repositories/customers';
import { consentOf, insertFollowupCall, insertOutcome, insertScreeningDecision, outcomeOfVisit, upsertConsent } from '../../db/repositories/outcomes';
import { readSettings } from '../../db/repositories/settings';
import { findStaff } from '../../db/repositories/staff';
import { findVisit } from '../../db/repositories/visits';
import type { Database } from '../../db/schema';
import type { BookingService } from '../booking-service';
import type { VisitService } from '../visit-service';
import type { ScreeningService, ScreeningState } from './screening-service';

type Db = Kysely<Database> | Transaction<Database>;

export interface OutcomeResult {
  outcomeId: number;
  preOpAppointmentId: number | null;
  surgeryAppointmentId: number | null;
  followupCallOn: string | null;
  warnings: 'consentMissing'[];
  visitStatus: VisitStatus;
}

export interface OutcomeContext {
  visitId: number;
  version: number;
  status: string;
  customer: { id: number; name: string; addressForm: string | null };
  doctor: { id: number; name: string } | null;
  itemId: number | null;
  recorded: boolean;
  screening: ScreeningState['screening'];
  assessmentSuggested: boolean;
  gate: ScreeningState['gate'];
}

export interface OutcomeService {
  record(db: Db, input: OutcomeInput, actor: { staffId: number; role: Role }, now: Date): Promise<OutcomeResult>;
  context(db: Db, visitId: number, now: Date): Promise<OutcomeContext>;
  recordConsent(db: Db, input: { appointmentId: number; signedOn: string }, staffId: number, now: Date): Promise<{ customerId: number }>;
}

/** A booking service error, its path put under the dialog's part (`preOp.time`). */
function under(part: 'preOp' | 'surgery', error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  return new AppError(error.code, error.messageKey, {
    params: error.params,
    path: [part, ...(error.path ?? [])],
    ...(error.details ? { details: { ...error.details, part } } : { details: { part } }),
  });
}

export function createOutcomeService(deps: { booking: BookingService; visits: VisitService; screenings: ScreeningService }): OutcomeService {
  return {
    async record(db, input, actor, now) {
      const visit = await findVisit(db, input.visitId);
      if (!visit) throw new AppError('not_found', 'error.notFound', { path: ['visitId'] });
      if (visit.version !== input.expectedVersion) throw new AppError('conflict', 'error.conflict', { details: { currentVersion: visit.version } });
      if (await outcomeOfVisit(db, visit.id)) throw new AppError('conflict', 'outcomes.alreadyRecorded', { path: ['visitId'] });
      if (visit.status !== 'in_consultation') {
        throw new AppError('conflict', 'outcomes.notInConsultation', { params: { status: `visits.status.${visit.status}` }, details: { currentStatus: visit.status } });
      }
      if (input.doctorSeenId !== undefined) {
        const doctor = await findStaff(db, input.doctorSeenId);
        if (!doctor || doctor.role !== 'doctor') throw new AppError('invalid', 'appointments.notADoctor', { path: ['doctorSeenId'] });
      }
      const settings = await readSettings(db);
      const today = clinicDateOf(now, settings.timeZone);
      const itemId = input.itemId ?? visit.item_id;
      const stamp = now.toISOString();

      // The screen before surgery: a recent one, and a decision when it asks for one. Never a refusal by itself.
      const decision = input.screeningDecision;
      let screeningId: number | null = null;
      if (input.surgery || decision) {
        const state = await deps.screenings.state(db, visit.customer_id, now);
        screeningId = state.screeningId;
        if (input.surgery) {
          if (state.gate.kind === 'screenNeeded') {
            throw new AppError('conflict', state.gate.lastTakenAt ? 'screenings.repeatNeeded' : 'screenings.needed', { path: ['surgery'], params: { months: settings.screeningValidMonths }, details: { gate: state.gate } });
          }
          if (state.gate.kind === 'decisionNeeded' && !decision) {
            throw new AppError('conflict', 'screenings.decisionNeeded', { path: ['screeningDecision'], details: { gate: state.gate } });
          }
          if (decision && decision.decision !== 'proceed') {
            throw new AppError('invalid', 'screenings.decisionBlocksSurgery', { path: ['surgery'], params: { decision: `screenings.decision.${decision.decision}` } });
          }
        }
      }

      const channel = visit.appointment_id !== null ? ((await findAppointmentDetail(db, visit.appointment_id))?.channel ?? 'walk_in') : 'walk_in';
      let preOpAppointmentId: number | null = null;
      let surgeryAppointmentId: number | null = null;
      if (input.preOp) {
        try {
          const booked = await deps.booking.create(db, { customerId: visit.customer_id, itemId, kind: 'preop', channel, ...input.preOp }, actor, now);
          preOpAppointmentId = booked.appointment.id;
        } catch (error) {
          throw under('preOp', error);
        }
      }
      const warnings: 'consentMissing'[] = [];
      if (input.surgery) {
        const { consentSignedOn, ...slot } = input.surgery;
        try {
          const booked = await deps.booking.create(db, { customerId: visit.customer_id, itemId, kind: 'surgery', channel, ...slot }, actor, now);
          surgeryAppointmentId = booked.appointment.id;
        } catch (error) {
          throw under('surgery', error);
        }
        if (consentSignedOn) await upsertConsent(db, { appointmentId: surgeryAppointmentId, customerId: visit.customer_id, signedOn: consentSignedOn, staffId: actor.staffId, at: stamp });
        // 医疗美容服务管理办法 Art. 19–20: a warning while no signed informed consent is on file.
        if (!(await consentOf(db, surgeryAppointmentId))) warnings.push('consentMissing');
      }
      if (decision) {
        await insertScreeningDecision(db, {
          customer_id: visit.customer_id,
          screening_id: screeningId,
          decision: decision.decision,
          reason: decision.reason,
          appointment_id: surgeryAppointmentId,
          decided_at: stamp,
          decided_by: actor.staffId,
        });
      }

      const outcomeId = await insertOutcome(db, {
        visit_id: visit.id,
        customer_id: visit.customer_id,
        outcome: input.outcome,
        doctor_id: input.doctorSeenId ?? visit.doctor_id,
        item_id: itemId,
        medicine_cost_yuan: input.medicineCostYuan ?? 0,
        preop_appointment_id: preOpAppointmentId,
        surgery_appointment_id: surgeryAppointmentId,
        referred_to: input.referredTo ?? '',
        note: input.note ?? '',
        created_at: stamp,
        created_by: actor.staffId,
      });
      let followupCallOn: string | null = null;
      if (input.outcome === 'thinking') {
        followupCallOn = addDays(today, input.followupInDays ?? settings.thinkingFollowupDays);
        await insertFollowupCall(db, { outcomeId, customerId: visit.customer_id, dueDate: followupCallOn, at: stamp });
      }
      // The card moves on: to the pre-op exam when it is today, otherwise the visit is done.
      const to: VisitStatus = input.preOp && input.preOp.date === today ? 'pre_op_exam' : 'done';
      await deps.visits.transition(db, { visitId: visit.id, to, expectedVersion: visit.version }, actor.staffId, now);
      return { outcomeId, preOpAppointmentId, surgeryAppointmentId, followupCallOn, warnings, visitStatus: to };
    },

    async context(db, visitId, now) {
      const visit = await findVisit(db, visitId);
      if (!visit) throw new AppError('not_found', 'error.notFound', { path: ['visitId'] });
      const customer = await findCustomer(db, visit.customer_id);
      if (!customer) throw new AppError('not_found', 'error.notFound', { path: ['visitId'] });
      const doctor = visit.doctor_id !== null ? await findStaff(db, visit.doctor_id) : undefined;
      const state = await deps.screenings.state(db, visit.customer_id, now);
      return {
        visitId: visit.id,
        version: visit.version,
        status: visit.status,
        customer: { id: customer.id, name: customer.name, addressForm: customer.address_form },
        doctor: doctor ? { id: doctor.id, name: doctor.name } : null,
        itemId: visit.item_id,
        recorded: (await outcomeOfVisit(db, visit.id)) !== undefined,
        screening: state.screening,
        assessmentSuggested: state.assessmentSuggested,
        gate: state.gate,
      };
    },

    async recordConsent(db, input, staffId, now) {
      const appointment = await findAppointmentDetail(db, input.appointmentId);
      if (!appointment) throw new AppError('not_found', 'error.notFound', { path: ['appointmentId'] });
      if (appointment.kind !== 'surgery') throw new AppError('invalid', 'outcomes.notASurgery', { path: ['appointmentId'] });
      await upsertConsent(db, { appointmentId: appointment.id, customerId: appointment.customer_id, signedOn: input.signedOn, staffId, at: now.toISOString() });
      return { customerId: appointment.customer_id };
    },
  };
}
