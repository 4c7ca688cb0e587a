/**
 * The report page's periods: a day, a week (Monday to Sunday, as a Chinese clinic's week runs), a
 * calendar month, or any range; what kind a `from`/`to` pair is, and the period before or after it.
 * Pure.
 */
import { addDays, isClinicDate } from '../../../shared/domain/clinic-time';
import { REPORT_MAX_DAYS, reportDays } from '../../../shared/domain/report';

export const PERIOD_KINDS = ['day', 'week', 'month', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  from: string;
  to: string;
}

/** 0 for Monday … 6 for Sunday. */
function weekdayOf(date: string): number {
  return (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
}

function lastOfMonth(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** The period of a kind around a day: the day, its week, its month. */
export function periodAround(kind: Exclude<PeriodKind, 'range'>, date: string): Period {
  if (kind === 'day') return { from: date, to: date };
  if (kind === 'week') {
    const from = addDays(date, -weekdayOf(date));
    return { from, to: addDays(from, 6) };
  }
  const from = `${date.slice(0, 8)}01`;
  return { from, to: lastOfMonth(from) };
}

/** What kind of period a pair of days is. */
export function kindOf({ from, to }: Period): PeriodKind {
  if (from === to) return 'day';
  if (weekdayOf(from) === 0 && addDays(from, 6) === to) return 'week';
  if (from.endsWith('-01') && lastOfMonth(from) === to) return 'month';
  return 'range';
}

/** The period before (-1) or after (+1): the month before a month, otherwise as many days. */
export function shiftPeriod(period: Period, direction: -1 | 1): Period {
  const kind = kindOf(period);
  if (kind === 'month') return periodAround('month', addDays(direction < 0 ? period.from : period.to, direction));
  const days = reportDays(period.from, period.to);
  return { from: addDays(period.from, direction * days), to: addDays(period.to, direction * days) };
}

/** The period a route names (`#/report/2026-11-23/2026-11-29`), or null when it names none that is valid. */
export function periodOfRoute(params: readonly string[]): Period | null {
  const [from, to] = params;
  if (!from || !to || !isClinicDate(from) || !isClinicDate(to) || from > to || reportDays(from, to) > REPORT_MAX_DAYS) return null;
  return { from, to };
}
