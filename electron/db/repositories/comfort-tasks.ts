/**
 * SQL of comfort tasks: the reads of the board's cards, the tasks a check-in makes, completing one
 * (of two staff, one wins), and withdrawing what a customer no longer needs. Tasks withdrawn before
 * they fell due (a round the call came in time for) are left out of the reads in SQL: no card shows
 * them, and they were a quarter of a busy day's rows. One withdrawn after it fell due was missed,
 * and is read with its withdrawal time (shared/domain/comfort.ts `isMissed`).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { FINISHED_STATUSES, type VisitStatus } from '../../../shared/domain/visits';
import { runCompiledOnce } from '../compiled-once';
import type { ComfortTasksTable, Database } from '../schema';
import { scopeOf, type VisitScope } from './visits';

type Db = Kysely<Database> | Transaction<Database>;

export interface ComfortTaskRow {
  id: number;
  visit_id: number;
  label: string;
  label_en: string;
  due_at: string;
  done_at: string | null;
  /** When it was withdrawn; set only on a missed task (withdrawn after it fell due). */
  cancelled_at: string | null;
  done_by_name: string | null;
  trigger: string | null;
}

function tasksQuery(db: Db) {
  return db
    .selectFrom('comfort_tasks as k')
    .innerJoin('visits as v', 'v.id', 'k.visit_id')
    .leftJoin('staff as s', 's.id', 'k.done_by')
    .leftJoin('comfort_rules as r', 'r.id', 'k.rule_id')
    .select(['k.id', 'k.visit_id', 'k.label', 'k.label_en', 'k.due_at', 'k.done_at', 'k.cancelled_at', 's.name as done_by_name', 'r.trigger'])
    .where(owedCondition);
}

/** Not withdrawn, or withdrawn only after it fell due (missed): what a card counts. */
const owedCondition = sql<boolean>`(k.cancelled_at IS NULL OR k.cancelled_at > k.due_at)`;

/** The query of `comfortTasksOfOpenVisits`, unexecuted (the EXPLAIN test compiles it). */
export function comfortTasksOfOpenVisitsQuery(db: Db, scope: VisitScope) {
  return tasksQuery(db).where(scopeOf(scope).condition).where('v.status', 'not in', FINISHED_STATUSES).orderBy('k.due_at').orderBy('k.id');
}

/**
 * The comfort tasks of a scope's visits still in the clinic, by due time. A finished visit's
 * tasks are read on demand (`comfortTasksOfVisit`): its card shows only how many were done.
 */
export function comfortTasksOfOpenVisits(db: Db, scope: VisitScope): Promise<ComfortTaskRow[]> {
  const { kind, value } = scopeOf(scope);
  return runCompiledOnce(db, `comfort.openTasks:${kind}`, () => comfortTasksOfOpenVisitsQuery(db, scope), [value, ...FINISHED_STATUSES]);
}

/** The query of `comfortCountsOfFinishedVisits`, unexecuted (the EXPLAIN test compiles it). */
export function comfortCountsOfFinishedVisitsQuery(db: Db, scope: VisitScope) {
  return db
    .selectFrom('comfort_tasks as k')
    .innerJoin('visits as v', 'v.id', 'k.visit_id')
    .select(['k.visit_id', sql<number>`count(*)`.as('total'), sql<number>`count(k.done_at)`.as('done'), sql<number>`count(k.cancelled_at)`.as('missed')])
    .where(owedCondition)
    .where(scopeOf(scope).condition)
    .where('v.status', 'in', FINISHED_STATUSES)
    .groupBy('k.visit_id');
}

/** How many comfort tasks each finished visit of a scope had, and how many were done. */
export function comfortCountsOfFinishedVisits(db: Db, scope: VisitScope): Promise<{ visit_id: number; total: number; done: number; missed: number }[]> {
  const { kind, value } = scopeOf(scope);
  return runCompiledOnce(db, `comfort.finishedCounts:${kind}`, () => comfortCountsOfFinishedVisitsQuery(db, scope), [value, ...FINISHED_STATUSES]);
}

/** One visit's comfort timeline, by due time: a finished card's, opened on demand. */
export function comfortTasksOfVisit(db: Db, visitId: number): Promise<ComfortTaskRow[]> {
  return tasksQuery(db).where('k.visit_id', '=', visitId).orderBy('k.due_at').orderBy('k.id').execute();
}

