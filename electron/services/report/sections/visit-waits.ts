/**
 * The period's visits with their two waits in seconds — check-in to called (every stretch in the
 * waiting state, a stretch still open counted to now or the end of its day) and called to in
 * consultation (first call to first consultation) — read once and shared by the waits and the
 * longest-waits sections.
 */
import { clinicDayRange, wallClock } from '../../../../shared/domain/clinic-time';
import { visitClass, type VisitClass } from '../../../../shared/domain/report';
import { visitWaitRows, type VisitWaitRow } from '../../../db/repositories/report';
import type { SectionContext } from '../section';

export interface VisitWait {
  row: VisitWaitRow;
  visitClass: VisitClass;
  /** The clinic hour of arrival, 0–23. */
  hour: number;
  toCalled: number;
  /** Null when the customer never went from a call into consultation. */
  toConsultation: number | null;
}

/**
 * One visit's waits (seed 004 rule 26: what customers hate most). Exported for the test that
 * recomputes them from raw events.
 */
export function visitWaitOf(row: VisitWaitRow, now: Date, timeZone: string): VisitWait {
  let toCalled = row.waited_s;
  if (row.open_since !== null) {
    const cap = Math.min(now.getTime(), Date.parse(clinicDayRange(row.clinic_date, timeZone).end));
    toCalled += Math.max(0, (cap - Date.parse(row.open_since)) / 1000);
  }
  const toConsultation =
    row.called_at !== null && row.consult_at !== null && row.consult_at >= row.called_at ? (Date.parse(row.consult_at) - Date.parse(row.called_at)) / 1000 : null;
  return { row, visitClass: visitClass(row.kind, row.earlier === 1), hour: wallClock(new Date(row.arrived_at), timeZone).hour, toCalled: Math.round(toCalled * 1000) / 1000, toConsultation };
}

export function readVisitWaits(context: SectionContext): Promise<VisitWait[]> {
  return context.shared('visitWaits', async () => {
    const rows = await visitWaitRows(context.db, context.period.from, context.period.to);
    return rows.map((row) => visitWaitOf(row, context.now, context.settings.timeZone));
  });
}
