/**
 * The period's visits with their two waits in seconds — check-in to called (every stretch in the
 * waiting state, a stretch still open counted to now or the end of its day) and called to in
 * consultation (first call to first consultation) — and their stretches of waiting: read once per
 * report and shared by the arrivals, waits, queue and longest-waits sections.
 */
import { clinicDayRange, wallClock } from '../../../../shared/domain/clinic-time';
import { visitClass, type VisitClass } from '../../../../shared/domain/report';
import { reportVisits, visitWaitRows, type ReportVisitRow, type VisitWaitRow } from '../../../db/repositories/report';
import { keptVisits } from '../../../db/repositories/report-facts';
import type { PeriodClock } from '../period-clock';
import { factSplit } from '../report-facts';
import type { SectionContext } from '../section';

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

export function readVisitWaits(context: SectionContext): Promise<VisitWait[]> {
  return context.shared('visitWaits', async () => {
    const { db, period, now, settings } = context;
    // Finished days from their kept facts (migration 022), the rest (today) live.
    const split = await factSplit(context);
    const pairs = split.keptTo === null ? [] : await keptVisits(db, period.from, split.keptTo);
    if (split.liveFrom !== null) {
      const visits = await reportVisits(db, split.liveFrom, period.to);
      const waits = new Map((await visitWaitRows(db, split.liveFrom, period.to)).map((row) => [row.visit_id, row]));
      for (const visit of visits) pairs.push({ visit, waits: waits.get(visit.id) ?? { visit_id: visit.id, waited_s: 0, stretches: null, called_at: null, consult_at: null } });
    }
    // The clinic's clock worked out once per day rather than once per visit (Intl is slow).
    return pairs.map(({ visit, waits }) => visitWaitOf(visit, waits, now, settings.timeZone, period.clock.dayEnd(visit.clinic_date), period.clock));
  });
}
