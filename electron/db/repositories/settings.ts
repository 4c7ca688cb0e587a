import type { Kysely, Transaction } from 'kysely';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../shared/domain/settings';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The settings as last read, per database. Almost every call reads them (the clinic's time zone,
 * the wait thresholds) and they change a few times a year: reading and validating them on every
 * call cost more than the board's own query (bench). Keyed by the database's adapter, which a
 * Kysely instance shares with its transactions; every write through `writeSetting` drops it.
 */
const cache = new WeakMap<object, Settings>();
const cacheKey = (db: Db): object => db.getExecutor().adapter;

/** All settings, defaults filled in for keys never written (or no longer valid). */
export async function readSettings(db: Db): Promise<Settings> {
  const cached = cache.get(cacheKey(db));
  if (cached) return { ...cached };
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = JSON.parse(row.value);
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  const parsed = settingsSchema.safeParse(merged);
  const settings = parsed.success ? parsed.data : DEFAULT_SETTINGS;
  // Not from inside a transaction: what it read might still be rolled back.
  if (!db.isTransaction) cache.set(cacheKey(db), settings);
  return { ...settings };
}

export async function writeSetting(db: Db, key: string, value: unknown, at: string, staffId: number | null) {
  cache.delete(cacheKey(db));
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value), updated_at: at, updated_by: staffId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: at, updated_by: staffId }))
    .execute();
}
