/**
 * Kysely's SQLite dialect, told that SQLite runs DDL inside a transaction (it does). Kysely's own
 * adapter says it cannot, so its Migrator ran every migration statement by statement in autocommit:
 * a kill part-way through one (a crash, a power cut, the app closed while it updates) left some
 * of its tables made and the migration unrecorded, and every later start then failed on "table …
 * already exists" (issue 19, found by tests/node/crash-safety.test.ts). With the flag, the
 * Migrator runs all pending migrations, and their records, in one transaction: all or none.
 */
import { SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
