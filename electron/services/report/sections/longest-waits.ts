/**
 * The ten longest waits of the period, each with its timeline: what a manager walks through with
 * the team (seed 004 rule 25: leaders lead and train). Customers by ticket and masked name only.
 */
import { clinicTimeOf } from '../../../../shared/domain/clinic-time';
import { maskName } from '../../../../shared/domain/masking';
import { toMinutes } from '../../../../shared/domain/report';
import type { MessageKey } from '../../../../shared/i18n/messages';
import { visitTimelines } from '../../../db/repositories/report';
import { column, type ReportSectionModule } from '../section';
import { readVisitWaits, type VisitWait } from './visit-waits';

export const LONGEST_WAITS = 10;

/** The `count` longest waits, longest first (ties: the earlier visit first), in one pass: a year is ~100,000 visits. */
function longestOf(waits: readonly VisitWait[], count: number): VisitWait[] {
  const before = (a: VisitWait, b: VisitWait) => b.toCalled < a.toCalled || (b.toCalled === a.toCalled && a.row.id < b.row.id);
  const top: VisitWait[] = [];
  for (const wait of waits) {
    if (top.length === count && !before(wait, top[top.length - 1]!)) continue;
    let index = top.length;
    while (index > 0 && before(wait, top[index - 1]!)) index -= 1;
    top.splice(index, 0, wait);
    if (top.length > count) top.pop();
  }
  return top;
}

export const longestWaitsSection: ReportSectionModule = {
  key: 'longestWaits',
  async build(context) {
    if (context.figuresOnly) return { figures: [], tables: [], charts: [] };
    const { t, settings } = context;
    const waits = await readVisitWaits(context);
    const longest = longestOf(waits, LONGEST_WAITS);
    const events = await visitTimelines(context.db, longest.map((wait) => wait.row.id));
    const timelines = new Map<number, { name: string; steps: string[] }>();
    for (const event of events) {
      const timeline = timelines.get(event.visit_id) ?? { name: event.customer_name, steps: [] };
      const status = t(`visits.status.${event.to_status}` as MessageKey);
      timeline.steps.push(`${clinicTimeOf(event.at, settings.timeZone)} ${status}${event.staff_name ? ` (${event.staff_name})` : ''}`);
      timelines.set(event.visit_id, timeline);
    }
    return {
      figures: [],
      tables: [
        {
          key: 'longest',
          title: t('report.longestWaits.table'),
          columns: [
            column(context, 'rank', 'count'),
            column(context, 'ticket', 'text'),
            column(context, 'customer', 'text'),
            column(context, 'date', 'date'),
            column(context, 'arrived', 'time'),
            column(context, 'doctor', 'text'),
            column(context, 'waited', 'minutes'),
            column(context, 'toConsult', 'minutes'),
            column(context, 'timeline', 'text'),
          ],
          rows: longest.map((wait, index) => {
            const timeline = timelines.get(wait.row.id);
            return [
              index + 1,
              wait.row.ticket,
              // Never the full name (DESIGN.md, privacy): the masked form, as the lobby display shows it.
              maskName(timeline?.name ?? ''),
              wait.row.clinic_date,
              clinicTimeOf(wait.row.arrived_at, settings.timeZone),
              wait.row.doctor_name ?? t('report.noDoctor'),
              toMinutes(wait.toCalled),
              toMinutes(wait.toConsultation),
              (timeline?.steps ?? []).join(' → '),
            ];
          }),
        },
      ],
      charts: [],
    };
  },
};
