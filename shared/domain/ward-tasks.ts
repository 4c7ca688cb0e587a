/**
 * The stay on the ward (住院, DESIGN.md "The stay on the ward"): the tasks a stay generates, as
 * pure functions of the stay, the clinic's rules and its time zone. The service stores them with
 * a unique (stay, kind, due) key, so generating the same window twice adds nothing.
 */
import { addDays, clinicDateOf, clinicInstant } from './clinic-time';

export const WARD_TASK_KINDS = [
  'round',
  'night_round',
  'infusion_check',
  'reassurance',
  'surgery_day_care',
  'gown',
  'meal',
  'surgeon_visit',
  'explain_cost',
  'explain_aftercare',
  'farewell',
] as const;
export type WardTaskKind = (typeof WARD_TASK_KINDS)[number];

/** The clinic's ward rules (settings, "stay" block). Times are clinic wall clock `HH:MM`. */
export interface WardRules {
  /** seed 004 rule 12: at least twice a day. */
  roundTimes: readonly string[];
  /** seed 004 rule 4: night rounds at set hours. */
  nightRoundTimes: readonly string[];
  /** seed 004 rule 20: the meal choice, three times a day. */
  mealChoiceTimes: readonly string[];
  /** seed 004 rule 16: a clean gown every day. */
  gownTime: string;
  /** seed 004 rule 23: the surgeon looks in on the day after surgery. */
  surgeonVisitTime: string;
  /** seed 004 rule 13: when the next-day re-explanation of the aftercare is due. */
  aftercareAgainTime: string;
  /** seed 004 rule 15: above this (yuan), the medicine cost is explained before discharge. */
  medicineCostExplainAbove: number;
  /** seed 004 rules 3, 21: minutes between infusion checks while one runs. */
  infusionCheckMinutes: number;
}

export interface StayFacts {
  /** UTC instants. */
  admittedAt: string;
  surgeryAt: string | null;
  medicineCostYuan: number;
}

export interface PlannedWardTask {
  kind: WardTaskKind;
  /** UTC ISO instant. */
  dueAt: string;
}

const MINUTE = 60_000;
/** seed 004 rule 5: reassurance this long before the surgery (or at admission when later). */
export const REASSURANCE_BEFORE_MINUTES = 30;
/** seed 004 rule 19: extra looks after the customer comes out of surgery, minutes after it began. */
export const SURGERY_DAY_CARE_AFTER_MINUTES = [60, 180, 300] as const;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Every task of a stay due in `[from, until)` (UTC), in due order. Daily tasks fall at the clinic's
 * wall-clock times in `timeZone` on every clinic day the window touches, so a window across
 * midnight or a month end gets the next day's tasks on the right date; nothing falls before the
 * admission.
 *
 * @example planWardTasks({ admittedAt: '2026-12-04T06:00:00Z', surgeryAt: null, medicineCostYuan: 0 }, rules, from, until, 'Asia/Shanghai')
 */
export function planWardTasks(stay: StayFacts, rules: WardRules, from: Date, until: Date, timeZone: string): PlannedWardTask[] {
  const admitted = Date.parse(stay.admittedAt);
  const start = Math.max(from.getTime(), admitted);
  const end = until.getTime();
  if (!(end > start)) return [];
  const tasks: PlannedWardTask[] = [];
  const add = (kind: WardTaskKind, at: number) => {
    if (at >= start && at < end) tasks.push({ kind, dueAt: iso(at) });
  };
  const admissionDay = clinicDateOf(new Date(admitted), timeZone);
  for (let day = clinicDateOf(new Date(start), timeZone); day <= clinicDateOf(new Date(end), timeZone); day = addDays(day, 1)) {
    const at = (time: string) => clinicInstant(day, time, timeZone).getTime();
    for (const time of rules.roundTimes) add('round', at(time));
    for (const time of rules.nightRoundTimes) add('night_round', at(time));
    for (const time of rules.mealChoiceTimes) add('meal', at(time));
    // The gown is changed from the first morning after admission.
    if (day > admissionDay) add('gown', at(rules.gownTime));
  }
  if (stay.surgeryAt !== null) {
    const surgery = Date.parse(stay.surgeryAt);
    if (surgery > admitted) add('reassurance', Math.max(admitted, surgery - REASSURANCE_BEFORE_MINUTES * MINUTE));
    const surgeryDay = clinicDateOf(new Date(surgery), timeZone);
    const dayEnds = clinicInstant(addDays(surgeryDay, 1), '00:00', timeZone).getTime();
    for (const after of SURGERY_DAY_CARE_AFTER_MINUTES) {
      const at = surgery + after * MINUTE;
      if (at < dayEnds) add('surgery_day_care', at);
    }
    add('surgeon_visit', clinicInstant(addDays(surgeryDay, 1), rules.surgeonVisitTime, timeZone).getTime());
  }
  if (stay.medicineCostYuan > rules.medicineCostExplainAbove) add('explain_cost', explainCostDue(stay, rules, timeZone));
  return tasks.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.kind.localeCompare(b.kind));
}

