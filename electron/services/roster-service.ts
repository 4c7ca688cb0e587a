/**
 * The doctors' roster (seed 000, reception flow step 4): weekly templates, per-day overrides and
 * reception's morning confirmation, with the appointments an absent or late doctor puts at risk
 * and the two ways to save them: another doctor of the same specialty, or the call list.
 */
import { AppError } from '../../shared/contract/errors';
import type { ConfirmInput, RosterRoom, TodayDoctor } from '../../shared/contract/roster';
import { addDays, clinicDateOf, clinicDayRange, clinicTimeOf, type ClinicDate } from '../../shared/domain/clinic-time';
import { isoWeekday, minutesOfDay, type OverrideKind } from '../../shared/domain/roster';
import {
  deleteOverride,
  deleteTemplate,
  findAppointment,
  findConfirmation,
  findOverride,
  findTemplate,
  findVisitOfAppointment,
  listTemplates,
  markNeedsReschedule,
  moveDoctorAppointmentsToRoom,
  overridesBetween,
  reassignAppointment,
  reassignWaitingVisit,
  saveConfirmation,
  upsertOverride,
  upsertTemplate,
} from '../db/repositories/roster';
import { readSettings } from '../db/repositories/settings';
import { requireOpenAppointment } from './require-open-appointment';
import { affectedAppointments, dayRoomOf, loadRosterDay, refusalToTake, type RosterDay } from './roster-day';
import { resolveDayShifts, type DayShift } from './roster-shifts';
import type { Db } from './roster-types';

export { resolveDayShifts, type DayShift } from './roster-shifts';

/** A write's audit description. */
interface Change<Result> {
  result: Result;
  target: string;
  diff: unknown;
}

export interface RosterService {
  /** The week (Monday first) holding `weekStart`: templates, overrides, the resolved shifts per day. */
  week(db: Db, weekStart: ClinicDate): Promise<WeekView>;
  /** Sets a doctor's weekly shift on a weekday, or removes it with `shift: null`. */
  setTemplate(db: Db, input: TemplateInput, staffId: number, now: Date): Promise<Change<{ ok: true }>>;
  /** Sets a doctor's change for one day: off, other hours, or another room. */
  setOverride(db: Db, input: OverrideInput, staffId: number, now: Date): Promise<Change<{ ok: true }>>;
  /** Removes a day's change: the template applies again. */
  clearOverride(db: Db, doctorId: number, date: ClinicDate): Promise<Change<{ ok: true }>>;
  /** The day's doctors on shift with the confirmation and the appointments at risk. */
  today(db: Db, date: ClinicDate | undefined, now: Date): Promise<TodayView>;
  /** Records reception's morning confirmation of one doctor; returns the doctor's day with what it puts at risk. */
  confirm(db: Db, input: ConfirmInput, staffId: number, now: Date): Promise<Change<TodayDoctor> & { roomMovedIds: number[] }>;
  /** Moves an appointment to another doctor of the same specialty, on shift and free; takes their room. */
  moveAppointment(db: Db, input: MoveInput, now: Date): Promise<Change<MoveResult> & { visitId: number | null }>;
  /** Puts an appointment on the call list to reschedule. */
  toCallList(db: Db, appointmentId: number, now: Date): Promise<Change<{ appointmentId: number; needsReschedule: true; version: number }>>;
}

type ShiftHours = { start: string; end: string; roomId: number | null };
type OverrideValues = { kind: OverrideKind; start: string | null; end: string | null; roomId: number | null; note: string };
interface TemplateInput {
  doctorId: number;
  weekday: number;
  /** The shift the form loaded (null: none); another value stored now is a conflict. */
  expected: ShiftHours | null;
  shift: ShiftHours | null;
}
interface OverrideInput {
  doctorId: number;
  date: string;
  /** The day's change the form loaded (null: none); another value stored now is a conflict. */
  expected: OverrideValues | null;
  kind: OverrideKind;
  start?: string | undefined;
  end?: string | undefined;
  roomId?: number | undefined;
  note?: string | undefined;
}
/** Two flat records (or nulls) hold the same values, key by key. */
function sameValues<T extends Record<string, unknown>>(a: T | null, b: T | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}

