/**
 * After surgery (seed 000 steps 9–10; seed 004 rules 11 and 23): the follow-up plan's dates, the
 * rules of a follow-up visit, and what makes a survey answer "low". Pure: dates are clinic days
 * (`YYYY-MM-DD` in the clinic's zone), never the machine's.
 */
import { addDays, clinicDateOf, type ClinicDate } from './clinic-time';

export const FOLLOW_UP_STEP_KINDS = ['call', 'visit'] as const;
export type FollowUpStepKind = (typeof FOLLOW_UP_STEP_KINDS)[number];

/** One step of a template: a call or a visit, `days` and/or `months` after the surgery day. */
export interface FollowUpTemplateStep {
  kind: FollowUpStepKind;
  days: number;
  months: number;
}

/** seed 000 step 9: a call on day 1, day 3 and day 7, a visit at one month. */
export const DEFAULT_FOLLOW_UP_TEMPLATE: readonly FollowUpTemplateStep[] = [
  { kind: 'call', days: 1, months: 0 },
  { kind: 'call', days: 3, months: 0 },
  { kind: 'call', days: 7, months: 0 },
  { kind: 'visit', days: 0, months: 1 },
];

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/**
 * `date` moved by whole calendar months; a day the target month lacks becomes its last day
 * (31 January + 1 month → 28 or 29 February), the way a clinic says "in a month".
 */
export function addMonths(date: ClinicDate, months: number): ClinicDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/** The clinic day a step falls due: months first, then days, counted from the surgery's clinic day. */
export function stepDueDate(surgeryDate: ClinicDate, step: FollowUpTemplateStep): ClinicDate {
  return addDays(addMonths(surgeryDate, step.months), step.days);
}

/**
 * The plan's dated steps for a surgery at `surgeryAt` (a UTC instant): the surgery's day is the
 * clinic's day (a surgery at 23:30 Beijing time is that day, though UTC says 15:30 the same day;
 * one at 00:30 Beijing time is the next, though UTC still says the day before).
 *
 * @example planSteps('2026-01-31T02:00:00Z', DEFAULT_FOLLOW_UP_TEMPLATE, 'Asia/Shanghai').map((s) => s.dueDate)
 * // ['2026-02-01', '2026-02-03', '2026-02-07', '2026-02-28']
 */
export function planSteps(
  surgeryAt: string,
  template: readonly FollowUpTemplateStep[],
  timeZone: string,
): { kind: FollowUpStepKind; dueDate: ClinicDate; label: string }[] {
  const surgeryDate = clinicDateOf(surgeryAt, timeZone);
  return template
    .map((step) => ({ kind: step.kind, dueDate: stepDueDate(surgeryDate, step), label: stepLabel(step) }))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/** A short language-neutral label of a step: `d1`, `m1`, `m1d7`. */
export function stepLabel(step: FollowUpTemplateStep): string {
  return `${step.months ? `m${step.months}` : ''}${step.days || !step.months ? `d${step.days}` : ''}`;
}

/** Whole clinic days from the surgery's day to `today` (0 on the day itself). */
export function daysSinceSurgery(surgeryAt: string, today: ClinicDate, timeZone: string): number {
  const from = Date.parse(`${clinicDateOf(surgeryAt, timeZone)}T00:00:00Z`);
  return Math.round((Date.parse(`${today}T00:00:00Z`) - from) / 86_400_000);
}

/** Whole clinic days a step is overdue on `today` (0 when due today, negative before). */
export function daysOverdue(dueDate: ClinicDate, today: ClinicDate): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
}

/** seed 004 rule 11: every follow-up visit at least 5 minutes — talk and explain, not just photos. */
export const FOLLOW_UP_MINIMUM_MINUTES = 5;

/**
 * What closing a follow-up visit needs (seed 004 rules 11 and 23): the consultant seen
 * (`consultantNotSeen` otherwise), and, before 5 minutes from the start of the consultant step, a
 * reason (`reasonNeeded`). Null when it may close.
 */
export function followUpCloseBlock(
  consultantStartedAt: string | null,
  now: Date,
  reason: string | undefined,
): 'consultantNotSeen' | 'reasonNeeded' | null {
  if (consultantStartedAt === null) return 'consultantNotSeen';
  const minutes = (now.getTime() - Date.parse(consultantStartedAt)) / 60_000;
  if (minutes < FOLLOW_UP_MINIMUM_MINUTES && !(reason && reason.trim())) return 'reasonNeeded';
  return null;
}

/**
 * seed 004 rule 23 (主刀医生不忙时，术后第二天、拆线建议可以看一下顾客，给予关心): the days after
 * surgery on which the surgeon is asked for a look — day 2, and the days stitches usually come out
 * (5 to 10: the face at 5–7, the body at 7–10).
 */
export const SURGEON_LOOK_DAY = 2;
export const STITCH_REMOVAL_DAYS = { from: 5, to: 10 } as const;

/** Why the surgeon should look at a customer `daysSince` days after surgery, or null. */
export function surgeonLookReason(daysSince: number): 'day2' | 'stitches' | null {
  if (daysSince === SURGEON_LOOK_DAY) return 'day2';
  if (daysSince >= STITCH_REMOVAL_DAYS.from && daysSince <= STITCH_REMOVAL_DAYS.to) return 'stitches';
  return null;
}

/** Whether `time` (HH:MM, clinic time) falls within a shift (end exclusive). */
export function withinShift(time: string, shift: { start: string; end: string }): boolean {
  return time >= shift.start && time < shift.end;
}

/** seed 000 step 10: the aspects scored 1–5. */
export const SURVEY_ASPECTS = ['reception', 'waiting', 'guide', 'consultant', 'doctor', 'nurses', 'environment'] as const;
export type SurveyAspect = (typeof SURVEY_ASPECTS)[number];

/**
 * A survey answer the manager must see: any aspect at or below `lowAspect`, would-recommend at or
 * below `lowRecommend`, or marked as a complaint.
 */
export function isLowSurvey(
  answer: { scores: { [Aspect in SurveyAspect]?: number | undefined }; recommend: number | null; complaint: boolean },
  lowAspect: number,
  lowRecommend: number,
): boolean {
  if (answer.complaint) return true;
  if (answer.recommend !== null && answer.recommend <= lowRecommend) return true;
  return Object.values(answer.scores).some((score) => score !== undefined && score <= lowAspect);
}

/** The suggested opening of a follow-up call, by day since surgery (zh and en: the caller's language). */
export function callScriptKey(daysSince: number): 'followUps.script.day1' | 'followUps.script.early' | 'followUps.script.later' {
  if (daysSince <= 1) return 'followUps.script.day1';
  if (daysSince <= 7) return 'followUps.script.early';
  return 'followUps.script.later';
}
