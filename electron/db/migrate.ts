import type { Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { migrations, SCHEMA_VERSION } from '../../migrations/index';
import type { Database } from './schema';

/**
 * Applies `list`'s migrations up to `target` (every one when omitted), all pending ones in one
 * transaction: a failure, or a kill part-way, leaves the database as it was (sqlite-dialect.ts).
 * Throws with the failing migration's name. Exported for the migrator's own tests; the console
 * calls migrateToLatest.
 */
export async function applyMigrations(db: Kysely<Database>, list: Record<string, Migration>, target?: string): Promise<string[]> {
  if (!db.getExecutor().adapter.supportsTransactionalDdl) {
    throw new Error('migrations must run in a transaction: open the database with openDatabase (TransactionalSqliteDialect)');
  }
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(list) } });
  const { error, results } = target === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${cause}`);
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/**
 * Brings the database to the latest schema; a no-op when it is already there.
 * Throws with the failing migration's name when one fails (nothing of the pending ones is applied).
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<{ applied: string[]; schemaVersion: number }> {
  return { applied: await applyMigrations(db, migrations), schemaVersion: SCHEMA_VERSION };
}

/**
 * Brings the database to schema `version` (the first `version` migrations) and no further: what
 * an older release left behind, for the tests of updating it.
 */
export async function migrateTo(db: Kysely<Database>, version: number): Promise<{ applied: string[] }> {
  // Kysely applies migrations in the order of their names, whatever order the list is written in.
  const target = Object.keys(migrations).sort()[version - 1];
  if (!Number.isInteger(version) || version < 1 || !target) throw new Error(`no schema version ${String(version)}: 1 to ${String(SCHEMA_VERSION)}`);
  return { applied: await applyMigrations(db, migrations, target) };
}
