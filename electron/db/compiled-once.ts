/**
 * Runs a query whose SQL is compiled once per shape. Building and compiling a query with Kysely
 * costs ~80–120 µs, more than running most of ours (bench: the customer search at 2–2.7× its raw
 * SQL, every call's session lookup ~0.1 ms). A hot query has a few shapes; each is built and
 * compiled on first use, then run with its values. The first compile of a shape checks that the
 * values listed by the caller are exactly the ones Kysely bound, so the two cannot drift apart.
 */
import { CompiledQuery, type Compilable, type Kysely, type SqliteStatement, type Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/** SQL by shape, per database dialect (the adapter a Kysely shares with its transactions). */
const shapes = new WeakMap<object, Map<string, string>>();

/** A connection's own statements and whether a transaction is open on it (better-sqlite3's `inTransaction`). */
export interface DirectReads {
  prepare(sql: string): SqliteStatement;
  inTransaction(): boolean;
}

const directReads = new WeakMap<object, DirectReads>();

/**
 * Lets compiled-once reads on `db` (the root Kysely, never a transaction) run straight on the
 * connection when no transaction is open on it. better-sqlite3 runs a statement synchronously to
 * its end, so such a read can interleave with nothing; it sees only committed data, as Kysely's
 * path would. With a transaction open (another caller between its awaits) the read takes Kysely's
 * path and waits for the connection, never reading that transaction's uncommitted rows. Kysely's
 * executor costs ~4–15 µs a statement in promises and plugins, a third of a search's whole cost
 * against its raw SQL (bench: the search at 1.3–1.4× its floor).
 */
export function allowDirectReads(db: Kysely<Database>, reads: DirectReads): void {
  directReads.set(db, reads);
}

/**
 * `build()` compiled once under `key`, then run with `values` (the values it binds, in order).
 *
 * @example
 * const rows = await runCompiledOnce(db, 'session', () => sessionQuery(db, hash, now), [hash, now, 1]);
 */
export async function runCompiledOnce<Row>(db: Db, key: string, build: () => Compilable<Row>, values: readonly unknown[]): Promise<Row[]> {
  const adapter = db.getExecutor().adapter;
  let known = shapes.get(adapter);
  if (!known) shapes.set(adapter, (known = new Map()));
  let text = known.get(key);
  if (text === undefined) {
    const compiled = build().compile();
    if (compiled.parameters.length !== values.length || compiled.parameters.some((value, index) => value !== values[index])) {
      throw new Error(`query shape ${key}: its values are not the ones the query binds`);
    }
    known.set(key, (text = compiled.sql));
  }
  const direct = directReads.get(db);
  if (direct && !direct.inTransaction()) {
    const statement = direct.prepare(text);
    if (statement.reader) return statement.all(values) as Row[];
  }
  const result = await db.executeQuery(CompiledQuery.raw(text, [...values]) as CompiledQuery<Row>);
  return result.rows;
}
