import type { Kysely, Transaction } from 'kysely';
import type { Database, NewStaff } from '../schema';

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
