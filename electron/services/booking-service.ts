/**
 * Booking and changing appointments (seed 000 steps 1 and 3). A booking must sit inside the
 * doctor's shift and not overlap another live booking of that doctor; a manager may override on
 * purpose, and the override is recorded. Changes to an existing appointment name the version
 * they were made from, so when two clerks act on one appointment one wins and the other gets a
 * clear conflict.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AppointmentDetail, BookingInput } from '../../shared/contract/appointments';
import { AppError } from '../../shared/contract/errors';
import { findBookingClash, formatMinutes, minutesOf, type BookingClash } from '../../shared/domain/booking';
import { clinicDateOf, clinicDayRange, clinicInstant, clinicTimeOf } from '../../shared/domain/clinic-time';
import type { Role } from '../../shared/domain/roles';
import type { MessageKey } from '../../shared/i18n/messages';
import { findStaff } from '../db/repositories/staff';
import {
  findAppointmentDetail,
  insertAppointment,
  insertCall,
  liveBookingsOfDoctor,
  updateAppointmentVersioned,
} from '../db/repositories/appointments';
import { readSettings } from '../db/repositories/settings';
import type { AppointmentsTable, Database } from '../db/schema';
import type { Updateable } from 'kysely';
import { loadAppointmentDetail } from './appointment-service';
import { requireOpenAppointment, type AppointmentAction } from './require-open-appointment';
import { resolveDayShifts } from './roster-service';

type Db = Kysely<Database> | Transaction<Database>;

export interface Actor {
  staffId: number;
  role: Role;
}

/** What a write did, for the audit row. */
export interface BookingResult {
  appointment: AppointmentDetail;
  diff: Record<string, unknown>;
}

const CLASH_MESSAGES: Record<BookingClash['kind'], MessageKey> = {
  noShift: 'appointments.clash.noShift',
  absent: 'appointments.clash.absent',
  outsideShift: 'appointments.clash.outsideShift',
  beforeLateArrival: 'appointments.clash.beforeLateArrival',
  overlap: 'appointments.clash.overlap',
};

interface SlotRequest {
  doctorId: number;
  date: string;
  time: string;
  durationMinutes: number;
  excludeId?: number;
  override: boolean;
}

export interface BookingService {
  create(db: Db, input: BookingInput, actor: Actor, now: Date): Promise<BookingResult>;
  reschedule(
    db: Db,
    input: { id: number; expectedVersion: number; date: string; time: string; durationMinutes?: number | undefined; doctorId?: number | undefined; override?: boolean | undefined },
    actor: Actor,
    now: Date,
  ): Promise<BookingResult>;
  cancel(db: Db, input: { id: number; expectedVersion: number; reason: string }, actor: Actor, now: Date): Promise<BookingResult>;
  markNoShow(db: Db, input: { id: number; expectedVersion: number }, actor: Actor, now: Date): Promise<BookingResult>;
  recordCall(
    db: Db,
    input: {
      id: number;
      expectedVersion: number;
      outcome: 'confirmed' | 'no_answer' | 'rescheduled' | 'cancelled';
      note?: string | undefined;
      newDate?: string | undefined;
      newTime?: string | undefined;
    },
    actor: Actor,
    now: Date,
  ): Promise<BookingResult>;
}

