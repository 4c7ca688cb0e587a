/**
 * SQL of the comfort rules (migration 009, editable since migration 010): the seeded rules a
 * check-in turns into tasks, and the manager's edits. Read on every check-in, so the active rules
 * are read by a query compiled once.
 */
import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import { runCompiledOnce } from '../compiled-once';
import type { ComfortRulesTable, Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The active rules in their order: what a check-in makes its tasks from.
 *
 * @example const rules = await activeComfortRules(db); // tea, magazines, round, …
 */
export function activeComfortRules(db: Db) {
  // Every check-in reads them: compiled once (compiled-once.ts), with `active = 1` written out (see
  // compiled-once.ts on constants: bound, it made SQLite plan the query again on every call).
  return runCompiledOnce(db, 'comfort.activeRules', () => db.selectFrom('comfort_rules').selectAll().where('active', '=', sql.lit(1)).orderBy('sort'), []);
}

/** The active round rule (a round while the customer waits), if there is one. */
export function activeRoundRule(db: Db) {
  return db.selectFrom('comfort_rules').selectAll().where('trigger', '=', 'round').where('active', '=', 1).executeTakeFirst();
}

/** Every rule, active or not, in order, with the name of who last edited it: the settings screen's list. */
export function listComfortRules(db: Db) {
  return comfortRulesQuery(db).orderBy('r.sort').orderBy('r.id').execute();
}

/** One rule by id, with who last edited it. */
export function findComfortRule(db: Db, id: number) {
  return comfortRulesQuery(db).where('r.id', '=', id).executeTakeFirst();
}

export type ComfortRuleRow = NonNullable<Awaited<ReturnType<typeof findComfortRule>>>;

function comfortRulesQuery(db: Db) {
  return db.selectFrom('comfort_rules as r').leftJoin('staff as s', 's.id', 'r.updated_by').selectAll('r').select('s.name as updated_by_name');
}

/**
 * Changes a rule only if nobody changed it since `expectedVersion` was read, bumping the version:
 * of two managers editing one rule, one wins. Returns false when the version had moved on.
 */
export async function updateComfortRuleVersioned(db: Db, id: number, expectedVersion: number, changes: ComfortRuleChanges): Promise<boolean> {
  const result = await db
    .updateTable('comfort_rules')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** What an edit may change: never the code or the trigger, which are the rule's identity. */
export type ComfortRuleChanges = Pick<Updateable<ComfortRulesTable>, 'label' | 'label_en' | 'applies_to' | 'due_minutes' | 'repeat_minutes' | 'active' | 'updated_at' | 'updated_by'>;
