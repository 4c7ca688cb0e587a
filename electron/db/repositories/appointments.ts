import type { Kysely, Transaction } from 'kysely';
import type { Database, NewAppointment } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Appointments starting in `[start, end)` (UTC ISO strings) with their customer, item, doctor and
 * room, in time order. Served by `appointments_by_start`.
 */
export function listAppointmentsBetween(db: Db, start: string, end: string) {
  return appointmentsBetweenQuery(db, start, end).execute();
}

/** The query of `listAppointmentsBetween`, unexecuted (the benchmark compiles it for its floor). */
export function appointmentsBetweenQuery(db: Db, start: string, end: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .leftJoin('items as i', 'i.id', 'a.item_id')
    .leftJoin('staff as d', 'd.id', 'a.doctor_id')
    .leftJoin('rooms as r', 'r.id', 'a.room_id')
    .select((eb) => [
      'a.id',
      'a.starts_at',
      'a.duration_minutes',
      'a.status',
      'a.kind',
      'a.channel',
      'c.id as customer_id',
      'c.name as customer_name',
      'c.address_form',
      eb
        .exists(
          eb
            .selectFrom('appointments as earlier')
            .select('earlier.id')
            .whereRef('earlier.customer_id', '=', 'a.customer_id')
            .whereRef('earlier.starts_at', '<', 'a.starts_at')
            .where('earlier.status', 'in', ['checked_in', 'completed']),
        )
        .as('returning'),
      'i.id as item_id',
      'i.name as item_name',
      'i.name_en as item_name_en',
      'd.id as doctor_id',
      'd.name as doctor_name',
      'r.id as room_id',
      'r.name as room_name',
      'r.name_en as room_name_en',
      'r.floor as room_floor',
    ])
    .where('a.starts_at', '>=', start)
    .where('a.starts_at', '<', end)
    .orderBy('a.starts_at')
    .orderBy('a.id');
}

export async function insertAppointment(db: Db, appointment: NewAppointment): Promise<number> {
  const row = await db.insertInto('appointments').values(appointment).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
