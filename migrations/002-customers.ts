/**
 * Customers become findable: the columns the search reads (full pinyin `wangli`, initials `wl`,
 * the given name and its pinyin, the phone reversed for its last digits), when they last visited
 * (recent visitors rank first), and a version for edits by two clerks at once. Every search path
 * is a prefix range scan on one of these indexes, or, for a broad query, a walk down the recency
 * index that stops at the limit (both checked with EXPLAIN QUERY PLAN in a test), so a search
 * reads a few hundred index entries at most at 100,000 customers.
 *
 * The pinyin columns are computed by the customers repository (pinyin-pro), not here: rows that
 * exist before this migration are filled in by `backfillCustomerSearch` on the next start.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE customers ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN name_initials TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN given_name TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN given_pinyin TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN phone_reversed TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN last_visit_at TEXT`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0)`.execute(db);

  // phone is UNIQUE since 001, which already indexes phone prefixes.
  await sql`CREATE INDEX customers_by_name ON customers(name)`.execute(db);
  await sql`CREATE INDEX customers_by_address_form ON customers(address_form) WHERE address_form IS NOT NULL`.execute(db);
  await sql`CREATE INDEX customers_by_given_name ON customers(given_name)`.execute(db);
  await sql`CREATE INDEX customers_by_pinyin ON customers(name_pinyin)`.execute(db);
  await sql`CREATE INDEX customers_by_initials ON customers(name_initials)`.execute(db);
  await sql`CREATE INDEX customers_by_given_pinyin ON customers(given_pinyin)`.execute(db);
  await sql`CREATE INDEX customers_by_phone_reversed ON customers(phone_reversed)`.execute(db);
  // A broad search (`w`, `王`) walks customers from the latest visit down and stops at its limit.
  await sql`CREATE INDEX customers_by_recency ON customers(last_visit_at DESC, name_pinyin)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
