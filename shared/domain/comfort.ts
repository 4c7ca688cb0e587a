/**
 * Which comfort rules apply to a waiting customer, when a task is overdue, and what a manager may
 * set a rule to. Pure.
 */

/** Which visits a rule is for: everyone, or those tagged anxious or on a drip, or before surgery. */
export const COMFORT_AUDIENCES = ['all', 'anxious', 'preop', 'infusion'] as const;
export type ComfortAudience = (typeof COMFORT_AUDIENCES)[number];

/** A check-in rule makes one task at check-in; a round rule makes one, then another each interval while the customer waits. */
export const COMFORT_TRIGGERS = ['check_in', 'round'] as const;
export type ComfortTrigger = (typeof COMFORT_TRIGGERS)[number];

export interface ComfortRule {
  id: number;
  trigger: ComfortTrigger;
  appliesTo: ComfortAudience;
  dueMinutes: number;
}

/**
 * What a manager may set (the contract's schema and the service use these bounds): a task due
 * within 4 hours of arrival (tea is due in 5 minutes, seed 000 step 5), and a round at most every
 * 5 minutes, at least every 2 hours (15 in the seed; more often than every 5 minutes would fill
 * the board with rounds nobody can keep).
 */
export const COMFORT_RULE_LIMITS = {
  dueMinutes: { min: 1, max: 240 },
  repeatMinutes: { min: 5, max: 120 },
  labelZh: { max: 60 },
  labelEn: { max: 120 },
} as const;

/**
 * Why a rule cannot have this repeat interval, or null: a round needs one, a check-in rule (one
 * task) cannot have one.
 *
 * @example repeatProblem('round', null) // 'repeatNeeded'
 */
export function repeatProblem(trigger: ComfortTrigger, repeatMinutes: number | null): 'repeatNeeded' | 'repeatOnlyForRounds' | null {
  if (trigger === 'round' && repeatMinutes === null) return 'repeatNeeded';
  if (trigger === 'check_in' && repeatMinutes !== null) return 'repeatOnlyForRounds';
  return null;
}

/** Where a seeded rule comes from: a step of seed 000's reception flow or counselling, or a rule of seed 004. */
export interface ComfortRuleSource {
  seed: '000' | '004';
  part: 'flow' | 'counselling' | 'rule';
  numbers: readonly number[];
}

/**
 * The source of each rule migration 009 seeded, by its code (codes are fixed; the rest is
 * editable). Shown beside the rule on the settings screen, so a manager editing it sees what the
 * clinic's own service rules say.
 */
export const COMFORT_RULE_SOURCES: Readonly<Record<string, ComfortRuleSource>> = {
  // seed 000 reception flow step 5: 提供茶水、杂志等，让顾客在等待时感到舒适。
  tea: { seed: '000', part: 'flow', numbers: [5] },
  magazines: { seed: '000', part: 'flow', numbers: [5] },
  // seed 004 rule 10: 巡视顾客及时; rule 26: 顾客最讨厌的就是等待。
  round: { seed: '004', part: 'rule', numbers: [10, 26] },
  // seed 000 counselling step 4: 对于有焦虑、恐惧等情绪的顾客，提供情绪支持和心理疏导。
  reassure: { seed: '000', part: 'counselling', numbers: [4] },
  // seed 004 rule 5: 对于术前的顾客，应予心理安慰…如深呼吸。
  reassure_preop: { seed: '004', part: 'rule', numbers: [5] },
  // seed 004 rule 3: 对于输液的顾客多与顾客聊天; rule 21: 倒水是必不可少的服务项目，主动巡视输液状态。
  infusion: { seed: '004', part: 'rule', numbers: [3, 21] },
};

/** The audiences a visit belongs to: from the customer's tags and the appointment's kind. */
export function audiencesOf(tags: readonly string[], appointmentKind: string | null): Set<ComfortAudience> {
  const audiences = new Set<ComfortAudience>(['all']);
  if (tags.includes('anxious')) audiences.add('anxious');
  if (tags.includes('infusion')) audiences.add('infusion');
  // seed 004 rule 5: before surgery, reassure.
  if (appointmentKind === 'preop' || appointmentKind === 'surgery') audiences.add('preop');
  return audiences;
}

/** The rules that make a task when this customer checks in (a round is one of them: the first round). */
export function rulesAtCheckIn<Rule extends ComfortRule>(rules: readonly Rule[], audiences: Set<ComfortAudience>): Rule[] {
  return rules.filter((rule) => audiences.has(rule.appliesTo));
}

/**
 * A task withdrawn after it fell due was missed (issue 13: a round overdue 2 minutes, then the
 * customer called — 关怀 2/3 became 2/2 and a manager would have read 100 %). One withdrawn before
 * it fell due was never owed (a round the call came in time for) and is left out.
 */
export function isMissed(task: { dueAt: string; doneAt: string | null; cancelledAt: string | null }): boolean {
  return task.doneAt === null && task.cancelledAt !== null && Date.parse(task.cancelledAt) > Date.parse(task.dueAt);
}

/** Still to do: neither done nor missed. */
export function isOpenTask(task: { doneAt: string | null; missedAt: string | null }): boolean {
  return task.doneAt === null && task.missedAt === null;
}

export function isOverdue(task: { dueAt: string; doneAt: string | null; cancelledAt: string | null }, now: Date): boolean {
  return task.doneAt === null && task.cancelledAt === null && Date.parse(task.dueAt) < now.getTime();
}
