/**
 * Comfort tasks of waiting customers: made from the rules at check-in, a round every 15 minutes
 * (the round rule's interval, editable on the settings screen) while the customer waits (none
 * once called: the open round is withdrawn; a return to waiting starts a new one), one click to
 * complete — and of two staff completing one task, one wins.
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/contract/errors';
import { audiencesOf, rulesAtCheckIn } from '../../shared/domain/comfort';
import type { VisitStatus } from '../../shared/domain/visits';
import type { ComfortTaskView } from '../../shared/contract/visits';
import { activeComfortRules, activeRoundRule } from '../db/repositories/comfort-rules';
import {
  comfortTasksOfVisit,
  completeComfortTask,
  findComfortTaskToComplete,
  insertComfortTask,
  insertComfortTasks,
  withdrawOpenComfortTasks,
  withdrawOpenRounds,
} from '../db/repositories/comfort-tasks';
import { visitExists } from '../db/repositories/visits';
import { comfortTaskView } from './board-cards';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

const minutesAfter = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

/** The tasks a check-in starts: every rule for this customer's audiences, the first round among them. */
export async function startComfortTasks(
  db: Db,
  visit: { id: number; tags: readonly string[]; appointmentKind: string | null },
  staffId: number,
  now: Date,
): Promise<void> {
  const rules = (await activeComfortRules(db)).map((rule) => ({ ...rule, trigger: rule.trigger, appliesTo: rule.applies_to, dueMinutes: rule.due_minutes }));
  const tasks = rulesAtCheckIn(rules, audiencesOf(visit.tags, visit.appointmentKind)).map((rule) => ({
    visit_id: visit.id,
    rule_id: rule.id,
    label: rule.label,
    label_en: rule.label_en,
    due_at: minutesAfter(now, rule.dueMinutes),
    created_at: now.toISOString(),
    created_by: staffId,
  }));
  await insertComfortTasks(db, tasks);
}

/** Rounds follow the wait: withdrawn when the customer leaves the waiting area, restarted on return. */
export async function followVisitMove(db: Db, visitId: number, from: VisitStatus, to: VisitStatus, staffId: number, now: Date): Promise<void> {
  if (to === 'done' || to === 'left') {
    // Gone from the lobby: nothing left to bring them.
    await withdrawOpenComfortTasks(db, visitId, now.toISOString());
  } else if (from === 'waiting' && to !== 'waiting') {
    await withdrawOpenRounds(db, visitId, now.toISOString());
  } else if (to === 'waiting' && from !== 'waiting') {
    await scheduleNextRound(db, visitId, staffId, now);
  }
}

async function scheduleNextRound(db: Db, visitId: number, staffId: number, now: Date) {
  const round = await activeRoundRule(db);
  if (!round) return;
  // The rule as it is now: an edited interval applies from the next round on.
  const interval = round.repeat_minutes ?? round.due_minutes;
  await insertComfortTask(db, { visit_id: visitId, rule_id: round.id, label: round.label, label_en: round.label_en, due_at: minutesAfter(now, interval), created_at: now.toISOString(), created_by: staffId });
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
      if (!(await visitExists(db, visitId))) throw new AppError('not_found', 'error.notFound', { path: ['visitId'] });
      return (await comfortTasksOfVisit(db, visitId)).map((row) => comfortTaskView(row, now));
    },

    async complete(db, taskId, staffId, now) {
      const task = await findComfortTaskToComplete(db, taskId);
      if (!task) throw new AppError('not_found', 'error.notFound', { path: ['taskId'] });
      if (!(await completeComfortTask(db, taskId, staffId, now.toISOString()))) {
        throw new AppError('conflict', task.cancelled_at ? 'comfort.withdrawn' : 'comfort.alreadyDone', { params: { name: task.done_by_name ?? '' } });
      }
      // The next round, the rule's interval on (15 minutes as seeded), while the customer still waits.
      if (task.trigger === 'round' && task.status === 'waiting') await scheduleNextRound(db, task.visit_id, staffId, now);
      return { visitId: task.visit_id };
    },

    async add(db, input, staffId, now) {
      if (!(await visitExists(db, input.visitId))) throw new AppError('not_found', 'error.notFound', { path: ['visitId'] });
      const taskId = await insertComfortTask(db, { visit_id: input.visitId, rule_id: null, label: input.label, label_en: input.label, due_at: minutesAfter(now, input.dueInMinutes), created_at: now.toISOString(), created_by: staffId });
      return { visitId: input.visitId, taskId };
    },
  };
}
