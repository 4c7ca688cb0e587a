/**
 * Escort times (seed 004 rule 26: departments work closely together; seed 000 step 6: the guide
 * takes the customer to the room): how long a request waited for a guide to take it, how long the
 * guide took to pick the customer up, and how long the customer stood at the room's door until the
 * room acknowledged — overall and by guide. Escorts count on their visit's day, once.
 */
import { summariseWaits } from '../../../../shared/domain/report';
import { escortTimes, type EscortTimeRow } from '../../../db/repositories/report-care';
import { keptEscortTimes } from '../../../db/repositories/report-facts';
import { escortWindow, factSplit } from '../report-facts';
import { column, type ReportSectionModule } from '../section';

const present = (values: (number | null)[]) => values.filter((value): value is number => value !== null && value >= 0);

export const escortsSection: ReportSectionModule = {
  key: 'escorts',
  async build(context) {
    const { t, period } = context;
    // Finished days from their kept facts (migration 028), the rest live.
    const split = await factSplit(context);
    const live = split.liveFrom === null ? null : { from: split.liveFrom, ...escortWindow(period.clock, split.liveFrom, period.to) };
    const rows = [
      ...(split.keptTo === null ? [] : await keptEscortTimes(context.db, period.from, split.keptTo)),
      ...(live === null ? [] : await escortTimes(context.db, live.from, period.to, live.start, live.endPlusDay)),
    ];
    const taken = summariseWaits(present(rows.map((row) => row.taken_s)));
    const pickedUp = summariseWaits(present(rows.map((row) => row.picked_up_s)));
    const atDoor = summariseWaits(present(rows.map((row) => row.at_door_s)));
    const figures = [
      { key: 'escorts.count', label: t('report.escorts.count'), unit: 'count' as const, value: rows.length, better: null },
      { key: 'escorts.takenMedian', label: t('report.escorts.takenMedian'), unit: 'minutes' as const, value: taken.median, better: 'lower' as const },
      { key: 'escorts.pickedUpMedian', label: t('report.escorts.pickedUpMedian'), unit: 'minutes' as const, value: pickedUp.median, better: 'lower' as const },
      { key: 'escorts.atDoorMedian', label: t('report.escorts.atDoorMedian'), unit: 'minutes' as const, value: atDoor.median, better: 'lower' as const },
      { key: 'escorts.atDoorMax', label: t('report.escorts.atDoorMax'), unit: 'minutes' as const, value: atDoor.max, better: 'lower' as const },
    ];
    if (context.figuresOnly) return { figures, tables: [], charts: [] };

    const byGuide = new Map<string, EscortTimeRow[]>();
    // Pushed, not copied: a year has ~60,000 escorts among a few guides, and copying each guide's
    // list at every row made the year's report take 50 s (bench, generator 2).
    for (const row of rows) {
      const name = row.guide_name ?? t('report.escorts.noGuide');
      const group = byGuide.get(name);
      if (group) group.push(row);
      else byGuide.set(name, [row]);
    }
    const guides = [...byGuide].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
    return {
      figures,
      tables: [
        {
          key: 'byGuide',
          title: t('report.escorts.byGuide'),
          columns: [
            column(context, 'staff', 'text'),
            column(context, 'escorts', 'count'),
            column(context, 'takenMedian', 'minutes'),
            column(context, 'pickedUpMedian', 'minutes'),
            column(context, 'atDoorMedian', 'minutes'),
            column(context, 'atDoorMax', 'minutes'),
          ],
          rows: guides.map(([name, group]) => {
            const door = summariseWaits(present(group.map((row) => row.at_door_s)));
            return [
              name,
              group.length,
              summariseWaits(present(group.map((row) => row.taken_s))).median,
              summariseWaits(present(group.map((row) => row.picked_up_s))).median,
              door.median,
              door.max,
            ];
          }),
        },
      ],
      charts: [{ key: 'escortsByGuide', title: t('report.escorts.chart'), kind: 'bar', table: 'byGuide', x: 'staff', series: ['takenMedian', 'pickedUpMedian', 'atDoorMedian'], stacked: false }],
    };
  },
};
