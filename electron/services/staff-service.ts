/**
 * Staff administration (issue 13 part 8): a manager adds a member of staff with a first PIN,
 * edits them, deactivates and reactivates them, resets a PIN; the person changes their own PIN.
 * Every manager's edit is compare-and-set on the row's version (two managers: one wins, the other
 * a 409 naming who saved first). Deactivating ends every session of the person at once (the
 * dispatcher forgets its kept sessions after a staff write; the HTTP server ends their open event
 * streams); their visits, bookings and audit rows stay theirs. The clinic keeps at least one
 * active manager, and a manager never deactivates themself.
 */
import type { Kysely, Transaction } from 'kysely';
import type { StaffMember, UpdateStaffInput } from '../../shared/contract/staff';
import { AppError } from '../../shared/contract/errors';
import { minimumPinDigits } from '../../shared/domain/staff';
import type { Role } from '../../shared/domain/roles';
import {
  countOtherActiveManagers,
  countRooms,
  countTemplatesOf,
  findStaff,
  insertStaff,
  listAllStaff,
  listRooms,
  roomsOfStaff,
  setOwnPin,
  setStaffRooms,
  updateStaffVersioned,
  type StaffListRow,
} from '../db/repositories/staff';
import { revokeSessionsOfStaff } from '../db/repositories/sessions';
import type { Database, StaffRow } from '../db/schema';
import { hashPin, verifyPin } from './pin-hash';
import { namePinyin } from './pinyin';

type Db = Kysely<Database> | Transaction<Database>;

/** A write's result with its audit description. */
export interface StaffChange {
  member: StaffMember;
  target: string;
  diff: unknown;
}

export interface StaffService {
  /** Every member of staff with their rooms, and every room. */
  list(db: Db): Promise<{ staff: StaffMember[]; rooms: { id: number; name: string; nameEn: string; floor: number }[] }>;
  create(db: Db, input: { name: string; role: Role; specialty: string | null; specialtyEn: string | null; roomIds: number[]; pin: string }, managerId: number, now: Date): Promise<StaffChange>;
  update(db: Db, input: UpdateStaffInput, managerId: number, now: Date): Promise<StaffChange>;
  /** Deactivates and ends every session of the person; `endedSessions` for the audit row. */
  deactivate(db: Db, input: { id: number; expectedVersion: number }, managerId: number, now: Date): Promise<StaffChange>;
  reactivate(db: Db, input: { id: number; expectedVersion: number }, managerId: number, now: Date): Promise<StaffChange>;
  resetPin(db: Db, input: { id: number; expectedVersion: number; pin: string }, managerId: number, now: Date): Promise<StaffChange>;
  /** The signed-in person's own new PIN, given the current one. */
  changeOwnPin(db: Db, staffId: number, input: { currentPin: string; newPin: string }, now: Date): Promise<void>;
}

