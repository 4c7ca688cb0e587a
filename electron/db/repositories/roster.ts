/**
 * SQL of the doctors' roster: weekly templates, per-day overrides, morning confirmations, and the
 * appointment reads and writes the confirmation needs. Served by the indexes of migration 003.
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import { OPEN_APPOINTMENT_STATUSES } from '../../../shared/domain/appointments';
import type { Database, RosterConfirmationsTable, ShiftOverrideKind } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Statuses that no longer hold a doctor's time. */
export const RELEASED_STATUSES = ['cancelled', 'no_show'] as const;

/** Active doctors in a stable order. */
export function listDoctors(db: Db) {
  return db
    .selectFrom('staff')
    .select(['id', 'name', 'specialty', 'specialty_en'])
    .where('role', '=', 'doctor')
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
}

/** Templates of one ISO weekday (`shift_templates_by_weekday`). */
export function templatesOfWeekday(db: Db, weekday: number) {
  return db.selectFrom('shift_templates').selectAll().where('weekday', '=', weekday).execute();
}

/** Every template, for the week grid. */
export function listTemplates(db: Db) {
  return db.selectFrom('shift_templates').selectAll().orderBy('doctor_id').orderBy('weekday').execute();
}

/** Overrides of the clinic days in `[from, to]` (`shift_overrides_by_date`). */
export function overridesBetween(db: Db, from: string, to: string) {
  return db.selectFrom('shift_overrides').selectAll().where('date', '>=', from).where('date', '<=', to).execute();
}

/** Confirmations of one clinic day with who confirmed (unique index on `(date, doctor_id)`). */
export function confirmationsOfDay(db: Db, date: string) {
  return db
    .selectFrom('roster_confirmations as c')
    .innerJoin('staff as s', 's.id', 'c.confirmed_by')
    .selectAll('c')
    .select('s.name as confirmed_by_name')
    .where('c.date', '=', date)
    .execute();
}

/** One doctor's weekly shift on a weekday, with who last set it (null: none). */
export function findTemplate(db: Db, doctorId: number, weekday: number) {
  return db
    .selectFrom('shift_templates as t')
    .leftJoin('staff as s', 's.id', 't.updated_by')
    .select(['t.start_time', 't.end_time', 't.room_id', 's.name as updated_by_name'])
    .where('t.doctor_id', '=', doctorId)
    .where('t.weekday', '=', weekday)
    .executeTakeFirst();
}

/** One doctor's change for one day, with who last set it (null: none). */
export function findOverride(db: Db, doctorId: number, date: string) {
  return db
    .selectFrom('shift_overrides as o')
    .leftJoin('staff as s', 's.id', 'o.updated_by')
    .select(['o.kind', 'o.start_time', 'o.end_time', 'o.room_id', 'o.note', 's.name as updated_by_name'])
    .where('o.doctor_id', '=', doctorId)
    .where('o.date', '=', date)
    .executeTakeFirst();
}