/** A task to make: from a rule (`rule_id`) or added by hand (`rule_id` null). */
export type NewComfortTask = Pick<ComfortTasksTable, 'visit_id' | 'rule_id' | 'label' | 'label_en' | 'due_at' | 'created_at' | 'created_by'>;

/** The columns of a new task in one fixed order: the order the compiled statement binds them. */
const taskRow = (task: NewComfortTask): NewComfortTask => ({
  visit_id: task.visit_id,
  rule_id: task.rule_id,
  label: task.label,
  label_en: task.label_en,
  due_at: task.due_at,
  created_at: task.created_at,
  created_by: task.created_by,
});

/**
 * Makes a check-in's tasks in one statement, compiled once per count: each statement of a
 * check-in costs more in the query layer than in SQLite (bench).
 */
export async function insertComfortTasks(db: Db, tasks: readonly NewComfortTask[]): Promise<void> {
  if (tasks.length === 0) return;
  const rows = tasks.map(taskRow);
  await runCompiledOnce(db, `comfort.insertTasks:${rows.length}`, () => db.insertInto('comfort_tasks').values(rows), rows.flatMap((row) => Object.values(row)));
}

/** Makes one task (the next round, or one added by hand); returns its id. */
export async function insertComfortTask(db: Db, task: NewComfortTask): Promise<number> {
  const row = await db.insertInto('comfort_tasks').values(taskRow(task)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Withdraws every task of a visit still open (neither done nor withdrawn): the customer has gone. */
export async function withdrawOpenComfortTasks(db: Db, visitId: number, at: string): Promise<void> {
  await withdrawOpen(db, visitId, at, false);
}

/** Withdraws a visit's open rounds (tasks of a round rule): the customer no longer waits. */
export async function withdrawOpenRounds(db: Db, visitId: number, at: string): Promise<void> {
  await withdrawOpen(db, visitId, at, true);
}

async function withdrawOpen(db: Db, visitId: number, at: string, onlyRounds: boolean): Promise<void> {
  let update = db.updateTable('comfort_tasks').set({ cancelled_at: at }).where('visit_id', '=', visitId).where('done_at', 'is', null).where('cancelled_at', 'is', null);
  if (onlyRounds) update = update.where('rule_id', 'in', db.selectFrom('comfort_rules').select('id').where('trigger', '=', 'round'));
  await update.execute();
}

/** One task with what completing it needs: its visit's status, its rule's trigger, who did it if done. */
export function findComfortTaskToComplete(db: Db, taskId: number) {
  return db
    .selectFrom('comfort_tasks as k')
    .innerJoin('visits as v', 'v.id', 'k.visit_id')
    .leftJoin('comfort_rules as r', 'r.id', 'k.rule_id')
    .leftJoin('staff as s', 's.id', 'k.done_by')
    .select(['k.id', 'k.visit_id', 'k.done_at', 'k.cancelled_at', 'v.status', 'r.trigger', 's.name as done_by_name'])
    .where('k.id', '=', taskId)
    .executeTakeFirst();
}

/**
 * Marks a task done only while it is still open: of two staff completing one task, one wins.
 * Returns false when it was already done or withdrawn.
 */
export async function completeComfortTask(db: Db, taskId: number, staffId: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('comfort_tasks')
    .set({ done_at: at, done_by: staffId })
    .where('id', '=', taskId)
    .where('done_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The open tasks of a clinic day due before `before`, of visits in the given statuses, with the
 * ticket and address form a notification names them by (never a full name).
 */
export function overdueComfortTasks(db: Db, clinicDate: string, before: string, visitStatuses: readonly VisitStatus[]) {
  return db
    .selectFrom('comfort_tasks as k')
    .innerJoin('visits as v', 'v.id', 'k.visit_id')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .select(['k.id', 'k.label', 'k.label_en', 'k.due_at', 'v.id as visit_id', 'v.ticket', 'c.address_form'])
    .where('k.done_at', 'is', null)
    .where('k.cancelled_at', 'is', null)
    .where('k.due_at', '<', before)
    .where('v.clinic_date', '=', clinicDate)
    .where('v.status', 'in', [...visitStatuses])
    .execute();
}
