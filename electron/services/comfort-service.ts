/**
 * Comfort tasks of waiting customers: made from the rules at check-in, a round every 15 minutes
 * while the customer waits (none once called: the open round is withdrawn; a return to waiting
 * starts a new one), one click to complete — and of two staff completing one task, one wins.
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/contract/errors';
import { audiencesOf, rulesAtCheckIn } from '../../shared/domain/comfort';
import type { VisitStatus } from '../../shared/domain/visits';
import type { ComfortTaskView } from '../../shared/contract/visits';
import { runCompiledOnce } from '../db/compiled-once';
import { comfortTasksOfVisit } from '../db/repositories/comfort-tasks';
import { comfortTaskView } from './board-cards';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

const minutesAfter = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

function activeRules(db: Db) {
  return runCompiledOnce(db, 'comfort.activeRules', () => db.selectFrom('comfort_rules').selectAll().where('active', '=', 1).orderBy('sort'), [1]);
}

/** The tasks a check-in starts: every rule for this customer's audiences, the first round among them. */
export async function startComfortTasks(
  db: Db,
  visit: { id: number; tags: readonly string[]; appointmentKind: string | null },
  staffId: number,
  now: Date,
): Promise<void> {
  const rules = (await activeRules(db)).map((rule) => ({ ...rule, trigger: rule.trigger, appliesTo: rule.applies_to, dueMinutes: rule.due_minutes }));
  const tasks = rulesAtCheckIn(rules, audiencesOf(visit.tags, visit.appointmentKind)).map((rule) => ({
    visit_id: visit.id,
    rule_id: rule.id,
    label: rule.label,
    label_en: rule.label_en,
    due_at: minutesAfter(now, rule.dueMinutes),
    created_at: now.toISOString(),
    created_by: staffId,
  }));
  if (tasks.length === 0) return;
  // One statement for all of them, compiled once per count: each statement of a check-in costs
  // more in the query layer than in SQLite (bench).
  await runCompiledOnce(db, `comfort.insertTasks:${tasks.length}`, () => db.insertInto('comfort_tasks').values(tasks), tasks.flatMap((task) => Object.values(task)));
}

/** Rounds follow the wait: withdrawn when the customer leaves the waiting area, restarted on return. */
export async function followVisitMove(db: Db, visitId: number, from: VisitStatus, to: VisitStatus, staffId: number, now: Date): Promise<void> {
  if (to === 'done' || to === 'left') {
    // Gone from the lobby: nothing left to bring them.
    await db
      .updateTable('comfort_tasks')
      .set({ cancelled_at: now.toISOString() })
      .where('visit_id', '=', visitId)
      .where('done_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .execute();
  } else if (from === 'waiting' && to !== 'waiting') {
    const roundRules = db.selectFrom('comfort_rules').select('id').where('trigger', '=', 'round');
    await db
      .updateTable('comfort_tasks')
      .set({ cancelled_at: now.toISOString() })
      .where('visit_id', '=', visitId)
      .where('done_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .where('rule_id', 'in', roundRules)
      .execute();
  } else if (to === 'waiting' && from !== 'waiting') {
    await scheduleNextRound(db, visitId, staffId, now);
  }
}

async function scheduleNextRound(db: Db, visitId: number, staffId: number, now: Date) {
  const round = await db.selectFrom('comfort_rules').selectAll().where('trigger', '=', 'round').where('active', '=', 1).executeTakeFirst();
  if (!round) return;
  await db
    .insertInto('comfort_tasks')
    .values({ visit_id: visitId, rule_id: round.id, label: round.label, label_en: round.label_en, due_at: minutesAfter(now, round.due_minutes), created_at: now.toISOString(), created_by: staffId })
    .execute();
}

export interface ComfortService {
  /** One visit's comfort timeline (withdrawn tasks left out), by due time. */
  timeline(db: Db, visitId: number, now: Date): Promise<ComfortTaskView[]>;
  complete(db: Db, taskId: number, staffId: number, now: Date): Promise<{ visitId: number }>;
  add(db: Db, input: { visitId: number; label: string; dueInMinutes: number }, staffId: number, now: Date): Promise<{ visitId: number; taskId: number }>;
}

export function createComfortService(): ComfortService {
  return {
    async timeline(db, visitId, now) {
      const visit = await db.selectFrom('visits').select('id').where('id', '=', visitId).executeTakeFirst();
      if (!visit) throw new AppError('not_found', 'error.notFound', { path: ['visitId'] });
      return (await comfortTasksOfVisit(db, visitId)).map((row) => comfortTaskView(row, now));
    },

    async complete(db, taskId, staffId, now) {
      const task = await db
        .selectFrom('comfort_tasks as k')
        .innerJoin('visits as v', 'v.id', 'k.visit_id')
        .leftJoin('comfort_rules as r', 'r.id', 'k.rule_id')
        .leftJoin('staff as s', 's.id', 'k.done_by')
        .select(['k.id', 'k.visit_id', 'k.done_at', 'k.cancelled_at', 'v.status', 'r.trigger', 's.name as done_by_name'])
        .where('k.id', '=', taskId)
        .executeTakeFirst();
      if (!task) throw new AppError('not_found', 'error.notFound', { path: ['taskId'] });
      const result = await db
        .updateTable('comfort_tasks')
        .set({ done_at: now.toISOString(), done_by: staffId })
        .where('id', '=', taskId)
        .where('done_at', 'is', null)
        .where('cancelled_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw new AppError('conflict', task.cancelled_at ? 'comfort.withdrawn' : 'comfort.alreadyDone', { params: { name: task.done_by_name ?? '' } });
      }
      // The next round, 15 minutes on, while the customer still waits.
      if (task.trigger === 'round' && task.status === 'waiting') await scheduleNextRound(db, task.visit_id, staffId, now);
      return { visitId: task.visit_id };
    },

    async add(db, input, staffId, now) {
      const visit = await db.selectFrom('visits').select('id').where('id', '=', input.visitId).executeTakeFirst();
      if (!visit) throw new AppError('not_found', 'error.notFound', { path: ['visitId'] });
      const row = await db
        .insertInto('comfort_tasks')
        .values({ visit_id: input.visitId, rule_id: null, label: input.label, label_en: input.label, due_at: minutesAfter(now, input.dueInMinutes), created_at: now.toISOString(), created_by: staffId })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { visitId: input.visitId, taskId: row.id };
    },
  };
}