/**
 * seed 004 rule 15: the medicine cost is explained the morning after surgery (or admission), when
 * the customer is clear-headed (rule 13), and before discharge in any case.
 */
export function explainCostDue(stay: StayFacts, rules: WardRules, timeZone: string): number {
  const base = stay.surgeryAt ?? stay.admittedAt;
  return clinicInstant(addDays(clinicDateOf(base, timeZone), 1), rules.surgeonVisitTime, timeZone).getTime() + 30 * MINUTE;
}

/** seed 004 rules 3, 21: infusion checks every `everyMinutes` from `since`, within `[from, until)`. */
export function infusionChecks(since: string, everyMinutes: number, from: Date, until: Date): PlannedWardTask[] {
  const tasks: PlannedWardTask[] = [];
  const step = Math.max(1, everyMinutes) * MINUTE;
  for (let at = Date.parse(since) + step; at < until.getTime(); at += step) {
    if (at >= from.getTime()) tasks.push({ kind: 'infusion_check', dueAt: iso(at) });
  }
  return tasks;
}

/**
 * seed 004 rule 13: the aftercare is explained again the next day (just out of surgery, customers
 * forget): the clinic day after `instant`, at the set time.
 */
export function aftercareAgainDue(instant: Date | string, rules: Pick<WardRules, 'aftercareAgainTime'>, timeZone: string): string {
  return clinicInstant(addDays(clinicDateOf(instant, timeZone), 1), rules.aftercareAgainTime, timeZone).toISOString();
}

/** seed 004 rule 12: a round is at least this long. */
export const ROUND_MIN_MINUTES = 10;

/** The minutes a round lasted, and whether it was closed too soon (a warning, never a refusal). */
export function roundLength(startedAt: string, endedAt: string, minMinutes = ROUND_MIN_MINUTES): { minutes: number; short: boolean } {
  const minutes = Math.floor((Date.parse(endedAt) - Date.parse(startedAt)) / MINUTE);
  return { minutes, short: minutes < minMinutes };
}

/** Which tasks need a start and an end (rounds); the rest are one tap. */
export function isTimedTask(kind: WardTaskKind): boolean {
  return kind === 'round' || kind === 'night_round';
}

export type WardTaskState = 'upcoming' | 'due' | 'overdue' | 'escalated' | 'done';

/**
 * A task's state at `now`: due from its time, overdue (nurse on duty told) after `overdueMinutes`,
 * escalated (head nurse told) after `escalateMinutes`.
 */
export function wardTaskState(task: { dueAt: string; doneAt: string | null }, now: Date, overdueMinutes: number, escalateMinutes: number): WardTaskState {
  if (task.doneAt) return 'done';
  const late = (now.getTime() - Date.parse(task.dueAt)) / MINUTE;
  if (late < 0) return 'upcoming';
  if (late >= escalateMinutes) return 'escalated';
  if (late >= overdueMinutes) return 'overdue';
  return 'due';
}

/** The day of the stay (admission day = 1) on the clinic's calendar. */
export function dayOfStay(admittedAt: string, now: Date, timeZone: string): number {
  const from = clinicDateOf(admittedAt, timeZone);
  const to = clinicDateOf(now, timeZone);
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
