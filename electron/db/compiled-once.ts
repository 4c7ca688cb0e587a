/**
 * Runs a query whose SQL is compiled once per shape. Building and compiling a query with Kysely
 * costs ~80–120 µs, more than running most of ours (bench: the customer search at 2–2.7× its raw
 * SQL, every call's session lookup ~0.1 ms). A hot query has a few shapes; each is built and
 * compiled on first use, then run with its values. The first compile of a shape checks that the
 * values listed by the caller are exactly the ones Kysely bound, so the two cannot drift apart.
 */
import { CompiledQuery, type Compilable, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/** SQL by shape, per database dialect (the adapter a Kysely shares with its transactions). */
const shapes = new WeakMap<object, Map<string, string>>();

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
  const result = await db.executeQuery(CompiledQuery.raw(text, [...values]) as CompiledQuery<Row>);
  return result.rows;
}
