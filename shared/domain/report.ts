/**
 * The manager's report (issue 18; seed 004 rule 26 "顾客最讨厌的就是等待", rule 25 leaders lead
 * and train; seed 000 step 10): the pure rules every figure of it follows, so the report, its
 * tests and the bench's floor agree on what a median or an "on time" task is. Pure.
 */
import { addDays, type ClinicDate } from './clinic-time';

/**
 * The longest period one report covers: a year (a leap year's 366 days). A year's report answers in
 * ≤ 2 s at five years of data (docs/performance.md); longer spans are several reports.
 */
export const REPORT_MAX_DAYS = 366;

/** Days from `from` to `to`, both counted (`2026-11-23`…`2026-11-23` is 1). */
export function reportDays(from: ClinicDate, to: ClinicDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Every clinic day of a period, in order. */
export function daysOf(from: ClinicDate, to: ClinicDate): ClinicDate[] {
  const days: ClinicDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The period just before, of the same length: what the report compares with (a day with the day
 * before, a week with the week before).
 *
 * @example previousPeriod('2026-11-23', '2026-11-29') // { from: '2026-11-16', to: '2026-11-22' }
 */
export function previousPeriod(from: ClinicDate, to: ClinicDate): { from: ClinicDate; to: ClinicDate } {
  const days = reportDays(from, to);
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

/**
 * The nearest-rank percentile of values sorted ascending: the smallest value with at least `p` of
 * them at or below it (the median of 4 values is the 2nd). Always one of the values, never an
 * interpolation a manager cannot find in the table; null for no values.
 *
 * @example nearestRank([1, 2, 3, 4], 0.5) // 2
 * @example nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) // 9
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export interface WaitSummary {
  count: number;
  /** Minutes, one decimal; null when nobody waited in the group. */
  median: number | null;
  p90: number | null;
  max: number | null;
}

/** Seconds to minutes with one decimal, as every wait of the report is shown. */
export function toMinutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds / 6) / 10;
}

/** Median, p90 and longest of waits given in seconds, in minutes. */
export function summariseWaits(seconds: readonly number[]): WaitSummary {
  // A typed array sorts numbers natively (a year's ~100,000 waits, grouped several ways: the
  // comparator of Array#sort was a second of a year's report; docs/performance.md).
  const sorted = Float64Array.from(seconds).sort();
  return {
    count: sorted.length,
    median: toMinutes(nearestRank(sorted, 0.5)),
    p90: toMinutes(nearestRank(sorted, 0.9)),
    max: toMinutes(sorted.length === 0 ? null : sorted[sorted.length - 1]!),
  };
}

/**
 * Which kind of visit, as the report groups waits: a follow-up visit (ticket F), else the
 * customer's first visit on file, else a return (seed 000 step 6: first visit or return).
 */
export const VISIT_CLASSES = ['first', 'return', 'followup'] as const;
export type VisitClass = (typeof VISIT_CLASSES)[number];

export function visitClass(kind: string, hasEarlierVisit: boolean): VisitClass {
  if (kind === 'followup') return 'followup';
  return hasEarlierVisit ? 'return' : 'first';
}

/**
 * How a comfort task went: done by its due time, done after it, missed (withdrawn after it fell due,
 * never done), or still open. A task withdrawn before it fell due was never owed: null.
 */
export const COMFORT_OUTCOMES = ['onTime', 'late', 'missed', 'open'] as const;
export type ComfortOutcome = (typeof COMFORT_OUTCOMES)[number];

export function comfortOutcome(task: { dueAt: string; doneAt: string | null; cancelledAt: string | null }): ComfortOutcome | null {
  if (task.doneAt !== null) return Date.parse(task.doneAt) <= Date.parse(task.dueAt) ? 'onTime' : 'late';
  if (task.cancelledAt !== null) return Date.parse(task.cancelledAt) > Date.parse(task.dueAt) ? 'missed' : null;
  return 'open';
}

/** A share in per cent with one decimal; null when there is nothing to share. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/**
 * Free text typed by staff (a cancellation's reason) with any run of 5 or more digits starred: a
 * phone typed into a reason ("客户改约，电话13812345678") must not reach a report, a CSV or a PDF.
 */
export function starDigitRuns(text: string): string {
  return text.replace(/\d[\d\s-]{3,}\d/g, (run) => (run.replace(/\D/g, '').length >= 5 ? '*'.repeat(run.length) : run));
}

/**
 * Would-recommend (0–10) as a net promoter score: the share of promoters (9–10) minus the share of
 * detractors (0–6), in whole points from −100 to 100; null when nobody answered (seed 000 step 10).
 *
 * @example netPromoterScore([10, 9, 8, 3]) // 25
 */
export function netPromoterScore(answers: readonly number[]): number | null {
  if (answers.length === 0) return null;
  const promoters = answers.filter((answer) => answer >= 9).length;
  const detractors = answers.filter((answer) => answer <= 6).length;
  return Math.round(((promoters - detractors) / answers.length) * 100);
}

/** The mean with one decimal; null for no values (a score's average, 1–5). */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;
}
