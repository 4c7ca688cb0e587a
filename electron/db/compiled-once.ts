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

/** A shape's SQL and, once run directly, its statement prepared on the connection. */
interface Shape {
  sql: string;
  statement: SqliteStatement | null;
}

/** Shapes by key, per database dialect (the adapter a Kysely shares with its transactions). */
const shapes = new WeakMap<object, Map<string, Shape>>();

/** A connection's own statements and whether a transaction is open on it (better-sqlite3's `inTransaction`). */
export interface DirectReads {
  prepare(sql: string): SqliteStatement;
  inTransaction(): boolean;
}

/** By the adapter the root Kysely shares with its transactions (one connection per opened database). */
const directReads = new WeakMap<object, DirectReads>();

/**
 * Lets compiled-once statements on `db` and its transactions run straight on the connection, where
 * that is what Kysely would do anyway, minus its promises and plugins (~4–15 µs a statement; bench:
 * the search at 1.3–1.4× its raw SQL, a check-in's nine statements ~0.2 ms over it):
 *
 * - **On the root `db`, reads, when no transaction is open.** better-sqlite3 runs a statement
 *   synchronously to its end, so such a read interleaves with nothing and sees only committed data,
 *   as Kysely's path would. With a transaction open (another caller between its awaits) the read
 *   takes Kysely's path and waits for the connection, never reading that transaction's uncommitted rows.
 *   A write that returns rows (`INSERT … RETURNING`, the audit row's) is a reader to better-sqlite3
 *   and runs the same way: with no transaction open it commits on its own, as Kysely's path would.
 * - **On a transaction of `db`, reads and writes.** The transaction holds the connection (Kysely's
 *   driver lets no other caller use it until commit or rollback), so its statements run on it in
 *   the order they are called either way. Only while SQLite has the transaction open: a transaction
 *   object used after it ended takes Kysely's path, which refuses it.
 */
export function allowDirectReads(db: Kysely<Database>, reads: DirectReads): void {
  directReads.set(db.getExecutor().adapter, reads);
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
  let shape = known.get(key);
  if (shape === undefined) {
    const compiled = build().compile();
    if (compiled.parameters.length !== values.length || compiled.parameters.some((value, index) => value !== values[index])) {
      throw new Error(`query shape ${key}: its values are not the ones the query binds`);
    }
    known.set(key, (shape = { sql: compiled.sql, statement: null }));
  }
  const direct = directReads.get(adapter);
  if (direct) {
    const inTransaction = direct.inTransaction();
    if (db.isTransaction ? inTransaction : !inTransaction) {
      const statement = (shape.statement ??= direct.prepare(shape.sql));
      if (statement.reader) return statement.all(values) as Row[];
      if (db.isTransaction) {
        statement.run(values);
        return [];
      }
    }
  }
  const result = await db.executeQuery(CompiledQuery.raw(shape.sql, [...values]) as CompiledQuery<Row>);
  return result.rows;
}
