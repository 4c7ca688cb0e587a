/**
 * Reads of comfort tasks for the board's cards. Withdrawn tasks (a round withdrawn when the
 * customer was called) are left out in SQL: no card shows them, and they were a quarter of a busy
 * day's rows.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { FINISHED_STATUSES } from '../../../shared/domain/visits';
import { runCompiledOnce } from '../compiled-once';
import type { Database } from '../schema';
import { scopeOf, type VisitScope } from './visits';

type Db = Kysely<Database> | Transaction<Database>;

export interface ComfortTaskRow {
  id: number;
  visit_id: number;
  label: string;
  label_en: string;
  due_at: string;
  done_at: string | null;
  done_by_name: string | null;
  trigger: string | null;
}

function tasksQuery(db: Db) {
  return db
    .selectFrom('comfort_tasks as k')
    .innerJoin('visits as v', 'v.id', 'k.visit_id')
    .leftJoin('staff as s', 's.id', 'k.done_by')
    .leftJoin('comfort_rules as r', 'r.id', 'k.rule_id')
    .select(['k.id', 'k.visit_id', 'k.label', 'k.label_en', 'k.due_at', 'k.done_at', 's.name as done_by_name', 'r.trigger'])
    .where('k.cancelled_at', 'is', null);
}

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
    .select(['k.visit_id', sql<number>`count(*)`.as('total'), sql<number>`count(k.done_at)`.as('done')])
    .where('k.cancelled_at', 'is', null)
    .where(scopeOf(scope).condition)
    .where('v.status', 'in', FINISHED_STATUSES)
    .groupBy('k.visit_id');
}

/** How many comfort tasks each finished visit of a scope had, and how many were done. */
export function comfortCountsOfFinishedVisits(db: Db, scope: VisitScope): Promise<{ visit_id: number; total: number; done: number }[]> {
  const { kind, value } = scopeOf(scope);
  return runCompiledOnce(db, `comfort.finishedCounts:${kind}`, () => comfortCountsOfFinishedVisitsQuery(db, scope), [value, ...FINISHED_STATUSES]);
}

/** One visit's comfort timeline, by due time: a finished card's, opened on demand. */
export function comfortTasksOfVisit(db: Db, visitId: number): Promise<ComfortTaskRow[]> {
  return tasksQuery(db).where('k.visit_id', '=', visitId).orderBy('k.due_at').orderBy('k.id').execute();
}
