import { sql, type Kysely, type Transaction } from 'kysely';
import { FINISHED_STATUSES, type VisitStatus } from '../../../shared/domain/visits';
import type { Database, VisitsTable } from '../schema';
import type { Insertable } from 'kysely';
import { runCompiledOnce } from '../compiled-once';

type Db = Kysely<Database> | Transaction<Database>;

/** The next ticket number of a prefix on a clinic day; the counter only ever grows. */
export async function nextTicketNumber(db: Db, clinicDate: string, prefix: 'A' | 'W' | 'F'): Promise<number> {
  // A check-in's queries are compiled once (compiled-once.ts): building them cost more than running them.
  const [row] = await runCompiledOnce(
    db,
    'visits.nextTicket',
    () =>
      db
        .insertInto('ticket_counters')
        .values({ clinic_date: clinicDate, prefix, last: 1 })
        .onConflict((oc) => oc.columns(['clinic_date', 'prefix']).doUpdateSet({ last: sql<number>`last + 1` }))
        .returning('last'),
    [clinicDate, prefix, 1],
  );
  if (!row) throw new Error('the ticket counter returned no row');
  return row.last;
}

export async function insertVisit(db: Db, visit: Insertable<VisitsTable>): Promise<number> {
  const entries = Object.entries(visit).filter(([, value]) => value !== undefined);
  const [row] = await runCompiledOnce(
    db,
    `visits.insert:${entries.map(([key]) => key).join(',')}`,
    () => db.insertInto('visits').values(visit).returning('id'),
    entries.map(([, value]) => value),
  );
  if (!row) throw new Error('the visit insert returned no row');
  return row.id;
}

export async function insertVisitEvent(
  db: Db,
  event: { visitId: number; from: VisitStatus | null; to: VisitStatus; at: string; staffId: number; roomId?: number | null; note?: string },
) {
  const values = { visit_id: event.visitId, from_status: event.from, to_status: event.to, at: event.at, staff_id: event.staffId, room_id: event.roomId ?? null, note: event.note ?? '' };
  await runCompiledOnce(db, 'visits.insertEvent', () => db.insertInto('visit_events').values(values), Object.values(values));
}

/** The query of `findOpenVisitOfCustomer`, unexecuted. */
function openVisitQuery(db: Db, customerId: number, clinicDate: string) {
  return (
    db
      .selectFrom('visits')
      .select(['id', 'ticket', 'status'])
      .where('customer_id', '=', customerId)
      .where('clinic_date', '=', clinicDate)
      // Written out, not bound: SQLite then answers it from the partial index visits_one_open_a_day.
      .where(sql<boolean>`status NOT IN ('done', 'left')`)
  );
}

/**
 * The customer's visit of the day still open (not done, not left), if any: there is at most one
 * (migration 011). Compiled once: every check-in asks it (bench: check-in against its floor).
 */
export async function findOpenVisitOfCustomer(db: Db, customerId: number, clinicDate: string) {
  const [row] = await runCompiledOnce(db, 'visits.openOfCustomer', () => openVisitQuery(db, customerId, clinicDate), [customerId, clinicDate]);
  return row;
}

