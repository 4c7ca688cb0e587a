/**
 * Resolving a clinic day's shifts: every doctor's weekly template with that day's override
 * applied, plus the morning confirmation when reception made one. Shared by the roster service and
 * the booking rules (a booking must fall inside its doctor's shift).
 */
import type { Kysely, Transaction } from 'kysely';
import { applyOverride, isoWeekday, type RosterStatus } from '../../shared/domain/roster';
import { confirmationsOfDay, listDoctors, overridesBetween, templatesOfWeekday } from '../db/repositories/roster';
import type { Database } from '../db/schema';

export interface DayShift {
  doctorId: number;
  /** Clinic day `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM` clinic time. */
  start: string;
  /** `HH:MM` clinic time. */
  end: string;
  roomId: number | null;
  source: 'template' | 'override';
  /** Morning confirmation, null until reception confirmed this doctor today. */
  confirmation: null | {
    status: RosterStatus;
    lateUntil: string | null;
    roomId: number | null;
    confirmedBy: number;
    confirmedAt: string;
  };
}

/**
 * Every doctor's shift on a clinic day (templates with that day's overrides applied). A doctor
 * with no shift that day is absent from the list; an override marking the day off removes them.
 * In doctor id order.
 *
 * @example const shifts = await resolveDayShifts(db, '2026-11-23');
 */
export async function resolveDayShifts(db: Kysely<Database> | Transaction<Database>, date: string): Promise<DayShift[]> {
  const [doctors, templates, overrides, confirmations] = await Promise.all([
    listDoctors(db),
    templatesOfWeekday(db, isoWeekday(date)),
    overridesBetween(db, date, date),
    confirmationsOfDay(db, date),
  ]);
  const shifts: DayShift[] = [];
  for (const doctor of doctors) {
    const template = templates.find((row) => row.doctor_id === doctor.id);
    const override = overrides.find((row) => row.doctor_id === doctor.id);
    const shift = applyOverride(
      template ? { start: template.start_time, end: template.end_time, roomId: template.room_id } : null,
      override ? { kind: override.kind, start: override.start_time, end: override.end_time, roomId: override.room_id } : null,
    );
    if (!shift) continue;
    const confirmation = confirmations.find((row) => row.doctor_id === doctor.id);
    shifts.push({
      doctorId: doctor.id,
      date,
      start: shift.start,
      end: shift.end,
      roomId: shift.roomId,
      source: shift.source,
      confirmation: confirmation
        ? {
            status: confirmation.status,
            lateUntil: confirmation.late_until,
            roomId: confirmation.room_id,
            confirmedBy: confirmation.confirmed_by,
            confirmedAt: confirmation.confirmed_at,
          }
        : null,
    });
  }
  return shifts;
}
