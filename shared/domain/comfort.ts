/**
 * Which comfort rules apply to a waiting customer, and when a task is overdue. Pure.
 */
export type ComfortAudience = 'all' | 'anxious' | 'preop' | 'infusion';

export interface ComfortRule {
  id: number;
  trigger: 'check_in' | 'round';
  appliesTo: ComfortAudience;
  dueMinutes: number;
}

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

export function isOverdue(task: { dueAt: string; doneAt: string | null; cancelledAt: string | null }, now: Date): boolean {
  return task.doneAt === null && task.cancelledAt === null && Date.parse(task.dueAt) < now.getTime();
}
