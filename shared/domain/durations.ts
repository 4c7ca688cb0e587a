/**
 * Minutes as the console shows them (issue 13 part 6), pure and shared by every timer: a wait is
 * never negative (the server's and a desk's clocks disagree by seconds, and a card read a moment
 * after its board's snapshot was counted back to "-1 分钟"), and a task due within the minute is
 * "due now" — neither "in 0 minutes" nor red.
 */

/** Whole minutes, never negative: what a wait timer shows. */
export function wholeMinutes(minutes: number): number {
  return Number.isFinite(minutes) ? Math.max(0, Math.floor(minutes)) : 0;
}

/** Whole minutes from `from` to `to` (instants or epoch milliseconds), never negative. */
export function minutesBetween(from: string | number, to: string | number): number {
  const start = typeof from === 'string' ? Date.parse(from) : from;
  const end = typeof to === 'string' ? Date.parse(to) : to;
  return wholeMinutes((end - start) / 60_000);
}

/** Where a due time stands: ahead (in whole minutes, at least 1), now (within the minute), or overdue. */
export type DueState = { kind: 'dueIn'; minutes: number } | { kind: 'dueNow' } | { kind: 'overdue'; minutes: number };

/**
 * How a due time reads at `now`: within a minute either side it is due now; later it is due in
 * the minutes left, to the nearest (59 s is "due now", not "in 0 minutes"); a full minute past it is overdue.
 *
 * @example dueState('2026-12-04T02:30:00Z', Date.parse('2026-12-04T02:29:40Z')) // { kind: 'dueNow' }
 */
export function dueState(dueAt: string | number, now: number): DueState {
  const due = typeof dueAt === 'string' ? Date.parse(dueAt) : dueAt;
  const ahead = (due - now) / 60_000;
  if (ahead >= 1) return { kind: 'dueIn', minutes: Math.round(ahead) };
  if (ahead > -1) return { kind: 'dueNow' };
  return { kind: 'overdue', minutes: Math.floor(-ahead) };
}

/** Whether a due time is a full minute past: what turns a task red. */
export function isOverdue(dueAt: string | number, now: number): boolean {
  return dueState(dueAt, now).kind === 'overdue';
}

/**
 * Orders two instants as the server writes them (`Date.prototype.toISOString`: UTC, milliseconds,
 * one width), earlier first. Their characters sort as their times do, so no parsing is needed —
 * nor `localeCompare`, whose first call builds an ICU collator (~10 ms of the board's first render,
 * docs/performance.md 2026-12-05).
 */
export function byInstant(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
