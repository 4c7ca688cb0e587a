/**
 * One visit's two waits in seconds — check-in to called (every stretch in the waiting state, a
 * stretch still open counted to now or the end of its day) and called to in consultation (first
 * call to first consultation) — its clinic hour of arrival and its stretches of waiting. Worked out
 * live for today, and once for a finished day whose facts the report keeps (./report-facts.ts).
 */
import { clinicDayRange, wallClock } from '../../../shared/domain/clinic-time';
import { visitClass, type VisitClass } from '../../../shared/domain/report';
import type { ReportVisitRow, VisitWaitRow } from '../../db/repositories/report';
import type { PeriodClock } from './period-clock';

export interface VisitWait {
  row: ReportVisitRow;
  visitClass: VisitClass;
  /** The clinic hour of arrival, 0–23. */
  hour: number;
  toCalled: number;
  /** Null when the customer never went from a call into consultation. */
  toConsultation: number | null;
  /** Each stretch of waiting, in ms since the epoch; an open one ends now or at the end of its day. */
  stretches: [start: number, end: number][];
}

/**
 * One visit's waits (seed 004 rule 26: what customers hate most). Exported for the test that
 * recomputes them from raw events.
 */
export function visitWaitOf(row: ReportVisitRow, waits: VisitWaitRow | undefined, now: Date, timeZone: string, dayEnd = Date.parse(clinicDayRange(row.clinic_date, timeZone).end), clock?: PeriodClock): VisitWait {
  const cap = Math.min(now.getTime(), dayEnd);
  const stretches: [number, number][] = [];
  let toCalled = waits?.waited_s ?? 0;
  for (const stretch of waits?.stretches?.split(',') ?? []) {
    const [start, end] = stretch.split('>') as [string, string];
    const from = Date.parse(start);
    if (end === '') {
      toCalled += Math.max(0, (cap - from) / 1000);
      stretches.push([from, cap]);
    } else stretches.push([from, Date.parse(end)]);
  }
  const called = waits?.called_at ?? null;
  const consult = waits?.consult_at ?? null;
  const toConsultation = called !== null && consult !== null && consult >= called ? (Date.parse(consult) - Date.parse(called)) / 1000 : null;
  return {
    row,
    visitClass: visitClass(row.kind, row.earlier === 1),
    hour: clock ? clock.hourMinute(Date.parse(row.arrived_at), row.clinic_date).hour : wallClock(new Date(row.arrived_at), timeZone).hour,
    toCalled: Math.round(toCalled * 1000) / 1000,
    toConsultation,
    stretches,
  };
}

