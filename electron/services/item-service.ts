import type { Kysely, Transaction } from 'kysely';
import type { Item } from '../../shared/contract/settings';
import { AppError } from '../../shared/contract/errors';
import { codeTaken, findItem, findItemByName, insertItem, listItems, updateItemVersioned } from '../db/repositories/items';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface ItemInput {
  id?: number | undefined;
  expectedVersion?: number | undefined;
  nameZh: string;
  nameEn: string;
  active: boolean;
  sort: number;
}

/** The configurable list of items of interest (issue 4, item 2 and 6). */
export interface ItemService {
  list(db: Db, includeInactive: boolean): Promise<Item[]>;
  /** Creates or changes an item; returns it with what changed, for the audit row. */
  save(db: Db, input: ItemInput): Promise<{ item: Item; diff: Record<string, [unknown, unknown]> | Item }>;
}

type ItemRow = { id: number; code: string; name: string; name_en: string; active: 0 | 1; sort: number; version: number };

const toItem = (row: ItemRow): Item => ({
  id: row.id,
  code: row.code,
  nameZh: row.name,
  nameEn: row.name_en,
  active: row.active === 1,
  sort: row.sort,
  version: row.version,
});

/** A stable code from the English name: `Double eyelid` → `double-eyelid` (`-2` … when taken). */
async function freshCode(db: Db, nameEn: string): Promise<string> {
  const base = nameEn.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'item';
  let code = base;
  for (let suffix = 2; await codeTaken(db, code); suffix += 1) code = `${base}-${suffix}`;
  return code;
}

export function createItemService(): ItemService {
  return {
    async list(db, includeInactive) {
      return (await listItems(db, includeInactive)).map(toItem);
    },

    async save(db, input) {
      const existingId = input.id ?? null;
      if (await findItemByName(db, input.nameZh, existingId)) {
        throw new AppError('conflict', 'settings.items.nameTaken', { path: ['nameZh'], params: { name: input.nameZh } });
      }
      const values = { name: input.nameZh, name_en: input.nameEn, active: input.active ? 1 : 0, sort: input.sort } as const;
      if (existingId === null) {
        const id = await insertItem(db, { ...values, code: await freshCode(db, input.nameEn) });
        const item = toItem((await findItem(db, id)) as ItemRow);
        return { item, diff: item };
      }
      const before = await findItem(db, existingId);
      if (!before) throw new AppError('not_found', 'settings.items.notFound');
      // Issue 19 part 6: two managers editing one item — the later save is told, never the silent winner.
      const stale = () => new AppError('conflict', 'settings.items.stale', { path: ['expectedVersion'], details: { version: before.version, current: toItem(before) } });
      if (input.expectedVersion !== before.version) throw stale();
      if (!(await updateItemVersioned(db, existingId, input.expectedVersion, values))) throw stale();
      const item = toItem((await findItem(db, existingId)) as ItemRow);
      const old = toItem(before);
      const diff: Record<string, [unknown, unknown]> = {};
      for (const key of ['nameZh', 'nameEn', 'active', 'sort'] as const) {
        if (old[key] !== item[key]) diff[key] = [old[key], item[key]];
      }
      return { item, diff };
    },
  };
}
