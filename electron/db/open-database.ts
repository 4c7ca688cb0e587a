/**
 * Opens the one writer connection of the main process: WAL with synchronous=FULL (in WAL mode
 * NORMAL may lose the last commits on power loss, and the desk must not lose an arrival it
 * acknowledged), foreign keys on, a busy timeout, a quick_check at start (unless the caller runs it
 * in the background: integrity-check.ts), and a refusal to run on
 * an SQLite with the WAL-reset corruption bug (fixed in 3.51.3).
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDriver, type DatabaseConnection, type SqliteDatabase, type SqliteDialectConfig, type SqliteStatement } from 'kysely';
import { allowDirectReads } from './compiled-once';
import type { Database } from './schema';
import { TransactionalSqliteDialect } from './sqlite-dialect';

export const MIN_SQLITE_VERSION = '3.51.3';

export interface OpenedDatabase {
  /** The typed query builder every repository takes. */
  db: Kysely<Database>;
  /** The raw connection: for pragmas, backups and benchmarks, never for feature code. */
  sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * The connection as Kysely sees it, with prepared statements cached by their SQL. Kysely's SQLite
 * driver prepares every query afresh, which costs more than running most of ours; repositories
 * build the same few shapes of SQL over and over, so a small LRU keeps each one prepared once.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (statement) {
        // Refresh its place in the LRU order.
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql) as unknown as SqliteStatement;
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

/**
 * Kysely's SQLite driver, except that it rolls back only a transaction SQLite still has open.
 * After SQLITE_FULL (a full disk), SQLITE_IOERR or SQLITE_NOMEM — at COMMIT above all — SQLite may
 * already have rolled the transaction back itself; Kysely's ROLLBACK then fails with "cannot
 * rollback - no transaction is active", and that error replaces the one that says what happened
 * (the desk would read "internal error" instead of "the disk is full"). SQLite's advice is to roll
 * back after those errors and ignore a failure; asking `inTransaction` first does the same.
 */
class RollbackIfOpenDriver extends SqliteDriver {
  readonly #sqlite: BetterSqlite3.Database;

  constructor(config: SqliteDialectConfig, sqlite: BetterSqlite3.Database) {
    super(config);
    this.#sqlite = sqlite;
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#sqlite.inTransaction) await super.rollbackTransaction(connection);
  }
}

/** The SQLite dialect with the driver above. */
/** DDL in transactions (sqlite-dialect.ts) and a rollback only while one is open (above). */
class ConsoleSqliteDialect extends TransactionalSqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #sqlite: BetterSqlite3.Database;

  constructor(config: SqliteDialectConfig, sqlite: BetterSqlite3.Database) {
    super(config);
    this.#config = config;
    this.#sqlite = sqlite;
  }

  override createDriver(): SqliteDriver {
    return new RollbackIfOpenDriver(this.#config, this.#sqlite);
  }
}

/** Compares dotted versions numerically: negative when `a` is older than `b`. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * Opens (creating if needed) the database at `file`, or an in-memory one for `':memory:'`.
 *
 * @example
 * const { db, close } = openDatabase(join(dataDir, 'frontdesk.sqlite'));
 */
export function openDatabase(file: string, options: { quickCheck?: boolean } = {}): OpenedDatabase {
  const sqlite = new BetterSqlite3(file);
  try {
    const version = (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v;
    if (compareVersions(version, MIN_SQLITE_VERSION) < 0) {
      throw new Error(`SQLite ${version} is older than ${MIN_SQLITE_VERSION}, which fixes a WAL-reset corruption bug`);
    }
    if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // Deleted content is overwritten with zeros, so an erased customer is gone from the file's
    // free pages too, not only from its tables (issue 20; PIPL Art. 47).
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MiB of page cache (the default is 2 MiB): after five years the board's day and the search
    // indexes stay in memory instead of being read again from the OS on every call (bench: -20 %).
    sqlite.pragma('cache_size = -65536');
    // After a clean shutdown the caller checks in the background instead (integrity-check.ts).
    if (options.quickCheck ?? true) {
      const check = sqlite.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`the database failed its quick_check: ${String(check)}`);
    }
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const statements = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new ConsoleSqliteDialect({ database: statements }, sqlite) });
  allowDirectReads(db, { prepare: (sql) => statements.prepare(sql), inTransaction: () => sqlite.inTransaction });
  return {
    db,
    sqlite,
    // Kysely's destroy closes the better-sqlite3 handle too.
    close: () => db.destroy(),
  };
}
