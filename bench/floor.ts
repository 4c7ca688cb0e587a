/**
 * The floor of a read: the very SQL a service ran, captured through Kysely's query log, replayed
 * as prepared statements on raw better-sqlite3 — what the call would cost with no query builder,
 * no async layer and no mapping of rows.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { withStatementCache } from '../electron/db/open-database';
import type { Database } from '../electron/db/schema';

export interface RecordedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/** A Kysely on the same connection that remembers every query it runs. */
export function recordingDb(sqlite: BetterSqlite3.Database): { db: Kysely<Database>; take(): RecordedQuery[] } {
  let recorded: RecordedQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    log: (event) => {
      if (event.level === 'query') recorded.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  return {
    db,
    take() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
  };
}

/** Runs `call` once through a recording Kysely and returns the SQL it ran. */
export async function captureQueries(sqlite: BetterSqlite3.Database, call: (db: Kysely<Database>) => Promise<unknown>): Promise<RecordedQuery[]> {
  const recorder = recordingDb(sqlite);
  await call(recorder.db);
  return recorder.take();
}

/** The recorded reads as one function over statements prepared once: the floor. */
export function replay(sqlite: BetterSqlite3.Database, queries: RecordedQuery[]): () => unknown[] {
  const prepared = queries.map((query) => ({ statement: sqlite.prepare(query.sql), parameters: query.parameters as unknown[] }));
  return () => prepared.map(({ statement, parameters }) => (statement.reader ? statement.all(...parameters) : statement.run(...parameters)));
}
