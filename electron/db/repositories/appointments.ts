import { sql, type Kysely, type Transaction } from 'kysely';
import { OPEN_APPOINTMENT_STATUSES, type AppointmentKind, type AppointmentStatus } from '../../../shared/domain/appointments';
import { LIVE_STATUSES } from '../../../shared/domain/booking';
import type { AppointmentsTable, Database, NewAppointment } from '../schema';
import type { Updateable } from 'kysely';
import { runCompiledOnce } from '../compiled-once';

type Db = Kysely<Database> | Transaction<Database>;

export interface AppointmentFilter {
  doctorId?: number | undefined;
  status?: AppointmentStatus | undefined;
  kind?: AppointmentKind | undefined;
  customerId?: number | undefined;
  limit?: number;
}

/**
 * Appointments starting in `[start, end)` (UTC ISO strings) with their customer, item, doctor and
 * room, in time order. Served by `appointments_by_start`.
 */
export function listAppointmentsBetween(db: Db, start: string, end: string, filter: AppointmentFilter = {}) {
  return appointmentsBetweenQuery(db, start, end, filter).execute();
}

/** The query of `listAppointmentsBetween`, unexecuted (the benchmark compiles it for its floor). */
export function appointmentsBetweenQuery(db: Db, start: string, end: string, filter: AppointmentFilter = {}) {
  let query = appointmentRowsQuery(db).where('a.starts_at', '>=', start).where('a.starts_at', '<', end);
  if (filter.doctorId !== undefined) query = query.where('a.doctor_id', '=', filter.doctorId);
  if (filter.status !== undefined) query = query.where('a.status', '=', filter.status);
  if (filter.kind !== undefined) query = query.where('a.kind', '=', filter.kind);
  if (filter.customerId !== undefined) query = query.where('a.customer_id', '=', filter.customerId);
  query = query.orderBy('a.starts_at').orderBy('a.id');
  return filter.limit !== undefined ? query.limit(filter.limit) : query;
}

/** The joined row every appointment list shows. */
export function appointmentRowsQuery(db: Db) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .leftJoin('items as i', 'i.id', 'a.item_id')
    .leftJoin('staff as d', 'd.id', 'a.doctor_id')
    .leftJoin('rooms as r', 'r.id', 'a.room_id')
    // The visit it was checked in as (unique appointment_id): Today shows the arrived customer's ticket.
    .leftJoin('visits as v', 'v.appointment_id', 'a.id')
    .select((eb) => [
      'v.ticket as visit_ticket',
      'v.status as visit_status',
      'a.id',
      'a.starts_at',
      'a.duration_minutes',
      'a.status',
      'a.kind',
      'a.channel',
      'a.version',
      'a.bring',
      'c.id as customer_id',
      'c.name as customer_name',
      'c.address_form',
      'c.phone as customer_phone',
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
    ]);
}

export type AppointmentRecord = Awaited<ReturnType<typeof listAppointmentsBetween>>[number];

/** One appointment with its joined row and the columns only the detail shows. */
export function findAppointmentDetail(db: Db, id: number) {
  return appointmentRowsQuery(db)
    .leftJoin('staff as confirmer', 'confirmer.id', 'a.confirmed_by')
    .select(['a.notes', 'a.cancel_reason', 'a.confirmed_at', 'a.override_by', 'confirmer.name as confirmed_by_name'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** A doctor's bookings that still hold time in `[start, end)`, for the clash check. */
export function liveBookingsOfDoctor(db: Db, doctorId: number, start: string, end: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .select(['a.id', 'a.starts_at', 'a.duration_minutes', 'c.address_form', 'c.name'])
    .where('a.doctor_id', '=', doctorId)
    .where('a.starts_at', '>=', start)
    .where('a.starts_at', '<', end)
    .where('a.status', 'in', [...LIVE_STATUSES])
    .execute();
}

/**
 * The appointments of `[start, end)` tomorrow's confirmation calls are about: those still to
 * confirm, and open ones the morning roster put on the list to reschedule.
 */
export function callListRows(db: Db, start: string, end: string) {
  return appointmentsBetweenQuery(db, start, end)
    .select('a.needs_reschedule')
    .where((eb) => eb.or([eb('a.status', '=', 'booked'), eb.and([eb('a.needs_reschedule', '=', 1), eb('a.status', 'in', [...OPEN_APPOINTMENT_STATUSES])])]))
    .execute();
}

/** One appointment with the visit it may already have (one join on the unique `appointment_id`): a check-in's read. */
export async function findAppointmentForCheckIn(db: Db, id: number) {
  // A check-in's queries are compiled once (compiled-once.ts): building them cost more than running them.
  const [row] = await runCompiledOnce(
    db,
    'visits.checkIn.appointment',
    () => db.selectFrom('appointments as a').leftJoin('visits as v', 'v.appointment_id', 'a.id').selectAll('a').select(['v.id as earlier_visit_id', 'v.ticket as earlier_ticket']).where('a.id', '=', id),
    [id],
  );
  return row;
}

/** Marks an appointment checked in, at the version after the one the check-in read. */
export async function markAppointmentCheckedIn(db: Db, id: number, version: number, at: string): Promise<void> {
  // The status written out, as a constant (compiled-once.ts).
  await runCompiledOnce(db, 'visits.checkIn.mark', () => db.updateTable('appointments').set({ status: sql.lit('checked_in'), version, updated_at: at }).where('id', '=', id), [version, at, id]);
}

/** Marks an appointment completed: its visit is done. */
export async function markAppointmentCompleted(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('appointments').set({ status: 'completed', updated_at: at }).where('id', '=', id).execute();
}

export async function insertAppointment(db: Db, appointment: NewAppointment): Promise<number> {
  const row = await db.insertInto('appointments').values(appointment).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Changes an appointment only if nobody changed it since `expectedVersion` was read, bumping the
 * version. Returns false when the version moved on (someone else won).
 */
export async function updateAppointmentVersioned(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Updateable<AppointmentsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('appointments')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertCall(
  db: Db,
  call: { appointmentId: number; outcome: 'confirmed' | 'no_answer' | 'rescheduled' | 'cancelled'; note: string; calledAt: string; staffId: number },
) {
  await db
    .insertInto('confirmation_calls')
    .values({ appointment_id: call.appointmentId, outcome: call.outcome, note: call.note, called_at: call.calledAt, staff_id: call.staffId })
    .execute();
}

export function callsOfAppointment(db: Db, appointmentId: number) {
  return db
    .selectFrom('confirmation_calls as k')
    .innerJoin('staff as s', 's.id', 'k.staff_id')
    .select(['k.outcome', 'k.note', 'k.called_at', 's.name as staff_name'])
    .where('k.appointment_id', '=', appointmentId)
    .orderBy('k.called_at')
    .orderBy('k.id')
    .execute();
}

/** Call counts and the last outcome of many appointments at once. */
export function callSummaries(db: Db, appointmentIds: number[]) {
  if (appointmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('confirmation_calls as k')
    .select((eb) => [
      'k.appointment_id',
      eb.fn.countAll<number>().as('attempts'),
      eb.fn.max('k.called_at').as('last_called_at'),
      sql<string>`(select outcome from confirmation_calls last where last.appointment_id = k.appointment_id order by called_at desc, id desc limit 1)`.as('last_outcome'),
    ])
    .where('k.appointment_id', 'in', appointmentIds)
    .groupBy('k.appointment_id')
    .execute();
}
