import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Items of interest in display order (sort, then id); inactive ones only when asked. */
export function listItems(db: Db, includeInactive: boolean) {
  let query = db.selectFrom('items').select(['id', 'code', 'name', 'name_en', 'active', 'sort', 'version']);
  if (!includeInactive) query = query.where('active', '=', 1);
  return query.orderBy('sort').orderBy('id').execute();
}

export function findItem(db: Db, id: number) {
  return db.selectFrom('items').select(['id', 'code', 'name', 'name_en', 'active', 'sort', 'version']).where('id', '=', id).executeTakeFirst();
}

/** Another item with this Chinese name, if any (names must tell items apart on every screen). */
export function findItemByName(db: Db, name: string, exceptId: number | null) {
  let query = db.selectFrom('items').select(['id']).where('name', '=', name);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

export async function codeTaken(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('items').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function insertItem(
  db: Db,
  item: { code: string; name: string; name_en: string; active: 0 | 1; sort: number },
): Promise<number> {
  const row = await db.insertInto('items').values(item).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Changes an item only if nobody changed it since `expectedVersion` was read, bumping the version. */
export async function updateItemVersioned(db: Db, id: number, expectedVersion: number, item: { name: string; name_en: string; active: 0 | 1; sort: number }): Promise<boolean> {
  const result = await db
    .updateTable('items')
    .set((eb) => ({ ...item, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
