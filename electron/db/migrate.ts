import type { Kysely } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { migrations, SCHEMA_VERSION } from '../../migrations/index';
import type { Database } from './schema';

const staticProvider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/**
 * Brings the database to the latest schema; a no-op when it is already there.
 * Throws with the failing migration's name when one fails (its transaction is rolled back).
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<{ applied: string[]; schemaVersion: number }> {
  const migrator = new Migrator({ db, provider: staticProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${cause}`);
  }
  return {
    applied: (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName),
    schemaVersion: SCHEMA_VERSION,
  };
}
