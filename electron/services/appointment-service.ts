import type { Kysely, Transaction } from 'kysely';
import type { AppointmentRow } from '../../shared/contract/appointments';
import { clinicDateOf, clinicDayRange, type ClinicDate } from '../../shared/domain/clinic-time';
import { listAppointmentsBetween } from '../db/repositories/appointments';
import { readSettings } from '../db/repositories/settings';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface AppointmentService {
  /** One clinic day's appointments (today in the clinic's zone when `date` is left out). */
  listDay(db: Db, date: ClinicDate | undefined, now: Date): Promise<{ date: ClinicDate; appointments: AppointmentRow[] }>;
}

export function createAppointmentService(): AppointmentService {
  return {
    async listDay(db, date, now) {
      const { timeZone } = await readSettings(db);
      const day = date ?? clinicDateOf(now, timeZone);
      const { start, end } = clinicDayRange(day, timeZone);
      const rows = await listAppointmentsBetween(db, start, end);
      return {
        date: day,
        appointments: rows.map((row) => ({
          id: row.id,
          startsAt: row.starts_at,
          durationMinutes: row.duration_minutes,
          status: row.status,
          kind: row.kind,
          channel: row.channel,
          customer: {
            id: row.customer_id,
            name: row.customer_name,
            addressForm: row.address_form,
            returning: Boolean(row.returning),
          },
          item:
            row.item_id === null ? null : { id: row.item_id, nameZh: row.item_name ?? '', nameEn: row.item_name_en ?? '' },
          doctor: row.doctor_id === null ? null : { id: row.doctor_id, name: row.doctor_name ?? '' },
          room:
            row.room_id === null
              ? null
              : { id: row.room_id, name: row.room_name ?? '', nameEn: row.room_name_en ?? '', floor: row.room_floor ?? 0 },
        })),
      };
    },
  };
}
