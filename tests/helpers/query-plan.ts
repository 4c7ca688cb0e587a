import type BetterSqlite3 from 'better-sqlite3';
import type { Compilable } from 'kysely';

/** SQLite's plan for a query, one line per step (`SEARCH v USING INDEX …`, `SCAN …`). */
export function queryPlan(sqlite: BetterSqlite3.Database, query: Compilable<unknown>): string[] {
  const compiled = query.compile();
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as { detail: string }[]).map((row) => row.detail);
}
