/**
 * Escorts, their events, the rooms' places and who receives where (migration 012). All the SQL of
 * issue 14 but the hand-off note's (handoff-notes.ts).
 */
import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import { OPEN_ESCORT_STATUSES, type EscortEventKind, type EscortStatus } from '../../../shared/domain/escorts';
import { FINISHED_STATUSES } from '../../../shared/domain/visits';
import { runCompiledOnce } from '../compiled-once';
import type { Database, EscortsTable, RoomsTable } from '../schema';
import { scopeOf, type VisitScope } from './visits';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertEscort(
  db: Db,
  escort: { visitId: number; fromRoomId: number | null; toRoomId: number; arrivalStatus: EscortsTable['arrival_status']; requestedBy: number; at: string },
): Promise<number> {
  const row = await db
    .insertInto('escorts')
    .values({
      visit_id: escort.visitId,
      from_room_id: escort.fromRoomId,
      to_room_id: escort.toRoomId,
      arrival_status: escort.arrivalStatus,
      status: 'requested',
      guide_id: null,
      requested_by: escort.requestedBy,
      requested_at: escort.at,
      step_at: escort.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertEscortEvent(db: Db, event: { escortId: number; kind: EscortEventKind; at: string; staffId: number; note?: string }) {
  await db.insertInto('escort_events').values({ escort_id: event.escortId, kind: event.kind, at: event.at, staff_id: event.staffId, note: event.note ?? '' }).execute();
}

export function findEscort(db: Db, id: number) {
  return db.selectFrom('escorts').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * `status IN (the open statuses)`, written out: SQLite uses a partial index only when the query's
 * own terms name its WHERE, and a bound list names nothing (it scanned every escort ever made, and
 * planned the query again on every call). escorts_one_open and escorts_open are partial on it.
 */
const openEscortCondition = (column: 'status' | 'e.status') => sql<boolean>`${sql.ref(column)} in (${sql.join(OPEN_ESCORT_STATUSES.map((status) => sql.lit(status)))})`;

/** The visit's escort under way, if any (at most one: escorts_one_open). */
export function findOpenEscortOfVisit(db: Db, visitId: number) {
  return openEscortOfVisitQuery(db, visitId).executeTakeFirst();
}

/** The query of `findOpenEscortOfVisit`, unexecuted (the EXPLAIN test compiles it). */
export function openEscortOfVisitQuery(db: Db, visitId: number) {
  return db.selectFrom('escorts').selectAll().where('visit_id', '=', visitId).where(openEscortCondition('status'));
}

/**
 * Moves an escort on only if it is still in one of the statuses the caller saw (compare-and-set
 * in one UPDATE): of two guides taking one escort, exactly one row is updated. Returns whether it was.
 */
export async function moveEscort(db: Db, id: number, from: readonly EscortStatus[], set: Updateable<EscortsTable> & { status: EscortStatus; step_at: string }): Promise<boolean> {
  const result = await db
    .updateTable('escorts')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The guide of an escort by name (the conflict a losing take gets names her). */
export async function guideNameOf(db: Db, escortId: number): Promise<string | null> {
  const row = await db
    .selectFrom('escorts as e')
    .leftJoin('staff as s', 's.id', 'e.guide_id')
    .select('s.name')
    .where('e.id', '=', escortId)
    .executeTakeFirst();
  return row?.name ?? null;
}

/**
 * What the escort views show of each escort in `where`: the visit's ticket and address form, the
 * rooms, the guide, whether a note exists (never its text).
 */
function escortViewRows(db: Db) {
  return db
    .selectFrom('escorts as e')
    .innerJoin('visits as v', 'v.id', 'e.visit_id')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .innerJoin('rooms as t', 't.id', 'e.to_room_id')
    .leftJoin('rooms as f', 'f.id', 'e.from_room_id')
    .leftJoin('staff as g', 'g.id', 'e.guide_id')
    .select([
      'e.id',
      'e.version',
      'e.visit_id',
      'e.status',
      'e.arrival_status',
      'e.requested_at',
      'e.step_at',
      'e.reason',
      'e.guide_id',
      'g.name as guide_name',
      'v.ticket',
      'v.status as visit_status',
      'v.room_id as visit_room_id',
      'v.clinic_date',
      'c.name as customer_name',
      'c.address_form',
      'c.tags',
      't.id as to_id',
      't.name as to_name',
      't.name_en as to_name_en',
      't.floor as to_floor',
      't.kind as to_kind',
      'f.id as from_id',
      'f.name as from_name',
      'f.name_en as from_name_en',
      'f.floor as from_floor',
      'f.kind as from_kind',
      sql<number>`exists (select 1 from handoff_notes h where h.visit_id = e.visit_id)`.as('has_note'),
    ]);
}
export type EscortViewRow = Awaited<ReturnType<ReturnType<typeof escortViewRows>['execute']>>[number];

/** One escort in the views' form. */
export function escortViewRow(db: Db, id: number) {
  return escortViewRows(db).where('e.id', '=', id).executeTakeFirst();
}

/**
 * A clinic day's escorts under way, and the acknowledged ones whose customer is still where the
 * escort took her (the room view's "inside"), by request time.
 */
export function escortViewRowsOfDay(db: Db, clinicDate: string) {
  return escortViewRows(db)
    .where('v.clinic_date', '=', clinicDate)
    .where((eb) =>
      eb.or([
        eb('e.status', 'in', [...OPEN_ESCORT_STATUSES]),
        eb.and([eb('e.status', '=', 'acknowledged'), eb('v.room_id', '=', eb.ref('e.to_room_id')), eb('v.status', 'not in', ['done', 'left']), eb(sql`v.status`, '=', eb.ref('e.arrival_status'))]),
      ]),
    )
    .orderBy('e.requested_at')
    .orderBy('e.id')
    .execute();
}

/**
 * The open escorts of a scope's visits still in the clinic, for the board's cards. Compiled once
 * with the scope as its one value (the cards' other reads do the same), and the open statuses
 * written out: so SQLite reaches each visit's escort through the partial index escorts_one_open,
 * whose WHERE names them, and does not plan the query again on every call.
 */
export function openEscortsOfScope(db: Db, scope: VisitScope) {
  const { kind, value } = scopeOf(scope);
  return runCompiledOnce(db, `escorts.openOfScope:${kind}`, () => openEscortsOfScopeQuery(db, scope), [value, ...FINISHED_STATUSES]);
}

/** The query of `openEscortsOfScope`, unexecuted (the EXPLAIN test compiles it). */
export function openEscortsOfScopeQuery(db: Db, scope: VisitScope) {
  return db
    .selectFrom('escorts as e')
    .innerJoin('visits as v', 'v.id', 'e.visit_id')
    .innerJoin('rooms as t', 't.id', 'e.to_room_id')
    .leftJoin('staff as g', 'g.id', 'e.guide_id')
    .select(['e.id', 'e.visit_id', 'e.status', 'e.step_at', 'g.name as guide_name', 't.name as to_name', 't.name_en as to_name_en', 't.floor as to_floor'])
    .where(scopeOf(scope).condition)
    .where('v.status', 'not in', FINISHED_STATUSES)
    .where(openEscortCondition('e.status'));
}

/** Escorts under way of a day, for the delay rule, with the ticket and address form it names. */
export function openEscortsForDelay(db: Db, clinicDate: string) {
  return openEscortsForDelayQuery(db, clinicDate).execute();
}

/** The query of `openEscortsForDelay`, unexecuted (the EXPLAIN test compiles it). */
export function openEscortsForDelayQuery(db: Db, clinicDate: string) {
  return db
    .selectFrom('escorts as e')
    .innerJoin('visits as v', 'v.id', 'e.visit_id')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .innerJoin('rooms as t', 't.id', 'e.to_room_id')
    .select(['e.id', 'e.visit_id', 'e.status', 'e.step_at', 'v.ticket', 'c.address_form', 't.name as to_name', 't.name_en as to_name_en', 't.floor as to_floor'])
    .where('v.clinic_date', '=', clinicDate)
    // Open (the partial index's terms), and of those the steps a delay is measured on.
    .where(openEscortCondition('e.status'))
    .where('e.status', 'in', ['requested', 'taken', 'delivered']);
}

/** Every event of a day's escorts, by escort and time: the source of the escort times. */
export function escortEventsOfDay(db: Db, clinicDate: string) {
  return db
    .selectFrom('escort_events as x')
    .innerJoin('escorts as e', 'e.id', 'x.escort_id')
    .innerJoin('visits as v', 'v.id', 'e.visit_id')
    .select(['x.escort_id', 'x.kind', 'x.at', 'x.staff_id', 'x.note'])
    .where('v.clinic_date', '=', clinicDate)
    .orderBy('x.escort_id')
    .orderBy('x.at')
    .orderBy('x.id')
    .execute();
}

export function eventsOfEscort(db: Db, escortId: number) {
  return db.selectFrom('escort_events').selectAll().where('escort_id', '=', escortId).orderBy('at').orderBy('id').execute();
}

/** The first room of a kind (the lobby an escort starts from, the exam room of a pre-op move). */
export function firstRoomOfKind(db: Db, kind: RoomsTable['kind']) {
  return db.selectFrom('rooms').selectAll().where('kind', '=', kind).orderBy('floor').orderBy('code').executeTakeFirst();
}

export function listRooms(db: Db) {
  return db.selectFrom('rooms').selectAll().orderBy('floor').orderBy('code').execute();
}

export function findRoom(db: Db, id: number) {
  return db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Updates a room if its version is still the one the editor loaded; returns whether it was. */
export async function updateRoom(db: Db, id: number, expectedVersion: number, set: Updateable<RoomsTable>): Promise<boolean> {
  const result = await db
    .updateTable('rooms')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The room a staff member receives at, or null. */
export async function receivingRoomOf(db: Db, staffId: number): Promise<number | null> {
  const row = await db.selectFrom('staff_rooms').select('room_id').where('staff_id', '=', staffId).executeTakeFirst();
  return row?.room_id ?? null;
}

export async function setReceivingRoom(db: Db, staffId: number, roomId: number | null, since: string) {
  if (roomId === null) {
    await db.deleteFrom('staff_rooms').where('staff_id', '=', staffId).execute();
    return;
  }
  await db
    .insertInto('staff_rooms')
    .values({ staff_id: staffId, room_id: roomId, since })
    .onConflict((oc) => oc.column('staff_id').doUpdateSet({ room_id: roomId, since }))
    .execute();
}

/** The escorts of a visit, newest first (the note's access rule reads them). */
export function escortsOfVisit(db: Db, visitId: number) {
  return db.selectFrom('escorts').selectAll().where('visit_id', '=', visitId).orderBy('id', 'desc').execute();
}