/** Builds the staff administration service. */
export function createStaffService(): StaffService {
  async function memberOf(db: Db, id: number): Promise<StaffMember> {
    const row = (await listAllStaff(db)).find((member) => member.id === id);
    if (!row) throw new AppError('not_found', 'staff.error.notFound', { path: ['id'] });
    return (await toMembers(db, [row]))[0] as StaffMember;
  }

  /** The row at the version the manager read, or a 409 with the person as stored now. */
  async function current(db: Db, id: number, expectedVersion: number): Promise<StaffRow> {
    const row = await findStaff(db, id);
    if (!row) throw new AppError('not_found', 'staff.error.notFound', { path: ['id'] });
    if (row.version !== expectedVersion) throw await staleError(db, id);
    return row;
  }

  async function staleError(db: Db, id: number): Promise<AppError> {
    const member = await memberOf(db, id);
    const details = { version: member.version, current: member };
    if (!member.updated) return new AppError('conflict', 'error.conflict', { details });
    return new AppError('conflict', 'staff.error.stale', { params: { by: member.updated.by }, details });
  }

  async function write(db: Db, id: number, expectedVersion: number, changes: Parameters<typeof updateStaffVersioned>[3]) {
    // Read and written in one transaction: only a writer outside it could get here.
    if (!(await updateStaffVersioned(db, id, expectedVersion, changes))) throw await staleError(db, id);
  }

  async function checkRooms(db: Db, roomIds: readonly number[]) {
    if ((await countRooms(db, roomIds)) !== roomIds.length) throw new AppError('invalid', 'staff.error.unknownRoom', { path: ['roomIds'] });
  }

  /** A manager's PIN has at least 6 digits (issue 13 part 8): the schema says it for a new person, this for a reset. */
  function checkPinLength(role: Role, pin: string, field: string) {
    if (pin.length < minimumPinDigits(role)) throw new AppError('invalid', 'staff.validation.managerPin', { path: [field] });
  }

  /** The clinic always keeps one active manager: nobody else could administer it. */
  async function keepOneManager(db: Db, row: StaffRow) {
    if (row.role === 'manager' && row.active === 1 && (await countOtherActiveManagers(db, row.id)) === 0) {
      throw new AppError('conflict', 'staff.error.lastManager', { path: ['id'] });
    }
  }

  return {
    async list(db) {
      const [rows, rooms] = await Promise.all([listAllStaff(db), listRooms(db)]);
      return { staff: await toMembers(db, rows), rooms: rooms.map((room) => ({ id: room.id, name: room.name, nameEn: room.name_en, floor: room.floor })) };
    },

    async create(db, input, managerId, now) {
      await checkRooms(db, input.roomIds);
      const at = now.toISOString();
      const id = await insertStaff(db, {
        name: input.name,
        name_pinyin: namePinyin(input.name),
        role: input.role,
        specialty: input.specialty || null,
        specialty_en: input.specialtyEn || null,
        pin_hash: await hashPin(input.pin),
        locked_until: null,
        created_at: at,
        // A first PIN is the manager's, not the person's: changed at the first sign-in (a lobby
        // display is a screen with nobody to choose one: its PIN stays the manager's).
        must_change_pin: input.role === 'display' ? 0 : 1,
        updated_at: at,
        updated_by: managerId,
      });
      await setStaffRooms(db, id, input.roomIds);
      const member = await memberOf(db, id);
      return { member, target: `staff:${id}`, diff: { name: input.name, role: input.role, specialty: input.specialty || null, specialtyEn: input.specialtyEn || null, roomIds: input.roomIds } };
    },

    async update(db, input, managerId, now) {
      const before = await current(db, input.id, input.expectedVersion);
      await checkRooms(db, input.roomIds);
      if (before.role !== input.role) {
        await keepOneManager(db, before);
        // The roster's weekly shifts belong to doctors only (migration 003's triggers).
        if (before.role === 'doctor' && (await countTemplatesOf(db, before.id)) > 0) throw new AppError('conflict', 'staff.error.doctorHasShifts', { path: ['role'] });
      }
      const specialty = input.specialty || null;
      const specialtyEn = input.specialtyEn || null;
      const beforeRooms = (await roomsOfStaff(db, [before.id])).map((room) => room.id);
      const diff: Record<string, [unknown, unknown]> = {};
      if (before.name !== input.name) diff.name = [before.name, input.name];
      if (before.role !== input.role) diff.role = [before.role, input.role];
      if (before.specialty !== specialty) diff.specialty = [before.specialty, specialty];
      if (before.specialty_en !== specialtyEn) diff.specialtyEn = [before.specialty_en, specialtyEn];
      if (JSON.stringify([...beforeRooms].sort()) !== JSON.stringify([...input.roomIds].sort())) diff.roomIds = [beforeRooms, input.roomIds];
      await write(db, before.id, input.expectedVersion, {
        name: input.name,
        name_pinyin: namePinyin(input.name),
        role: input.role,
        specialty,
        specialty_en: specialtyEn,
        // Made a manager: their PIN may be shorter than a manager's must be, so they choose one.
        ...(input.role === 'manager' && before.role !== 'manager' ? { must_change_pin: 1 as const } : {}),
        ...(input.role === 'display' ? { must_change_pin: 0 as const } : {}),
        updated_at: now.toISOString(),
        updated_by: managerId,
      });
      await setStaffRooms(db, before.id, input.roomIds);
      // A new role is a new set of rights: the person signs in again.
      if (before.role !== input.role) await revokeSessionsOfStaff(db, before.id, now.toISOString());
      return { member: await memberOf(db, before.id), target: `staff:${before.id}`, diff };
    },

    async deactivate(db, input, managerId, now) {
      const before = await current(db, input.id, input.expectedVersion);
      if (before.id === managerId) throw new AppError('conflict', 'staff.error.self', { path: ['id'] });
      if (before.active === 0) return { member: await memberOf(db, before.id), target: `staff:${before.id}`, diff: { active: [0, 0] } };
      await keepOneManager(db, before);
      const at = now.toISOString();
      await write(db, before.id, input.expectedVersion, { active: 0, deactivated_at: at, updated_at: at, updated_by: managerId });
      const endedSessions = await revokeSessionsOfStaff(db, before.id, at);
      return { member: await memberOf(db, before.id), target: `staff:${before.id}`, diff: { active: [1, 0], endedSessions } };
    },

    async reactivate(db, input, managerId, now) {
      const before = await current(db, input.id, input.expectedVersion);
      const at = now.toISOString();
      if (before.active === 1) return { member: await memberOf(db, before.id), target: `staff:${before.id}`, diff: { active: [1, 1] } };
      await write(db, before.id, input.expectedVersion, { active: 1, deactivated_at: null, failed_pins: 0, locked_until: null, updated_at: at, updated_by: managerId });
      return { member: await memberOf(db, before.id), target: `staff:${before.id}`, diff: { active: [0, 1] } };
    },

    async resetPin(db, input, managerId, now) {
      const before = await current(db, input.id, input.expectedVersion);
      checkPinLength(before.role, input.pin, 'pin');
      const at = now.toISOString();
      await write(db, before.id, input.expectedVersion, { pin_hash: await hashPin(input.pin), must_change_pin: before.role === 'display' ? 0 : 1, failed_pins: 0, locked_until: null, updated_at: at, updated_by: managerId });
      // Whoever knew the old PIN is signed out with it.
      const endedSessions = await revokeSessionsOfStaff(db, before.id, at);
      return { member: await memberOf(db, before.id), target: `staff:${before.id}`, diff: { pin: 'reset', endedSessions } };
    },

    async changeOwnPin(db, staffId, input, now) {
      const row = await findStaff(db, staffId);
      if (!row) throw new AppError('not_found', 'staff.error.notFound');
      if (!(await verifyPin(input.currentPin, row.pin_hash))) throw new AppError('invalid', 'staff.error.currentPin', { path: ['currentPin'] });
      checkPinLength(row.role, input.newPin, 'newPin');
      await setOwnPin(db, staffId, await hashPin(input.newPin), now.toISOString());
    },
  };
}

async function toMembers(db: Db, rows: StaffListRow[]): Promise<StaffMember[]> {
  const rooms = await roomsOfStaff(db, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role,
    specialty: row.specialty,
    specialtyEn: row.specialty_en,
    rooms: rooms.filter((room) => room.staff_id === row.id).map((room) => ({ id: room.id, name: room.name, nameEn: room.name_en, floor: room.floor })),
    active: row.active === 1,
    mustChangePin: row.must_change_pin === 1,
    version: row.version,
    createdAt: row.created_at,
    deactivatedAt: row.deactivated_at,
    lastSignInAt: (row.last_sign_in_at as string | null) ?? null,
    updated: row.updated_at && row.updated_by_name ? { at: row.updated_at, by: row.updated_by_name } : null,
  }));
}
