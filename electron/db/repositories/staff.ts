import type { Kysely, Transaction } from 'kysely';
import type { Database, NewStaff, StaffRow } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

const summaryColumns = ['id', 'name', 'role', 'specialty'] as const;

/** Active staff for the sign-in screen, by role then pinyin. */
export function listActiveStaff(db: Db) {
  return db
    .selectFrom('staff')
    .select(summaryColumns)
    .where('active', '=', 1)
    .orderBy('role')
    .orderBy('name_pinyin')
    .execute();
}

export function findStaff(db: Db, id: number) {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertStaff(db: Db, staff: NewStaff): Promise<number> {
  const row = await db.insertInto('staff').values(staff).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function recordPinFailure(db: Db, id: number, failedPins: number, lockedUntil: string | null) {
  await db.updateTable('staff').set({ failed_pins: failedPins, locked_until: lockedUntil }).where('id', '=', id).execute();
}

export async function clearPinFailures(db: Db, id: number) {
  await db.updateTable('staff').set({ failed_pins: 0, locked_until: null }).where('id', '=', id).execute();
}

export async function countStaff(db: Db): Promise<number> {
  const row = await db.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every member of staff, active first, then by role and pinyin, with who last edited them. */
export function listAllStaff(db: Db) {
  return db
    .selectFrom('staff as s')
    .leftJoin('staff as editor', 'editor.id', 's.updated_by')
    .select(['s.id', 's.name', 's.role', 's.specialty', 's.specialty_en', 's.active', 's.must_change_pin', 's.version', 's.created_at', 's.deactivated_at', 's.updated_at', 'editor.name as updated_by_name'])
    // The last sign-in: sessions_by_staff serves it.
    .select((eb) => eb.selectFrom('sessions').select((inner) => inner.fn.max('sessions.created_at').as('at')).whereRef('sessions.staff_id', '=', 's.id').as('last_sign_in_at'))
    .orderBy('s.active', 'desc')
    .orderBy('s.role')
    .orderBy('s.name_pinyin')
    .orderBy('s.id')
    .execute();
}
export type StaffListRow = Awaited<ReturnType<typeof listAllStaff>>[number];

/** The rooms of the given staff, by floor and code. */
export function roomsOfStaff(db: Db, staffIds: readonly number[]) {
  if (staffIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('staff_assigned_rooms as sr')
    .innerJoin('rooms as r', 'r.id', 'sr.room_id')
    .select(['sr.staff_id', 'r.id', 'r.name', 'r.name_en', 'r.floor'])
    .where('sr.staff_id', 'in', staffIds)
    .orderBy('r.floor')
    .orderBy('r.code')
    .execute();
}

/** Replaces a person's rooms. */
export async function setStaffRooms(db: Db, staffId: number, roomIds: readonly number[]) {
  await db.deleteFrom('staff_assigned_rooms').where('staff_id', '=', staffId).execute();
  if (roomIds.length > 0) await db.insertInto('staff_assigned_rooms').values(roomIds.map((roomId) => ({ staff_id: staffId, room_id: roomId }))).execute();
}

/** How many of the given rooms exist. */
export async function countRooms(db: Db, roomIds: readonly number[]): Promise<number> {
  if (roomIds.length === 0) return 0;
  const row = await db.selectFrom('rooms').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', roomIds).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every room, for the rooms picker. */
export function listRooms(db: Db) {
  return db.selectFrom('rooms').select(['id', 'name', 'name_en', 'floor']).orderBy('floor').orderBy('code').execute();
}

/** Active managers other than `exceptId`: the clinic must keep at least one. */
export async function countOtherActiveManagers(db: Db, exceptId: number): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'manager')
    .where('active', '=', 1)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many weekly shifts (roster templates) a doctor has. */
export async function countTemplatesOf(db: Db, doctorId: number): Promise<number> {
  const row = await db.selectFrom('shift_templates').select((eb) => eb.fn.countAll<number>().as('n')).where('doctor_id', '=', doctorId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Updates a staff row only if it still has `expectedVersion`, bumping it; false when another
 * manager's edit came first (compare-and-set).
 */
export async function updateStaffVersioned(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<{ name: string; name_pinyin: string; role: StaffRow['role']; specialty: string | null; specialty_en: string | null; pin_hash: string; must_change_pin: 0 | 1; active: 0 | 1; deactivated_at: string | null; failed_pins: number; locked_until: string | null }> & {
    updated_at: string;
    updated_by: number;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('staff')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A person's own PIN change: the new hash, the flag cleared, the version moved on. */
export async function setOwnPin(db: Db, id: number, pinHash: string, now: string) {
  await db
    .updateTable('staff')
    .set((eb) => ({ pin_hash: pinHash, must_change_pin: 0, failed_pins: 0, locked_until: null, updated_at: now, updated_by: id, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