export function createBookingService(): BookingService {
  /** Checks a slot against the doctor's shift and bookings; returns the room and any override. */
  async function checkSlot(db: Db, request: SlotRequest, actor: Actor, now: Date) {
    const { timeZone } = await readSettings(db);
    const doctor = await findStaff(db, request.doctorId);
    if (!doctor || doctor.role !== 'doctor' || !doctor.active) {
      throw new AppError('invalid', 'appointments.notADoctor', { path: ['doctorId'] });
    }
    const startsAt = clinicInstant(request.date, request.time, timeZone);
    // Nothing is booked for a time already gone, earlier today included (issue 13 part 4); the
    // minute now running still counts, so a clerk booking 10:00 at 10:00:40 is not refused.
    const today = clinicDateOf(now, timeZone);
    if (startsAt.getTime() < Math.floor(now.getTime() / 60_000) * 60_000) {
      if (request.date < today) throw new AppError('invalid', 'appointments.inPast', { path: ['date'], params: { date: request.date, today } });
      throw new AppError('invalid', 'appointments.timeInPast', { path: ['time'], params: { time: request.time, now: clinicTimeOf(now, timeZone) } });
    }
    const shift = (await resolveDayShifts(db, request.date)).find((candidate) => candidate.doctorId === request.doctorId) ?? null;
    const { start, end } = clinicDayRange(request.date, timeZone);
    const others = (await liveBookingsOfDoctor(db, request.doctorId, start, end))
      .filter((booking) => booking.id !== request.excludeId)
      .map((booking) => {
        const from = clinicTimeOf(booking.starts_at, timeZone);
        return { id: booking.id, start: from, end: formatMinutes(minutesOf(from) + booking.duration_minutes), label: booking.address_form ?? booking.name };
      });
    const slot = { start: request.time, end: formatMinutes(minutesOf(request.time) + request.durationMinutes) };
    if (minutesOf(slot.end) > 24 * 60) throw new AppError('invalid', 'validation.invalid', { path: ['durationMinutes'], params: { field: 'durationMinutes' } });
    const clash = findBookingClash(
      slot,
      shift && { start: shift.start, end: shift.end, status: shift.confirmation?.status ?? null, lateUntil: shift.confirmation?.lateUntil ?? null },
      others,
    );
    if (clash) {
      if (!request.override) {
        throw new AppError('conflict', CLASH_MESSAGES[clash.kind], {
          path: ['time'],
          params: {
            doctor: doctor.name,
            date: request.date,
            start: 'shiftStart' in clash ? clash.shiftStart : 'start' in clash ? clash.start : '',
            end: 'shiftEnd' in clash ? clash.shiftEnd : 'end' in clash ? clash.end : '',
            time: 'lateUntil' in clash ? clash.lateUntil : '',
            customer: 'label' in clash ? clash.label : '',
          },
          details: { clash },
        });
      }
      if (actor.role !== 'manager') throw new AppError('forbidden', 'appointments.overrideManagerOnly', { path: ['override'] });
    }
    const roomId = shift?.confirmation?.roomId ?? shift?.roomId ?? null;
    return { startsAt: startsAt.toISOString(), roomId, overridden: clash };
  }

  /** Applies a versioned change, or explains why it could not be made. */
  async function change(db: Db, id: number, expectedVersion: number, changes: Updateable<AppointmentsTable>) {
    if (await updateAppointmentVersioned(db, id, expectedVersion, changes)) return loadAppointmentDetail(db, id);
    const exists = await findAppointmentDetail(db, id);
    if (!exists) throw new AppError('not_found', 'error.notFound', { path: ['id'] });
    throw new AppError('conflict', 'error.conflict', { details: { currentVersion: exists.version } });
  }

  /** The appointment, if it is still open (booked or confirmed); otherwise the one conflict naming its status. */
  async function requireOpen(db: Db, id: number, action: AppointmentAction) {
    const current = await findAppointmentDetail(db, id);
    if (!current) throw new AppError('not_found', 'error.notFound', { path: ['id'] });
    requireOpenAppointment(current, action);
    return current;
  }

  const service: BookingService = {
    async create(db, input, actor, now) {
      const slot = await checkSlot(db, { ...input, override: input.override ?? false }, actor, now);
      const stamp = now.toISOString();
      const id = await insertAppointment(db, {
        customer_id: input.customerId,
        doctor_id: input.doctorId,
        item_id: input.itemId ?? null,
        room_id: slot.roomId,
        kind: input.kind,
        channel: input.channel,
        starts_at: slot.startsAt,
        duration_minutes: input.durationMinutes,
        status: 'booked',
        bring: input.bring ?? '',
        notes: input.notes ?? '',
        booked_by: actor.staffId,
        override_by: slot.overridden ? actor.staffId : null,
        created_at: stamp,
        updated_at: stamp,
      });
      const appointment = await loadAppointmentDetail(db, id);
      return { appointment, diff: { created: { ...input, startsAt: slot.startsAt }, ...(slot.overridden ? { override: slot.overridden } : {}) } };
    },

    async reschedule(db, input, actor, now) {
      const current = await requireOpen(db, input.id, 'appointments.action.reschedule');
      const doctorId = input.doctorId ?? current.doctor_id;
      if (doctorId === null) throw new AppError('invalid', 'validation.required', { path: ['doctorId'], params: { field: 'doctorId' } });
      const durationMinutes = input.durationMinutes ?? current.duration_minutes;
      const slot = await checkSlot(db, { doctorId, date: input.date, time: input.time, durationMinutes, excludeId: input.id, override: input.override ?? false }, actor, now);
      const appointment = await change(db, input.id, input.expectedVersion, {
        starts_at: slot.startsAt,
        doctor_id: doctorId,
        duration_minutes: durationMinutes,
        room_id: slot.roomId,
        // A moved booking must be confirmed again.
        status: 'booked',
        confirmed_at: null,
        confirmed_by: null,
        needs_reschedule: 0,
        override_by: slot.overridden ? actor.staffId : null,
        updated_at: now.toISOString(),
      });
      return {
        appointment,
        diff: {
          startsAt: [current.starts_at, slot.startsAt],
          ...(doctorId !== current.doctor_id ? { doctorId: [current.doctor_id, doctorId] } : {}),
          ...(slot.overridden ? { override: slot.overridden } : {}),
        },
      };
    },

    async cancel(db, input, _actor, now) {
      await requireOpen(db, input.id, 'appointments.action.cancel');
      const appointment = await change(db, input.id, input.expectedVersion, {
        status: 'cancelled',
        cancel_reason: input.reason,
        needs_reschedule: 0,
        updated_at: now.toISOString(),
      });
      return { appointment, diff: { status: ['open', 'cancelled'], reason: input.reason } };
    },

    async markNoShow(db, input, _actor, now) {
      const current = await requireOpen(db, input.id, 'appointments.action.noShow');
      if (current.version !== input.expectedVersion) throw new AppError('conflict', 'error.conflict', { details: { currentVersion: current.version } });
      // A customer can only fail to come once the time has come (issue 13 part 4: tomorrow's was accepted).
      if (Date.parse(current.starts_at) > now.getTime()) {
        const { timeZone } = await readSettings(db);
        throw new AppError('invalid', 'appointments.noShowTooEarly', {
          path: ['id'],
          params: { date: clinicDateOf(current.starts_at, timeZone), time: clinicTimeOf(current.starts_at, timeZone) },
        });
      }
      const appointment = await change(db, input.id, input.expectedVersion, { status: 'no_show', updated_at: now.toISOString() });
      return { appointment, diff: { status: ['open', 'no_show'] } };
    },

    async recordCall(db, input, actor, now) {
      const current = await requireOpen(db, input.id, 'appointments.action.call');
      if (current.version !== input.expectedVersion) {
        throw new AppError('conflict', 'error.conflict', { details: { currentVersion: current.version } });
      }
      await insertCall(db, { appointmentId: input.id, outcome: input.outcome, note: input.note ?? '', calledAt: now.toISOString(), staffId: actor.staffId });
      let result: BookingResult;
      if (input.outcome === 'confirmed') {
        const appointment = await change(db, input.id, input.expectedVersion, {
          status: 'confirmed',
          confirmed_at: now.toISOString(),
          confirmed_by: actor.staffId,
          updated_at: now.toISOString(),
        });
        result = { appointment, diff: { status: [current.status, 'confirmed'] } };
      } else if (input.outcome === 'rescheduled') {
        const moved = await service.reschedule(db, { id: input.id, expectedVersion: input.expectedVersion, date: input.newDate ?? '', time: input.newTime ?? '' }, actor, now);
        // The customer agreed the new time on the phone: it is confirmed at once.
        const appointment = await change(db, input.id, moved.appointment.version, {
          status: 'confirmed',
          confirmed_at: now.toISOString(),
          confirmed_by: actor.staffId,
          updated_at: now.toISOString(),
        });
        result = { appointment, diff: moved.diff };
      } else if (input.outcome === 'cancelled') {
        result = await service.cancel(db, { id: input.id, expectedVersion: input.expectedVersion, reason: input.note ?? '' }, actor, now);
      } else {
        result = { appointment: await loadAppointmentDetail(db, input.id), diff: {} };
      }
      return { appointment: result.appointment, diff: { call: input.outcome, ...(input.note ? { note: input.note } : {}), ...result.diff } };
    },
  };
  return service;
}
