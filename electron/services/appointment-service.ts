/**
 * Reading appointments: a day's list, the day view with every doctor's shift, the list view with
 * filters, one appointment in detail, and tomorrow's confirmation calls.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AppointmentDetail, AppointmentRow, CallListEntry } from '../../shared/contract/appointments';
import { AppError } from '../../shared/contract/errors';
import type { AppointmentKind, AppointmentStatus } from '../../shared/domain/appointments';
import { addDays, clinicDateOf, clinicDayRange, clinicTimeOf, type ClinicDate } from '../../shared/domain/clinic-time';
import { confirmationMessage } from '../../shared/domain/confirmation-message';
import { callListRows, callsOfAppointment, callSummaries, findAppointmentDetail, listAppointmentsBetween } from '../db/repositories/appointments';
import { listDoctors, listRooms } from '../db/repositories/roster';
import { readSettings } from '../db/repositories/settings';
import type { Database } from '../db/schema';
import { toAppointmentDetail, toAppointmentRow } from './appointment-mapping';
import { resolveDayShifts } from './roster-service';

type Db = Kysely<Database> | Transaction<Database>;

const LIST_LIMIT = 500;

export interface DoctorDay {
  id: number;
  name: string;
  specialty: string | null;
  specialtyEn: string | null;
  shift: { start: string; end: string } | null;
  room: { id: number; name: string; nameEn: string; floor: number } | null;
  confirmation: 'present' | 'late' | 'absent' | null;
  lateUntil: string | null;
}

export interface AppointmentService {
  listDay(db: Db, date: ClinicDate | undefined, now: Date): Promise<{ date: ClinicDate; appointments: AppointmentRow[] }>;
  dayView(db: Db, date: ClinicDate | undefined, now: Date): Promise<{ date: ClinicDate; doctors: DoctorDay[]; appointments: AppointmentRow[] }>;
  list(
    db: Db,
    filter: { from: ClinicDate; to: ClinicDate; doctorId?: number | undefined; status?: AppointmentStatus | undefined; kind?: AppointmentKind | undefined; customerId?: number | undefined },
  ): Promise<{ appointments: AppointmentRow[]; truncated: boolean }>;
  get(db: Db, id: number): Promise<AppointmentDetail>;
  callList(db: Db, date: ClinicDate | undefined, now: Date): Promise<{ date: ClinicDate; entries: CallListEntry[] }>;
}

/** One appointment in detail, or `not_found`. */
export async function loadAppointmentDetail(db: Db, id: number): Promise<AppointmentDetail> {
  const row = await findAppointmentDetail(db, id);
  if (!row) throw new AppError('not_found', 'error.notFound', { path: ['id'] });
  return toAppointmentDetail(row, await callsOfAppointment(db, id));
}

export function createAppointmentService(): AppointmentService {
  return {
    async listDay(db, date, now) {
      const { timeZone } = await readSettings(db);
      const day = date ?? clinicDateOf(now, timeZone);
      const { start, end } = clinicDayRange(day, timeZone);
      const rows = await listAppointmentsBetween(db, start, end);
      return { date: day, appointments: rows.map(toAppointmentRow) };
    },

    async dayView(db, date, now) {
      const { timeZone } = await readSettings(db);
      const day = date ?? clinicDateOf(now, timeZone);
      const { start, end } = clinicDayRange(day, timeZone);
      const [rows, shifts, doctors, rooms] = await Promise.all([
        listAppointmentsBetween(db, start, end),
        resolveDayShifts(db, day),
        listDoctors(db),
        listRooms(db),
      ]);
      const roomById = new Map(rooms.map((room) => [room.id, { id: room.id, name: room.name, nameEn: room.name_en, floor: room.floor }]));
      const booked = new Set(rows.map((row) => row.doctor_id));
      const days: DoctorDay[] = doctors
        .map((doctor) => {
          const shift = shifts.find((candidate) => candidate.doctorId === doctor.id);
          const roomId = shift?.confirmation?.roomId ?? shift?.roomId ?? null;
          return {
            id: doctor.id,
            name: doctor.name,
            specialty: doctor.specialty,
            specialtyEn: doctor.specialty_en,
            shift: shift ? { start: shift.start, end: shift.end } : null,
            room: roomId === null ? null : (roomById.get(roomId) ?? null),
            confirmation: shift?.confirmation?.status ?? null,
            lateUntil: shift?.confirmation?.lateUntil ?? null,
          };
        })
        // A doctor off that day still shows when someone is booked with them (to be moved).
        .filter((doctor) => doctor.shift !== null || booked.has(doctor.id));
      return { date: day, doctors: days, appointments: rows.map(toAppointmentRow) };
    },

    async list(db, filter) {
      const { timeZone } = await readSettings(db);
      const start = clinicDayRange(filter.from, timeZone).start;
      const end = clinicDayRange(filter.to, timeZone).end;
      const rows = await listAppointmentsBetween(db, start, end, { ...filter, limit: LIST_LIMIT + 1 });
      return { appointments: rows.slice(0, LIST_LIMIT).map(toAppointmentRow), truncated: rows.length > LIST_LIMIT };
    },

    get: loadAppointmentDetail,

    async callList(db, date, now) {
      const settings = await readSettings(db);
      const day = date ?? addDays(clinicDateOf(now, settings.timeZone), 1);
      const { start, end } = clinicDayRange(day, settings.timeZone);
      const rows = await callListRows(db, start, end);
      const summaries = new Map((await callSummaries(db, rows.map((row) => row.id))).map((summary) => [summary.appointment_id, summary]));
      const entries = rows.map((row): CallListEntry => {
        const summary = summaries.get(row.id);
        const message = (language: 'zh-CN' | 'en') =>
          confirmationMessage(
            {
              clinicName: language === 'en' ? settings.clinicNameEn || settings.clinicName : settings.clinicName,
              addressForm: row.address_form ?? row.customer_name,
              date: day,
              time: clinicTimeOf(row.starts_at, settings.timeZone),
              doctorName: row.doctor_name,
              place: row.room_id === null ? null : language === 'en' ? `${row.room_floor}F ${row.room_name_en}` : row.room_name,
              bring: row.bring,
            },
            language,
          );
        return {
          appointment: toAppointmentRow(row),
          version: row.version,
          phone: row.customer_phone,
          bring: row.bring,
          needsReschedule: row.needs_reschedule === 1,
          attempts: Number(summary?.attempts ?? 0),
          lastOutcome: (summary?.last_outcome as CallListEntry['lastOutcome']) ?? null,
          lastCalledAt: (summary?.last_called_at as string | null | undefined) ?? null,
          message: { zh: message('zh-CN'), en: message('en') },
        };
      });
      return { date: day, entries };
    },
  };
}
