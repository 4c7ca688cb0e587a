/**
 * The aftercare follow-up dates printed on the sheet (DESIGN.md step 9: calls on day 1, 3 and 7,
 * a visit at one month by default). Pure; the follow-up feature owns the plan itself.
 */
import { addDays } from './clinic-time';

export interface FollowupDate {
  kind: 'call' | 'visit';
  /** Days after discharge (the visit: one calendar month). */
  label: 'day1' | 'day3' | 'day7' | 'month1';
  date: string;
}

/** One calendar month after `date`, clamped to the month's last day (01-31 → 02-28). */
export function addOneMonth(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const target = new Date(Date.UTC(year, month, Math.min(day, last)));
  return target.toISOString().slice(0, 10);
}

/**
 * The default follow-up dates from the clinic day of discharge (or of surgery).
 *
 * @example defaultFollowupDates('2026-12-05')[3] // { kind: 'visit', label: 'month1', date: '2027-01-05' }
 */
export function defaultFollowupDates(from: string): FollowupDate[] {
  return [
    { kind: 'call', label: 'day1', date: addDays(from, 1) },
    { kind: 'call', label: 'day3', date: addDays(from, 3) },
    { kind: 'call', label: 'day7', date: addDays(from, 7) },
    { kind: 'visit', label: 'month1', date: addOneMonth(from) },
  ];
}
