/**
 * Who is in a room or on the way to it on a clinic day, from the visits' own room and status
 * (escorts do not change these; issue 13 part 10). Served by `visits_by_day (clinic_date, status)`:
 * a day's called and seen visits are few.
 */
import type { Kysely, Transaction } from 'kysely';
import { ROOM_HOLDING_STATUSES } from '../../../shared/domain/room-occupancy';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The visits of `clinicDate` called to, on the way to, or in `roomId`, other than `exceptVisitId`. */
export function visitsHoldingRoom(db: Db, clinicDate: string, roomId: number, exceptVisitId: number) {
  return db
    .selectFrom('visits as v')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .select(['v.id', 'v.ticket', 'v.status', 'c.name', 'c.address_form'])
    .where('v.clinic_date', '=', clinicDate)
    .where('v.status', 'in', [...ROOM_HOLDING_STATUSES])
    .where('v.room_id', '=', roomId)
    .where('v.id', '!=', exceptVisitId)
    .orderBy('v.id')
    .execute();
}

/** One room's names, for the warning. */
export function findRoom(db: Db, roomId: number) {
  return db.selectFrom('rooms').select(['id', 'name', 'name_en', 'floor']).where('id', '=', roomId).executeTakeFirst();
}
