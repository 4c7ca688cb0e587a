/**
 * SQL of the comfort rules (migration 009): the seeded rules a check-in turns into tasks. Read on
 * every check-in, so the active rules are read by a query compiled once.
 */
import type { Kysely, Transaction } from 'kysely';
import { runCompiledOnce } from '../compiled-once';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The active rules in their order: what a check-in makes its tasks from.
 *
 * @example const rules = await activeComfortRules(db); // tea, magazines, round, …
 */
export function activeComfortRules(db: Db) {
  // Every check-in reads them: compiled once (compiled-once.ts).
  return runCompiledOnce(db, 'comfort.activeRules', () => db.selectFrom('comfort_rules').selectAll().where('active', '=', 1).orderBy('sort'), [1]);
}

/** The active round rule (a round while the customer waits), if there is one. */
export function activeRoundRule(db: Db) {
  return db.selectFrom('comfort_rules').selectAll().where('trigger', '=', 'round').where('active', '=', 1).executeTakeFirst();
}
