/**
 * How a visit's move between places makes or ends an escort (issue 14). Called inside the visit
 * service's transition, in its transaction, so every feature that moves a card (the desk's call,
 * a consultation's outcome sending her to the pre-op exam, back to the lobby or the cashier) gets
 * its escort without a line of its own.
 */
import type { Kysely, Transaction } from 'kysely';
import type { VisitStatus } from '../../shared/domain/visits';
import { findOpenEscortOfVisit, firstRoomOfKind, insertEscort, insertEscortEvent, moveEscort } from '../db/repositories/escorts';
import type { Database, EscortsTable } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

interface MovedVisit {
  id: number;
  /** The visit's room before the move: where an escort from a room starts. */
  room_id: number | null;
}

/** Where a move sends the customer, and the visit status her arrival (the acknowledgement) brings. */
async function destinationOf(db: Db, visit: MovedVisit, from: VisitStatus, to: VisitStatus, roomId: number | undefined) {
  // seed 000 step 6: called → a guide takes her from the lobby to the consultation room.
  if (to === 'called') {
    const target = roomId ?? visit.room_id;
    if (target === null) return null;
    const lobby = await firstRoomOfKind(db, 'lobby');
    return { fromRoomId: lobby?.id ?? null, toRoomId: target, arrivalStatus: 'in_consultation' as const };
  }
  // seed 000 step 7: consultation → the pre-op exam, usually on another floor.
  if (to === 'pre_op_exam' && from === 'in_consultation') {
    const target = roomId ?? (await firstRoomOfKind(db, 'exam'))?.id ?? null;
    if (target === null) return null;
    return { fromRoomId: visit.room_id, toRoomId: target, arrivalStatus: 'pre_op_exam' as const };
  }
  // Back from a room to the lobby (or the cashier, a room of kind "other" chosen by the caller).
  if (to === 'escorting' && (from === 'in_consultation' || from === 'pre_op_exam')) {
    const target = roomId ?? (await firstRoomOfKind(db, 'lobby'))?.id ?? null;
    if (target === null) return null;
    return { fromRoomId: visit.room_id, toRoomId: target, arrivalStatus: 'waiting' as const };
  }
  return null;
}

/**
 * Follows a desk's (or any feature's) move of a visit: an escort under way that the move makes
 * moot is cancelled with an event saying why (the desk marking "with a guide" keeps it going), and
 * a move to another place requests a new escort. Returns the ids of the escorts touched.
 */
export async function followVisitMoveWithEscort(
  db: Db,
  visit: MovedVisit,
  from: VisitStatus,
  to: VisitStatus,
  roomId: number | undefined,
  staffId: number,
  now: Date,
): Promise<number[]> {
  const at = now.toISOString();
  const touched: number[] = [];
  const open = await findOpenEscortOfVisit(db, visit.id);
  if (open && !(from === 'called' && to === 'escorting')) {
    if (await moveEscort(db, open.id, [open.status], { status: 'cancelled', step_at: at, reason: `${from}→${to}` })) {
      await insertEscortEvent(db, { escortId: open.id, kind: 'cancelled', at, staffId, note: `${from}→${to}` });
      touched.push(open.id);
    }
  }
  const destination = await destinationOf(db, visit, from, to, roomId);
  if (destination) {
    const arrivalStatus: EscortsTable['arrival_status'] = destination.arrivalStatus;
    const id = await insertEscort(db, { visitId: visit.id, fromRoomId: destination.fromRoomId, toRoomId: destination.toRoomId, arrivalStatus, requestedBy: staffId, at });
    await insertEscortEvent(db, { escortId: id, kind: 'requested', at, staffId });
    touched.push(id);
  }
  return touched;
}
