/**
 * One clinic day as the roster sees it: the shifts, the doctors, the rooms and each doctor's
 * appointments, loaded once; and the rule that says whether a doctor can take an appointment
 * (same specialty, on shift, present by then, free). Used for the move candidates and the move.
 */
import { AppError } from '../../shared/contract/errors';
import type { AffectedAppointment, RosterRoom } from '../../shared/contract/roster';
import { clinicDayRange, clinicTimeOf } from '../../shared/domain/clinic-time';
import { isAffectedByConfirmation, isStillWaiting, minutesOfDay } from '../../shared/domain/roster';
import { doctorAppointmentsBetween, listDoctors, listRooms, type DoctorAppointment } from '../db/repositories/roster';
import { readSettings } from '../db/repositories/settings';
import { resolveDayShifts, type DayShift } from './roster-shifts';
import type { Db } from './roster-types';

export interface RosterDay {
  date: string;
  timeZone: string;
  shifts: DayShift[];
  doctors: { id: number; name: string; specialty: string | null; specialtyEn: string | null }[];
  rooms: RosterRoom[];
  appointmentsOf(doctorId: number): Promise<DoctorAppointment[]>;
}

/** Loads a clinic day; a doctor's appointments are read on first use. */
export async function loadRosterDay(db: Db, date: string): Promise<RosterDay> {
  const [{ timeZone }, shifts, doctors, rooms] = await Promise.all([readSettings(db), resolveDayShifts(db, date), listDoctors(db), listRooms(db)]);
  const { start, end } = clinicDayRange(date, timeZone);
  const cache = new Map<number, Promise<DoctorAppointment[]>>();
  return {
    date,
    timeZone,
    shifts,
    doctors: doctors.map((doctor) => ({ id: doctor.id, name: doctor.name, specialty: doctor.specialty, specialtyEn: doctor.specialty_en })),
    rooms: rooms.map((room) => ({ id: room.id, code: room.code, name: room.name, nameEn: room.name_en, floor: room.floor })),
    appointmentsOf(doctorId) {
      let found = cache.get(doctorId);
      if (!found) {
        found = doctorAppointmentsBetween(db, doctorId, start, end);
        cache.set(doctorId, found);
      }
      return found;
    },
  };
}

/** The room a doctor works in that day: the one confirmed in the morning, else the shift's. */
export function dayRoomOf(shift: DayShift): number | null {
  return shift.confirmation?.roomId ?? shift.roomId;
}

interface Slot {
  id: number;
  startsAt: string;
  durationMinutes: number;
}

/**
 * Why `doctorId` cannot take the appointment `slot` of a doctor with `specialty`, as the
 * `conflict` to throw; null when they can.
 */
export async function refusalToTake(day: RosterDay, doctorId: number, slot: Slot, specialty: string | null): Promise<AppError | null> {
  const doctor = day.doctors.find((candidate) => candidate.id === doctorId);
  if (!doctor) return new AppError('not_found', 'roster.error.notDoctor', { params: { id: doctorId } });
  const name = doctor.name;
  if (specialty === null || doctor.specialty !== specialty) {
    return new AppError('conflict', 'roster.error.otherSpecialty', {
      params: { name, specialty: doctor.specialty ?? '—', original: specialty ?? '—' },
    });
  }
  const shift = day.shifts.find((candidate) => candidate.doctorId === doctorId);
  if (!shift) return new AppError('conflict', 'roster.error.notOnShift', { params: { name, date: day.date } });
  const start = minutesOfDay(clinicTimeOf(slot.startsAt, day.timeZone));
  const end = start + slot.durationMinutes;
  const time = clinicTimeOf(slot.startsAt, day.timeZone);
  if (shift.confirmation?.status === 'absent') return new AppError('conflict', 'roster.error.doctorAbsent', { params: { name } });
  if (shift.confirmation?.status === 'late' && shift.confirmation.lateUntil && start < minutesOfDay(shift.confirmation.lateUntil)) {
    return new AppError('conflict', 'roster.error.doctorLate', { params: { name, until: shift.confirmation.lateUntil, time } });
  }
  if (start < minutesOfDay(shift.start) || end > minutesOfDay(shift.end)) {
    return new AppError('conflict', 'roster.error.outsideShift', { params: { name, start: shift.start, end: shift.end, time } });
  }
  for (const other of await day.appointmentsOf(doctorId)) {
    if (other.id === slot.id) continue;
    const otherStart = minutesOfDay(clinicTimeOf(other.starts_at, day.timeZone));
    if (otherStart < end && start < otherStart + other.duration_minutes) {
      return new AppError('conflict', 'roster.error.clash', {
        params: { name, time: clinicTimeOf(other.starts_at, day.timeZone), customer: other.address_form ?? other.customer_name },
        details: { appointmentId: other.id },
      });
    }
  }
  return null;
}

/** The appointments a doctor's confirmation puts at risk, each with the doctors who could take it. */
export async function affectedAppointments(day: RosterDay, shift: DayShift): Promise<AffectedAppointment[]> {
  const confirmation = shift.confirmation;
  if (!confirmation || confirmation.status === 'present') return [];
  const doctor = day.doctors.find((candidate) => candidate.id === shift.doctorId);
  const specialty = doctor?.specialty ?? null;
  const affected: AffectedAppointment[] = [];
  for (const row of await day.appointmentsOf(shift.doctorId)) {
    const time = clinicTimeOf(row.starts_at, day.timeZone);
    if (!isAffectedByConfirmation(confirmation.status, time, confirmation.lateUntil)) continue;
    // Only customers still to be seen: not those already called, with the doctor, or done.
    if (!isStillWaiting(row.status, row.visit_status)) continue;
    const slot = { id: row.id, startsAt: row.starts_at, durationMinutes: row.duration_minutes };
    const candidates: AffectedAppointment['candidates'] = [];
    for (const other of day.shifts) {
      if (other.doctorId === shift.doctorId) continue;
      if ((await refusalToTake(day, other.doctorId, slot, specialty)) !== null) continue;
      const name = day.doctors.find((candidate) => candidate.id === other.doctorId)?.name ?? '';
      candidates.push({ doctorId: other.doctorId, name, roomId: dayRoomOf(other) });
    }
    affected.push({
      id: row.id,
      startsAt: row.starts_at,
      durationMinutes: row.duration_minutes,
      status: row.status,
      version: row.version,
      customer: { id: row.customer_id, name: row.customer_name, addressForm: row.address_form },
      item: row.item_name === null ? null : { nameZh: row.item_name, nameEn: row.item_name_en ?? row.item_name },
      needsReschedule: row.needs_reschedule === 1,
      arrival: row.visit_ticket === null ? null : { ticket: row.visit_ticket },
      candidates,
    });
  }
  return affected;
}
