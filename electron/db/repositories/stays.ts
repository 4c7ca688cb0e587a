/**
 * The SQL of stays, their ward tasks and the aftercare templates (migration 015).
 */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { WardTaskKind } from '../../../shared/domain/ward-tasks';
import type { AftercareTemplatesTable, Database, StaysTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertStay(db: Db, row: Insertable<StaysTable>): Promise<number> {
  const { id } = await db.insertInto('stays').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function findStay(db: Db, id: number) {
  return db.selectFrom('stays').selectAll().where('id', '=', id).executeTakeFirst();
}

export function openStayInBed(db: Db, roomId: number, bed: number) {
  return db.selectFrom('stays').select(['id', 'customer_id']).where('room_id', '=', roomId).where('bed', '=', bed).where('discharged_at', 'is', null).executeTakeFirst();
}

export function openStayOfCustomer(db: Db, customerId: number) {
  return db.selectFrom('stays').select(['id', 'room_id', 'bed']).where('customer_id', '=', customerId).where('discharged_at', 'is', null).executeTakeFirst();
}

/** Applies a change to a stay if it is still at `expectedVersion`; false when someone else acted first. */
export async function updateStayVersioned(db: Db, id: number, expectedVersion: number, changes: Partial<Insertable<StaysTable>>): Promise<boolean> {
  const result = await db
    .updateTable('stays')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Bumps a stay's version (a task done on it changes what the board shows). */
export async function touchStay(db: Db, id: number, changes: Partial<Insertable<StaysTable>> = {}) {
  await db.updateTable('stays').set({ ...changes, version: sql<number>`version + 1` }).where('id', '=', id).execute();
}

/** Adds tasks; one already there (same stay, kind and time) is left as it is. */
export async function insertWardTasks(db: Db, stayId: number, tasks: readonly { kind: WardTaskKind; dueAt: string }[], at: string): Promise<number> {
  if (tasks.length === 0) return 0;
  const result = await db
    .insertInto('ward_tasks')
    .values(tasks.map((task) => ({ stay_id: stayId, kind: task.kind, due_at: task.dueAt, created_at: at, started_at: null, started_by: null, done_at: null, done_by: null, cancelled_at: null })))
    .onConflict((oc) => oc.columns(['stay_id', 'kind', 'due_at']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export function findWardTask(db: Db, id: number) {
  return db.selectFrom('ward_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function startWardTask(db: Db, id: number, staffId: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('ward_tasks')
    .set({ started_at: at, started_by: staffId })
    .where('id', '=', id)
    .where('started_at', 'is', null)
    .where('done_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Completes an open task; false when it was done or withdrawn meanwhile (one of two staff wins). */
export async function completeWardTask(db: Db, id: number, staffId: number, at: string, note: string): Promise<boolean> {
  const result = await db
    .updateTable('ward_tasks')
    .set({ done_at: at, done_by: staffId, note })
    .where('id', '=', id)
    .where('done_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Withdraws a stay's open tasks of the given kinds due after `after` (a stopped infusion, a discharge). */
export async function cancelOpenTasks(db: Db, stayId: number, after: string, at: string, kinds?: readonly WardTaskKind[]) {
  let query = db
    .updateTable('ward_tasks')
    .set({ cancelled_at: at })
    .where('stay_id', '=', stayId)
    .where('done_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('due_at', '>', after);
  if (kinds) query = query.where('kind', 'in', [...kinds]);
  await query.execute();
}

export function openTaskOfKind(db: Db, stayId: number, kind: WardTaskKind) {
  return db.selectFrom('ward_tasks').select(['id', 'due_at']).where('stay_id', '=', stayId).where('kind', '=', kind).where('done_at', 'is', null).where('cancelled_at', 'is', null).executeTakeFirst();
}

/** Every open stay with its customer and room, by room and bed. */
export function openStays(db: Db) {
  return db
    .selectFrom('stays')
    .innerJoin('customers', 'customers.id', 'stays.customer_id')
    .select(['stays.id', 'stays.version', 'stays.customer_id', 'stays.room_id', 'stays.bed', 'stays.admitted_at', 'stays.surgery_at', 'stays.medicine_cost_yuan', 'stays.infusion_since', 'stays.aftercare_printed_at', 'customers.name', 'customers.address_form'])
    .where('stays.discharged_at', 'is', null)
    .execute();
}

/** The open tasks of the given stays due before `until`, and the tasks done since `doneSince`. */
export function tasksOfStays(db: Db, stayIds: readonly number[], until: string, doneSince: string) {
  if (stayIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ward_tasks')
    .select(['id', 'stay_id', 'kind', 'due_at', 'started_at', 'done_at', 'note'])
    .where('stay_id', 'in', [...stayIds])
    .where('cancelled_at', 'is', null)
    .where('due_at', '<', until)
    .where((eb) => eb.or([eb('done_at', 'is', null), eb('done_at', '>=', doneSince)]))
    .orderBy('due_at')
    .orderBy('id')
    .execute();
}

/** Open tasks of open stays that fell due before `before` (the overdue rule). */
export function overdueWardTasks(db: Db, before: string) {
  return db
    .selectFrom('ward_tasks')
    .innerJoin('stays', 'stays.id', 'ward_tasks.stay_id')
    .innerJoin('rooms', 'rooms.id', 'stays.room_id')
    .select(['ward_tasks.id', 'ward_tasks.kind', 'ward_tasks.due_at', 'stays.bed', 'rooms.name as room_name', 'rooms.name_en as room_name_en'])
    .where('ward_tasks.done_at', 'is', null)
    .where('ward_tasks.cancelled_at', 'is', null)
    .where('ward_tasks.due_at', '<=', before)
    .where('stays.discharged_at', 'is', null)
    .execute();
}

export function wardRooms(db: Db) {
  return db.selectFrom('rooms').select(['id', 'name', 'name_en', 'floor']).where('kind', '=', 'ward').orderBy('floor').orderBy('code').execute();
}

export function listAftercareTemplates(db: Db) {
  return db.selectFrom('aftercare_templates').selectAll().orderBy('item_id').execute();
}

/** The template of an item, or the clinic's default. */
export async function aftercareTemplateFor(db: Db, itemId: number | null) {
  if (itemId !== null) {
    const own = await db.selectFrom('aftercare_templates').selectAll().where('item_id', '=', itemId).executeTakeFirst();
    if (own) return own;
  }
  return db.selectFrom('aftercare_templates').selectAll().where('item_id', 'is', null).executeTakeFirst();
}

export async function insertAftercareTemplate(db: Db, row: Insertable<AftercareTemplatesTable>): Promise<number> {
  const { id } = await db.insertInto('aftercare_templates').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateAftercareTemplate(db: Db, id: number, expectedVersion: number, changes: Partial<Insertable<AftercareTemplatesTable>>): Promise<boolean> {
  const result = await db
    .updateTable('aftercare_templates')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A customer's surgery booked within `[start, end)` and not cancelled, the earliest first. */
export function surgeryOfDay(db: Db, customerId: number, range: { start: string; end: string }) {
  return db
    .selectFrom('appointments')
    .select(['id'])
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'surgery')
    .where('status', 'not in', ['cancelled', 'no_show'])
    .where('starts_at', '>=', range.start)
    .where('starts_at', '<', range.end)
    .orderBy('starts_at')
    .executeTakeFirst();
}
