/**
 * The read every "call to a room" uses before it calls (issue 13 part 10): the room the customer
 * would be called to and who is already there or on the way, so the screen can warn and name
 * them. A read, not a refusal: the clerk may still call.
 */
import { AppError } from '../../shared/contract/errors';
import type { RoomOccupancy } from '../../shared/contract/visits';
import { findVisit } from '../db/repositories/visits';
import { findRoom, visitsHoldingRoom } from '../db/repositories/room-occupancy';
import type { Db } from './roster-types';

/**
 * Who holds the room `visitId` would be called to: `roomId` when given, else the visit's own.
 *
 * @example await roomOccupancy(db, { visitId: 12 }) // { room: { name: '3 楼咨询一室', … }, occupants: [{ ticket: 'A003', status: 'in_consultation', … }] }
 */
export async function roomOccupancy(db: Db, input: { visitId: number; roomId?: number | undefined }): Promise<RoomOccupancy> {
  const visit = await findVisit(db, input.visitId);
  if (!visit) throw new AppError('not_found', 'error.notFound', { path: ['visitId'] });
  const roomId = input.roomId ?? visit.room_id;
  if (roomId === null) return { room: null, occupants: [] };
  const room = await findRoom(db, roomId);
  if (!room) throw new AppError('not_found', 'error.notFound', { path: ['roomId'] });
  const rows = await visitsHoldingRoom(db, visit.clinic_date, roomId, visit.id);
  return {
    room: { id: room.id, name: room.name, nameEn: room.name_en, floor: room.floor },
    occupants: rows.map((row) => ({ visitId: row.id, ticket: row.ticket, status: row.status as RoomOccupancy['occupants'][number]['status'], name: row.name, addressForm: row.address_form })),
  };
}