export async function upsertTemplate(
  db: Db,
  row: { doctor_id: number; weekday: number; start_time: string; end_time: string; room_id: number | null; updated_at: string; updated_by: number },
) {
  await db
    .insertInto('shift_templates')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['doctor_id', 'weekday']).doUpdateSet({
        start_time: row.start_time,
        end_time: row.end_time,
        room_id: row.room_id,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}

export async function deleteTemplate(db: Db, doctorId: number, weekday: number): Promise<boolean> {
  const result = await db.deleteFrom('shift_templates').where('doctor_id', '=', doctorId).where('weekday', '=', weekday).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function upsertOverride(
  db: Db,
  row: {
    doctor_id: number;
    date: string;
    kind: ShiftOverrideKind;
    start_time: string | null;
    end_time: string | null;
    room_id: number | null;
    note: string;
    updated_at: string;
    updated_by: number;
  },
) {
  const { doctor_id: _doctor, date: _date, ...changes } = row;
  await db
    .insertInto('shift_overrides')
    .values(row)
    .onConflict((oc) => oc.columns(['doctor_id', 'date']).doUpdateSet(changes))
    .execute();
}

export async function deleteOverride(db: Db, doctorId: number, date: string): Promise<boolean> {
  const result = await db.deleteFrom('shift_overrides').where('doctor_id', '=', doctorId).where('date', '=', date).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function findConfirmation(db: Db, date: string, doctorId: number) {
  return db
    .selectFrom('roster_confirmations as c')
    .innerJoin('staff as s', 's.id', 'c.confirmed_by')
    .selectAll('c')
    .select('s.name as confirmed_by_name')
    .where('c.date', '=', date)
    .where('c.doctor_id', '=', doctorId)
    .executeTakeFirst();
}

export async function saveConfirmation(
  db: Db,
  row: Required<Omit<Insertable<RosterConfirmationsTable>, 'id'>>,
) {
  const { date: _date, doctor_id: _doctor, ...changes } = row;
  await db
    .insertInto('roster_confirmations')
    .values(row)
    .onConflict((oc) => oc.columns(['date', 'doctor_id']).doUpdateSet(changes))
    .execute();
}

/**
 * A doctor's appointments starting in `[start, end)` that still hold their time (not cancelled,
 * not a no-show), with customer and item, in time order (`appointments_by_doctor`).
 */
export function doctorAppointmentsBetween(db: Db, doctorId: number, start: string, end: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .leftJoin('items as i', 'i.id', 'a.item_id')
    .leftJoin('visits as v', 'v.appointment_id', 'a.id')
    .select([
      'a.id',
      'a.doctor_id',
      'a.room_id',
      'a.starts_at',
      'a.duration_minutes',
      'a.status',
      'a.version',
      'a.needs_reschedule',
      'v.id as visit_id',
      'v.ticket as visit_ticket',
      'v.status as visit_status',
      'c.id as customer_id',
      'c.name as customer_name',
      'c.address_form',
      'i.name as item_name',
      'i.name_en as item_name_en',
    ])
    .where('a.doctor_id', '=', doctorId)
    .where('a.starts_at', '>=', start)
    .where('a.starts_at', '<', end)
    .where('a.status', 'not in', RELEASED_STATUSES)
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .execute();
}

export type DoctorAppointment = Awaited<ReturnType<typeof doctorAppointmentsBetween>>[number];

export function findAppointment(db: Db, id: number) {
  return db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Gives an appointment to another doctor and room; bumps its version. */
export async function reassignAppointment(db: Db, id: number, doctorId: number, roomId: number | null, at: string) {
  await db
    .updateTable('appointments')
    .set((eb) => ({ doctor_id: doctorId, room_id: roomId, needs_reschedule: 0, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .execute();
}

/** Puts an appointment on the call list to reschedule; bumps its version. */
export async function markNeedsReschedule(db: Db, id: number, at: string) {
  await db
    .updateTable('appointments')
    .set((eb) => ({ needs_reschedule: 1, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .execute();
}

/** Moves a doctor's open appointments in `[start, end)` into another room; returns the ids changed. */
export async function moveDoctorAppointmentsToRoom(db: Db, doctorId: number, start: string, end: string, roomId: number, at: string) {
  const rows = await db
    .updateTable('appointments')
    .set((eb) => ({ room_id: roomId, version: eb('version', '+', 1), updated_at: at }))
    .where('doctor_id', '=', doctorId)
    .where('starts_at', '>=', start)
    .where('starts_at', '<', end)
    .where('status', 'in', [...OPEN_APPOINTMENT_STATUSES])
    .where((eb) => eb.or([eb('room_id', 'is', null), eb('room_id', '!=', roomId)]))
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export function listRooms(db: Db) {
  return db.selectFrom('rooms').select(['id', 'code', 'name', 'name_en', 'floor', 'kind']).orderBy('code').execute();
}

/** The visit an appointment was checked in as, if any. */
export function findVisitOfAppointment(db: Db, appointmentId: number) {
  return db.selectFrom('visits').select(['id', 'status', 'ticket', 'version']).where('appointment_id', '=', appointmentId).executeTakeFirst();
}

/** A waiting visit follows its appointment to another doctor and room; refuses (false) once it is no longer waiting. */
export async function reassignWaitingVisit(db: Db, visitId: number, doctorId: number, roomId: number | null): Promise<boolean> {
  const result = await db
    .updateTable('visits')
    .set((eb) => ({ doctor_id: doctorId, room_id: roomId, version: eb('version', '+', 1) }))
    .where('id', '=', visitId)
    .where('status', '=', 'waiting')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
