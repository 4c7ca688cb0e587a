import type { Kysely, Transaction } from 'kysely';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../shared/domain/settings';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** All settings, defaults filled in for keys never written (or no longer valid). */
export async function readSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = JSON.parse(row.value);
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function writeSetting(db: Db, key: string, value: unknown, at: string, staffId: number | null) {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value), updated_at: at, updated_by: staffId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: at, updated_by: staffId }))
    .execute();
}