export function findVisit(db: Db, id: number) {
  return db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether a visit exists (reads its id only). */
export async function visitExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('visits').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The visits of a clinic day waiting now, with the ticket and address form a notification names them by. */
export function waitingVisitsOfDay(db: Db, clinicDate: string) {
  return db
    .selectFrom('visits as v')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .select(['v.id', 'v.ticket', 'c.address_form'])
    .where('v.clinic_date', '=', clinicDate)
    .where('v.status', '=', 'waiting')
    .execute();
}

/**
 * Moves a visit on only if it is still in the status the caller saw: of two staff acting on one
 * card, one wins. Returns false when the status had already changed.
 */
export async function moveVisit(db: Db, id: number, from: VisitStatus, to: VisitStatus, roomId: number | null | undefined) {
  const result = await db
    .updateTable('visits')
    .set({ status: to, version: sql<number>`version + 1`, ...(roomId !== undefined ? { room_id: roomId } : {}) })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Which visits a read of board cards covers: a whole clinic day (the board's snapshot), or a few
 * visits by id (the cards a change notice names, or the one a move returns).
 */
export type VisitScope = { day: string } | { ids: readonly number[] };

/** The scope as SQL on `visits as v`, and the one value it binds: a day, or the ids as JSON. */
export function scopeOf(scope: VisitScope) {
  if ('day' in scope) return { kind: 'day', condition: sql<boolean>`v.clinic_date = ${scope.day}`, value: scope.day as unknown };
  // One parameter however many ids: an IN list of n values is another SQL text for every n.
  const ids = JSON.stringify(scope.ids);
  return { kind: 'ids', condition: sql<boolean>`v.id in (select value from json_each(${ids}))`, value: ids as unknown };
}

/** The visits of a scope with what the board shows of each, in arrival order. */
export function visitCardRows(db: Db, scope: VisitScope) {
  const { kind, value } = scopeOf(scope);
  // The board's hot path: compiled once (compiled-once.ts), Kysely's build+compile cost ~0.1 ms.
  return runCompiledOnce(db, `visits.cardRows:${kind}`, () => visitCardRowsQuery(db, scope), [value]);
}

/** The query of `visitCardRows`, unexecuted (the EXPLAIN test compiles it). */
export function visitCardRowsQuery(db: Db, scope: VisitScope) {
  return db
    .selectFrom('visits as v')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .leftJoin('appointments as a', 'a.id', 'v.appointment_id')
    .leftJoin('items as i', 'i.id', 'v.item_id')
    .leftJoin('staff as d', 'd.id', 'v.doctor_id')
    .leftJoin('rooms as r', 'r.id', 'v.room_id')
    .select([
      'v.id',
      'v.clinic_date',
      'v.ticket',
      'v.kind',
      'v.status',
      'v.priority',
      'v.arrived_at',
      'v.version',
      'v.appointment_id',
      'a.starts_at as appointment_starts_at',
      'c.id as customer_id',
      'c.name as customer_name',
      'c.address_form',
      'c.tags',
      'i.name as item_name',
      'i.name_en as item_name_en',
      'd.id as doctor_id',
      'd.name as doctor_name',
      'r.id as room_id',
      'r.name as room_name',
      'r.name_en as room_name_en',
      'r.floor as room_floor',
    ])
    .where(scopeOf(scope).condition)
    .orderBy('v.arrived_at')
    .orderBy('v.id');
}

/**
 * The status events of a scope's visits that are still in the clinic, in time order: the live
 * wait figures. A finished visit's events are no card's business (bench: on a 300-arrival day
 * they were nine rows in ten of this read).
 */
export function eventsOfOpenVisits(db: Db, scope: VisitScope) {
  const { kind, value } = scopeOf(scope);
  return runCompiledOnce(db, `visits.openEvents:${kind}`, () => eventsOfOpenVisitsQuery(db, scope), [value, ...FINISHED_STATUSES]);
}

/** The query of `eventsOfOpenVisits`, unexecuted (the EXPLAIN test compiles it). */
export function eventsOfOpenVisitsQuery(db: Db, scope: VisitScope) {
  return db
    .selectFrom('visit_events as e')
    .innerJoin('visits as v', 'v.id', 'e.visit_id')
    .select(['e.visit_id', 'e.to_status', 'e.at'])
    .where(scopeOf(scope).condition)
    .where('v.status', 'not in', FINISHED_STATUSES)
    .orderBy('e.visit_id')
    .orderBy('e.at')
    .orderBy('e.id');
}

/** Every status event of the given visits, in time order. */
export function eventsOfVisits(db: Db, visitIds: number[]) {
  if (visitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('visit_events')
    .select(['visit_id', 'to_status', 'at'])
    .where('visit_id', 'in', visitIds)
    .orderBy('visit_id')
    .orderBy('at')
    .orderBy('id')
    .execute();
}