interface MoveInput {
  appointmentId: number;
  toDoctorId: number;
  expectedVersion?: number | undefined;
}
interface MoveResult {
  appointmentId: number;
  fromDoctorId: number;
  toDoctorId: number;
  roomId: number | null;
  version: number;
}
interface WeekView {
  weekStart: string;
  doctors: { id: number; name: string; specialty: string | null; specialtyEn: string | null }[];
  rooms: RosterRoom[];
  templates: { doctorId: number; weekday: number; start: string; end: string; roomId: number | null }[];
  overrides: { doctorId: number; date: string; kind: OverrideKind; start: string | null; end: string | null; roomId: number | null; note: string }[];
  days: { date: string; weekday: number; shifts: Omit<DayShift, 'date' | 'confirmation'>[] }[];
}
interface TodayView {
  date: string;
  doctors: TodayDoctor[];
  rooms: RosterRoom[];
  confirmedCount: number;
}

/** The roster service; stateless, every call takes its database and clock. */
export function createRosterService(): RosterService {
  async function requireDoctor(day: RosterDay, doctorId: number) {
    const doctor = day.doctors.find((candidate) => candidate.id === doctorId);
    if (!doctor) throw new AppError('not_found', 'roster.error.notDoctor', { params: { id: doctorId }, path: ['doctorId'] });
    return doctor;
  }

  function requireRoom(day: RosterDay, roomId: number | null | undefined, path: string[]) {
    if (roomId !== null && roomId !== undefined && !day.rooms.some((room) => room.id === roomId)) {
      throw new AppError('not_found', 'roster.error.roomNotFound', { params: { id: roomId }, path });
    }
  }

  async function todayDoctor(db: Db, day: RosterDay, shift: DayShift): Promise<TodayDoctor> {
    const doctor = await requireDoctor(day, shift.doctorId);
    const roomOf = (id: number | null) => day.rooms.find((room) => room.id === id) ?? null;
    const confirmation = shift.confirmation;
    const confirmed = confirmation ? await findConfirmation(db, day.date, shift.doctorId) : undefined;
    return {
      doctor,
      shift: { start: shift.start, end: shift.end, source: shift.source },
      room: roomOf(shift.roomId),
      appointmentCount: (await day.appointmentsOf(shift.doctorId)).length,
      confirmation:
        confirmation && confirmed
          ? {
              status: confirmation.status,
              lateUntil: confirmation.lateUntil,
              room: roomOf(dayRoomOf(shift)),
              note: confirmed.note,
              confirmedBy: { id: confirmation.confirmedBy, name: confirmed.confirmed_by_name },
              confirmedAt: confirmation.confirmedAt,
            }
          : null,
      affected: await affectedAppointments(day, shift),
    };
  }

  return {
    async week(db, weekStart) {
      const monday = addDays(weekStart, 1 - isoWeekday(weekStart));
      const sunday = addDays(monday, 6);
      const day = await loadRosterDay(db, monday);
      const [templates, overrides] = await Promise.all([listTemplates(db), overridesBetween(db, monday, sunday)]);
      const days: WeekView['days'] = [];
      for (let offset = 0; offset < 7; offset += 1) {
        const date = addDays(monday, offset);
        const shifts = await resolveDayShifts(db, date);
        days.push({
          date,
          weekday: offset + 1,
          shifts: shifts.map(({ doctorId, start, end, roomId, source }) => ({ doctorId, start, end, roomId, source })),
        });
      }
      return {
        weekStart: monday,
        doctors: day.doctors,
        rooms: day.rooms,
        templates: templates.map((row) => ({ doctorId: row.doctor_id, weekday: row.weekday, start: row.start_time, end: row.end_time, roomId: row.room_id })),
        overrides: overrides.map((row) => ({
          doctorId: row.doctor_id,
          date: row.date,
          kind: row.kind,
          start: row.start_time,
          end: row.end_time,
          roomId: row.room_id,
          note: row.note,
        })),
        days,
      };
    },

    async setTemplate(db, input, staffId, now) {
      const day = await loadRosterDay(db, clinicDateOf(now, 'UTC'));
      await requireDoctor(day, input.doctorId);
      const target = `doctor:${input.doctorId}`;
      // Issue 19 part 6: compare-and-set against what the form loaded; two managers editing one
      // weekday — the later save is told, never silently the winner.
      const stored = await findTemplate(db, input.doctorId, input.weekday);
      const current: ShiftHours | null = stored ? { start: stored.start_time, end: stored.end_time, roomId: stored.room_id } : null;
      if (!sameValues(current, input.expected)) {
        throw new AppError('conflict', 'roster.error.templateChanged', { params: { by: stored?.updated_by_name ?? '—' }, path: ['expected'], details: { current } });
      }
      if (input.shift === null) {
        await deleteTemplate(db, input.doctorId, input.weekday);
        return { result: { ok: true }, target, diff: { weekday: input.weekday, shift: null } };
      }
      requireRoom(day, input.shift.roomId, ['shift', 'roomId']);
      await upsertTemplate(db, {
        doctor_id: input.doctorId,
        weekday: input.weekday,
        start_time: input.shift.start,
        end_time: input.shift.end,
        room_id: input.shift.roomId,
        updated_at: now.toISOString(),
        updated_by: staffId,
      });
      return { result: { ok: true }, target, diff: { weekday: input.weekday, shift: input.shift } };
    },

    async setOverride(db, input, staffId, now) {
      const day = await loadRosterDay(db, input.date);
      await requireDoctor(day, input.doctorId);
      const stored = await findOverride(db, input.doctorId, input.date);
      const current: OverrideValues | null = stored
        ? { kind: stored.kind, start: stored.start_time, end: stored.end_time, roomId: stored.room_id, note: stored.note }
        : null;
      if (!sameValues(current, input.expected)) {
        throw new AppError('conflict', 'roster.error.overrideChanged', { params: { by: stored?.updated_by_name ?? '—' }, path: ['expected'], details: { current } });
      }
      requireRoom(day, input.roomId, ['roomId']);
      const hours = input.kind === 'hours';
      await upsertOverride(db, {
        doctor_id: input.doctorId,
        date: input.date,
        kind: input.kind,
        start_time: hours ? (input.start ?? null) : null,
        end_time: hours ? (input.end ?? null) : null,
        room_id: input.kind === 'off' ? null : (input.roomId ?? null),
        note: input.note ?? '',
        updated_at: now.toISOString(),
        updated_by: staffId,
      });
      const { expected: _expected, ...change } = input;
      return { result: { ok: true }, target: `doctor:${input.doctorId}`, diff: { before: current, ...change } };
    },

    async clearOverride(db, doctorId, date) {
      await deleteOverride(db, doctorId, date);
      return { result: { ok: true }, target: `doctor:${doctorId}`, diff: { date, override: null } };
    },

    async today(db, date, now) {
      const { timeZone } = await readSettings(db);
      const day = await loadRosterDay(db, date ?? clinicDateOf(now, timeZone));
      const doctors: TodayDoctor[] = [];
      for (const shift of day.shifts) doctors.push(await todayDoctor(db, day, shift));
      return {
        date: day.date,
        doctors,
        rooms: day.rooms,
        confirmedCount: doctors.filter((doctor) => doctor.confirmation !== null).length,
      };
    },

    async confirm(db, input, staffId, now) {
      const day = await loadRosterDay(db, input.date);
      const doctor = await requireDoctor(day, input.doctorId);
      const shift = day.shifts.find((candidate) => candidate.doctorId === input.doctorId);
      if (!shift) throw new AppError('invalid', 'roster.error.noShift', { params: { name: doctor.name, date: input.date }, path: ['doctorId'] });
      requireRoom(day, input.roomId, ['roomId']);
      const lateUntil = input.status === 'late' ? (input.lateUntil ?? null) : null;
      if (lateUntil !== null && (minutesOfDay(lateUntil) <= minutesOfDay(shift.start) || minutesOfDay(lateUntil) >= minutesOfDay(shift.end))) {
        throw new AppError('invalid', 'roster.error.lateOutsideShift', {
          params: { time: lateUntil, start: shift.start, end: shift.end },
          path: ['lateUntil'],
        });
      }
      // Two desks confirming the same doctor: the second must say which confirmation it changes.
      const existing = await findConfirmation(db, input.date, input.doctorId);
      if (existing && existing.confirmed_at !== input.expectedConfirmedAt) {
        throw new AppError('conflict', 'roster.error.alreadyConfirmed', {
          params: {
            name: doctor.name,
            by: existing.confirmed_by_name,
            at: clinicTimeOf(existing.confirmed_at, day.timeZone),
            status: existing.status,
          },
          details: { confirmedAt: existing.confirmed_at, confirmedBy: existing.confirmed_by },
        });
      }
      const roomId = input.roomId ?? existing?.room_id ?? shift.roomId;
      await saveConfirmation(db, {
        date: input.date,
        doctor_id: input.doctorId,
        status: input.status,
        late_until: lateUntil,
        room_id: roomId,
        confirmed_by: staffId,
        confirmed_at: now.toISOString(),
        note: input.note ?? '',
      });
      // A doctor confirmed in another room takes the day's open appointments along (the slip shows the room).
      let roomMovedIds: number[] = [];
      if (input.status !== 'absent' && roomId !== null && roomId !== shift.roomId) {
        const { start, end } = clinicDayRange(input.date, day.timeZone);
        roomMovedIds = await moveDoctorAppointmentsToRoom(db, input.doctorId, start, end, roomId, now.toISOString());
      }
      const fresh = await loadRosterDay(db, input.date);
      const freshShift = fresh.shifts.find((candidate) => candidate.doctorId === input.doctorId) as DayShift;
      const result = await todayDoctor(db, fresh, freshShift);
      const before = existing ? { status: existing.status, lateUntil: existing.late_until, roomId: existing.room_id } : null;
      return {
        result,
        roomMovedIds,
        target: `roster:${input.date}:${input.doctorId}`,
        diff: { before, after: { status: input.status, lateUntil, roomId, note: input.note ?? '' } },
      };
    },

    async moveAppointment(db, input, now) {
      const appointment = await findAppointment(db, input.appointmentId);
      if (!appointment) throw new AppError('not_found', 'roster.error.appointmentNotFound', { params: { id: input.appointmentId }, path: ['appointmentId'] });
      if (input.expectedVersion !== undefined && input.expectedVersion !== appointment.version) {
        throw new AppError('conflict', 'roster.error.stale', { params: { id: appointment.id } });
      }
      // A customer already here may be moved only while still waiting (issue 13 part 3); the visit follows.
      const visit = appointment.status === 'checked_in' ? await findVisitOfAppointment(db, appointment.id) : undefined;
      if (visit && visit.status !== 'waiting') {
        throw new AppError('conflict', 'roster.error.notWaiting', {
          params: { ticket: visit.ticket, status: `visits.status.${visit.status}` },
          details: { appointmentId: appointment.id, visitId: visit.id, visitStatus: visit.status },
        });
      }
      if (!visit) requireOpenAppointment(appointment, 'appointments.action.moveDoctor');
      const { timeZone } = await readSettings(db);
      const day = await loadRosterDay(db, clinicDateOf(appointment.starts_at, timeZone));
      const target = await requireDoctor(day, input.toDoctorId);
      if (appointment.doctor_id === input.toDoctorId) {
        throw new AppError('invalid', 'roster.error.sameDoctor', { params: { name: target.name }, path: ['toDoctorId'] });
      }
      const from = day.doctors.find((doctor) => doctor.id === appointment.doctor_id);
      const slot = { id: appointment.id, startsAt: appointment.starts_at, durationMinutes: appointment.duration_minutes };
      const refusal = await refusalToTake(day, input.toDoctorId, slot, from?.specialty ?? null);
      if (refusal) throw refusal;
      const targetShift = day.shifts.find((shift) => shift.doctorId === input.toDoctorId) as DayShift;
      const roomId = dayRoomOf(targetShift);
      await reassignAppointment(db, appointment.id, input.toDoctorId, roomId, now.toISOString());
      if (visit && !(await reassignWaitingVisit(db, visit.id, input.toDoctorId, roomId))) {
        throw new AppError('conflict', 'roster.error.stale', { params: { id: appointment.id } });
      }
      const version = appointment.version + 1;
      return {
        visitId: visit?.id ?? null,
        result: { appointmentId: appointment.id, fromDoctorId: appointment.doctor_id as number, toDoctorId: input.toDoctorId, roomId, version },
        target: `appointment:${appointment.id}`,
        diff: { doctor_id: [appointment.doctor_id, input.toDoctorId], room_id: [appointment.room_id, roomId] },
      };
    },

    async toCallList(db, appointmentId, now) {
      const appointment = await findAppointment(db, appointmentId);
      if (!appointment) throw new AppError('not_found', 'roster.error.appointmentNotFound', { params: { id: appointmentId }, path: ['appointmentId'] });
      requireOpenAppointment(appointment, 'appointments.action.toCallList');
      await markNeedsReschedule(db, appointmentId, now.toISOString());
      return {
        result: { appointmentId, needsReschedule: true, version: appointment.version + 1 },
        target: `appointment:${appointmentId}`,
        diff: { needs_reschedule: [appointment.needs_reschedule, 1] },
      };
    },
  };
}
