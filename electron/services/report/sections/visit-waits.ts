/**
 * The period's visits with their two waits in seconds — check-in to called (every stretch in the
 * waiting state, a stretch still open counted to now or the end of its day) and called to in
 * consultation (first call to first consultation) — and their stretches of waiting: read once per
 * report and shared by the arrivals, waits, queue and longest-waits sections.
 */
import { reportVisits, visitWaitRows } from '../../../db/repositories/report';
import { factSplit, keptVisitWaits } from '../report-facts';
import type { SectionContext } from '../section';
import { visitWaitOf, type VisitWait } from '../visit-wait';

export { visitWaitOf, type VisitWait };

export function readVisitWaits(context: SectionContext): Promise<VisitWait[]> {
  return context.shared('visitWaits', async () => {
    const { db, period, now, settings } = context;
    // Finished days from their kept facts (migration 022), the rest (today) live.
    const split = await factSplit(context);
    const waits: VisitWait[] = split.keptTo === null ? [] : await keptVisitWaits(db, period.from, split.keptTo);
    if (split.liveFrom !== null) {
      const visits = await reportVisits(db, split.liveFrom, period.to);
      const rows = new Map((await visitWaitRows(db, split.liveFrom, period.to)).map((row) => [row.visit_id, row]));
      // The clinic's clock worked out once per day rather than once per visit (Intl is slow).
      for (const visit of visits) waits.push(visitWaitOf(visit, rows.get(visit.id), now, settings.timeZone, period.clock.dayEnd(visit.clinic_date), period.clock));
    }
    return waits;
  });
}
