/**
 * Escorts between floors (issue 14; seed 000 step 6; seed 004 rule 2): guides take, pick up and
 * deliver; the receiver acknowledges at the door, which alone finishes an escort and moves the
 * card on. Every step is an escort event with its actor and time (the report's escort times).
 */
import type { Kysely, Transaction } from 'kysely';
import type { EscortView, RoomView } from '../../shared/contract/escorts';
import { AppError } from '../../shared/contract/errors';
import { clinicDateOf, type ClinicDate } from '../../shared/domain/clinic-time';
import {
  canAct,
  ESCORT_ACTION_EVENT,
  ESCORT_ACTION_RESULT,
  ESCORT_ACTIONS,
  ESCORT_STEPS,
  escortDelay,
  escortStepSeconds,
  summarizeSeconds,
  type EscortAction,
  type EscortEventTime,
  type EscortStatus,
  type EscortStepKey,
} from '../../shared/domain/escorts';
import { maskName } from '../../shared/domain/masking';
import type { Role } from '../../shared/domain/roles';
import type { Settings } from '../../shared/domain/settings';
import { canTransition, type VisitStatus } from '../../shared/domain/visits';
import {
  escortEventsOfDay,
  escortViewRow,
  escortViewRowsOfDay,
  findEscort,
  findRoom,
  guideNameOf,
  insertEscortEvent,
  listRooms,
  moveEscort,
  receivingRoomOf,
  setReceivingRoom,
  updateRoom,
  type EscortViewRow,
} from '../db/repositories/escorts';
import { readSettings } from '../db/repositories/settings';
import { findVisit, insertVisitEvent, moveVisit } from '../db/repositories/visits';
import type { Database } from '../db/schema';
import { followVisitMove } from './comfort-service';
import { saveReceiverPlan } from './handoff-service';

type Db = Kysely<Database> | Transaction<Database>;

export interface EscortActionInput {
  escortId: number;
  reason?: string | undefined;
  plan?: string | undefined;
}

export interface RoomEdit {
  id: number;
  expectedVersion: number;
  floor?: number | undefined;
  access?: RoomView['access'] | undefined;
  posX?: number | undefined;
  posY?: number | undefined;
  directions?: string | undefined;
  directionsEn?: string | undefined;
  landmarks?: string | undefined;
  landmarksEn?: string | undefined;
}

export interface EscortService {
  board(db: Db, date: ClinicDate | undefined, staffId: number, now: Date): Promise<{ date: ClinicDate; escorts: EscortView[]; myRoomId: number | null }>;
  /** One action on an escort; a step it does not allow is a conflict naming the current step (and the guide who took it). */
  act(db: Db, action: EscortAction, input: EscortActionInput, actor: { staffId: number; role: Role }, now: Date): Promise<EscortView>;
  receiveAt(db: Db, staffId: number, roomId: number | null, now: Date): Promise<{ roomId: number | null }>;
  times(db: Db, date: ClinicDate | undefined, now: Date): Promise<{ date: ClinicDate; steps: ({ step: EscortStepKey } & ReturnType<typeof summarizeSeconds>)[] }>;
  rooms(db: Db): Promise<RoomView[]>;
  updateRoom(db: Db, edit: RoomEdit): Promise<{ before: RoomView; after: RoomView }>;
}

export function roomView(row: Awaited<ReturnType<typeof listRooms>>[number]): RoomView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    floor: row.floor,
    kind: row.kind,
    access: row.access,
    posX: row.pos_x,
    posY: row.pos_y,
    directions: row.directions,
    directionsEn: row.directions_en,
    landmarks: row.landmarks,
    landmarksEn: row.landmarks_en,
    version: row.version,
  };
}

export function escortView(row: EscortViewRow, settings: Settings, now: Date): EscortView {
  const delay = escortDelay(row.status, row.step_at, now, settings);
  return {
    id: row.id,
    version: row.version,
    visitId: row.visit_id,
    ticket: row.ticket,
    addressForm: row.address_form,
    maskedName: maskName(row.customer_name),
    visitStatus: row.visit_status,
    status: row.status,
    from: row.from_id === null ? null : { id: row.from_id, name: row.from_name ?? '', nameEn: row.from_name_en ?? '', floor: row.from_floor ?? 0, kind: row.from_kind ?? 'other' },
    to: { id: row.to_id, name: row.to_name, nameEn: row.to_name_en, floor: row.to_floor, kind: row.to_kind },
    guide: row.guide_id === null ? null : { id: row.guide_id, name: row.guide_name ?? '' },
    requestedAt: row.requested_at,
    stepAt: row.step_at,
    stepMinutes: delay.minutes,
    delayed: delay.delayed,
    reason: row.reason,
    hasNote: Number(row.has_note) === 1,
    tags: JSON.parse(row.tags) as string[],
  };
}

/** Moves the visit with its status event and comfort tasks, as the desk's move would. */
async function moveVisitAlong(db: Db, visitId: number, to: VisitStatus, roomId: number | undefined, staffId: number, now: Date, note = '') {
  const visit = await findVisit(db, visitId);
  if (!visit || visit.status === to || !canTransition(visit.status, to)) return;
  if (!(await moveVisit(db, visit.id, visit.status, to, roomId))) return;
  await insertVisitEvent(db, { visitId: visit.id, from: visit.status, to, at: now.toISOString(), staffId, roomId: roomId ?? null, note });
  await followVisitMove(db, visit.id, visit.status, to, staffId, now);
}

