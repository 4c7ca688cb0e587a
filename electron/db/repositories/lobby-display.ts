/**
 * What the lobby display reads of a clinic day's visits: a read model of the visits aggregate,
 * kept apart so that its select list is the whole of what the display's service ever sees — the
 * ticket, the name it masks, the room, when the ticket was called. No phone, note or item is read.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Visits still answering a call — `called`, or `escorting` straight from the call (a guide taking
 * them from the lobby; not one walking them from consultation to the pre-op exam) — newest call
 * first.
 * `visits_by_day (clinic_date, status)` finds them; `visit_events_by_visit` gives each call's time.
 */
export function callsOfDayQuery(db: Db, clinicDate: string, limit: number) {
  return db
    .selectFrom('visits as v')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .leftJoin('rooms as r', 'r.id', 'v.room_id')
    .select([
      'v.id',
      'v.ticket',
      'c.name as customer_name',
      'r.floor as room_floor',
      'r.name as room_name',
      'r.name_en as room_name_en',
      sql<string | null>`(SELECT max(e.at) FROM visit_events e WHERE e.visit_id = v.id AND e.to_status = 'called')`.as('called_at'),
    ])
    .where('v.clinic_date', '=', clinicDate)
    .where((eb) =>
      eb.or([
        eb('v.status', '=', 'called'),
        eb.and([
          eb('v.status', '=', 'escorting'),
          eb(sql<string>`(SELECT e.from_status FROM visit_events e WHERE e.visit_id = v.id ORDER BY e.at DESC, e.id DESC LIMIT 1)`, '=', 'called'),
        ]),
      ]),
    )
    .orderBy('called_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(limit);
}

export function callsOfDay(db: Db, clinicDate: string, limit: number) {
  return callsOfDayQuery(db, clinicDate, limit).execute();
}

/** The day's waiting visits in the board's order: priority first, then arrival. */
export function waitingOfDayQuery(db: Db, clinicDate: string, limit: number) {
  return db
    .selectFrom('visits as v')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .select(['v.id', 'v.ticket', 'c.name as customer_name'])
    .where('v.clinic_date', '=', clinicDate)
    .where('v.status', '=', 'waiting')
    .orderBy('v.priority', 'desc')
    .orderBy('v.arrived_at')
    .orderBy('v.id')
    .limit(limit);
}

export function waitingOfDay(db: Db, clinicDate: string, limit: number) {
  return waitingOfDayQuery(db, clinicDate, limit).execute();
}

/** How many visits of the day are waiting. */
export async function countWaiting(db: Db, clinicDate: string): Promise<number> {
  const row = await db
    .selectFrom('visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('clinic_date', '=', clinicDate)
    .where('status', '=', 'waiting')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
