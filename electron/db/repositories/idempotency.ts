/**
 * The answers of writes made with an idempotency key (issue 15): a tablet that lost its answer
 * in a Wi-Fi drop sends the same write again with the same key and gets the first answer back,
 * with nothing changed twice. Kept a day.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export const IDEMPOTENCY_KEEP_MS = 24 * 3_600_000;

export async function findIdempotentAnswer(db: Db, scope: string, key: string) {
  return db.selectFrom('idempotency_keys').select(['method', 'response']).where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
}

export async function storeIdempotentAnswer(db: Db, entry: { scope: string; key: string; method: string; response: unknown; at: Date }) {
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(entry.at.getTime() - IDEMPOTENCY_KEEP_MS).toISOString())
    .execute();
  await db
    .insertInto('idempotency_keys')
    .values({ scope: entry.scope, key: entry.key, method: entry.method, response: JSON.stringify(entry.response ?? null), created_at: entry.at.toISOString() })
    .execute();
}