export function createEscortService(): EscortService {
  async function viewOf(db: Db, id: number, now: Date): Promise<EscortView> {
    const row = await escortViewRow(db, id);
    if (!row) throw new AppError('not_found', 'error.notFound', { path: ['escortId'] });
    return escortView(row, await readSettings(db), now);
  }

  return {
    async board(db, date, staffId, now) {
      const settings = await readSettings(db);
      const day = date ?? clinicDateOf(now, settings.timeZone);
      const rows = await escortViewRowsOfDay(db, day);
      return { date: day, escorts: rows.map((row) => escortView(row, settings, now)), myRoomId: await receivingRoomOf(db, staffId) };
    },

    async act(db, action, input, actor, now) {
      const { staffId } = actor;
      const escort = await findEscort(db, input.escortId);
      if (!escort) throw new AppError('not_found', 'error.notFound', { path: ['escortId'] });
      const refuse = async (status: EscortStatus) => {
        const guide = await guideNameOf(db, escort.id);
        if (action === 'take' && status !== 'requested' && guide) {
          return new AppError('conflict', 'escorts.takenBy', { params: { guide }, details: { currentStatus: status, guide } });
        }
        return new AppError('conflict', 'escorts.wrongStep', { params: { status: `escorts.status.${status}` }, details: { currentStatus: status, guide } });
      };
      // A guide acts on her own escort only; the desk and a manager may step in for her.
      if ((action === 'pickUp' || action === 'deliver' || action === 'handBack') && escort.guide_id !== null && escort.guide_id !== staffId) {
        if (actor.role === 'guide') throw new AppError('forbidden', 'escorts.notYours', { params: { guide: (await guideNameOf(db, escort.id)) ?? '' } });
      }
      if (!canAct(action, escort.status)) throw await refuse(escort.status);
      const at = now.toISOString();
      const status = ESCORT_ACTION_RESULT[action];
      const guide = action === 'take' ? { guide_id: staffId } : action === 'handBack' ? { guide_id: null } : {};
      const reason = input.reason !== undefined ? { reason: input.reason } : {};
      // Compare-and-set in one UPDATE: of twenty guides taking one escort, one row is updated.
      if (!(await moveEscort(db, escort.id, ESCORT_ACTIONS[action], { status, step_at: at, ...guide, ...reason }))) {
        const current = await findEscort(db, escort.id);
        throw await refuse(current?.status ?? escort.status);
      }
      await insertEscortEvent(db, { escortId: escort.id, kind: ESCORT_ACTION_EVENT[action], at, staffId, note: input.reason ?? '' });

      // The card follows the escort.
      if (action === 'pickUp' || action === 'sendWithDirections') await moveVisitAlong(db, escort.visit_id, 'escorting', undefined, staffId, now);
      if (action === 'acknowledge') {
        if (escort.arrival_status) await moveVisitAlong(db, escort.visit_id, escort.arrival_status, escort.to_room_id, staffId, now);
        if (input.plan) await saveReceiverPlan(db, escort.visit_id, input.plan, staffId, now);
      }
      // Not found in the lobby, or sent back from the door: back to the queue (her arrival keeps her place).
      if (action === 'notFound' || action === 'sendBack') await moveVisitAlong(db, escort.visit_id, 'waiting', undefined, staffId, now, input.reason ?? '');
      return viewOf(db, escort.id, now);
    },

    async receiveAt(db, staffId, roomId, now) {
      if (roomId !== null && !(await findRoom(db, roomId))) throw new AppError('not_found', 'error.notFound', { path: ['roomId'] });
      await setReceivingRoom(db, staffId, roomId, now.toISOString());
      return { roomId };
    },

    async times(db, date, now) {
      const settings = await readSettings(db);
      const day = date ?? clinicDateOf(now, settings.timeZone);
      const byEscort = new Map<number, EscortEventTime[]>();
      for (const event of await escortEventsOfDay(db, day)) {
        const list = byEscort.get(event.escort_id) ?? [];
        list.push({ kind: event.kind as EscortEventTime['kind'], at: event.at });
        byEscort.set(event.escort_id, list);
      }
      const seconds = [...byEscort.values()].map(escortStepSeconds);
      return {
        date: day,
        steps: ESCORT_STEPS.map((step) => ({ step: step.key, ...summarizeSeconds(seconds.flatMap((each) => (each[step.key] === undefined ? [] : [each[step.key] as number]))) })),
      };
    },

    rooms: async (db) => (await listRooms(db)).map(roomView),

    async updateRoom(db, edit) {
      const row = await findRoom(db, edit.id);
      if (!row) throw new AppError('not_found', 'error.notFound', { path: ['id'] });
      const before = roomView(row);
      const set = {
        ...(edit.floor !== undefined ? { floor: edit.floor } : {}),
        ...(edit.access !== undefined ? { access: edit.access } : {}),
        ...(edit.posX !== undefined ? { pos_x: edit.posX } : {}),
        ...(edit.posY !== undefined ? { pos_y: edit.posY } : {}),
        ...(edit.directions !== undefined ? { directions: edit.directions } : {}),
        ...(edit.directionsEn !== undefined ? { directions_en: edit.directionsEn } : {}),
        ...(edit.landmarks !== undefined ? { landmarks: edit.landmarks } : {}),
        ...(edit.landmarksEn !== undefined ? { landmarks_en: edit.landmarksEn } : {}),
      };
      if (!(await updateRoom(db, edit.id, edit.expectedVersion, set))) {
        throw new AppError('conflict', 'escorts.roomChanged', { details: { currentVersion: row.version, current: before } });
      }
      const after = await findRoom(db, edit.id);
      if (!after) throw new Error('an updated room vanished');
      return { before, after: roomView(after) };
    },
  };
}
