import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, PrintJobsTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Records one print; returns its id. */
export async function insertPrintJob(db: Db, job: Insertable<PrintJobsTable>): Promise<number> {
  const row = await db.insertInto('print_jobs').values(job).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * What a slip shows of one appointment: its time and kind, the customer's name and form of
 * address (never the phone), the doctor, the room with its directions, what to bring.
 */
export function findSlipRow(db: Db, appointmentId: number) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .leftJoin('staff as d', 'd.id', 'a.doctor_id')
    .leftJoin('rooms as r', 'r.id', 'a.room_id')
    .select([
      'a.id',
      'a.customer_id',
      'a.starts_at',
      'a.duration_minutes',
      'a.kind',
      'a.bring',
      'c.name as customer_name',
      'c.address_form',
      'c.gender as customer_gender',
      'd.name as doctor_name',
      'r.name as room_name',
      'r.name_en as room_name_en',
      'r.floor as room_floor',
      'r.directions as room_directions',
      'r.directions_en as room_directions_en',
    ])
    .where('a.id', '=', appointmentId)
    .executeTakeFirst();
}
