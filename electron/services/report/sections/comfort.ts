/**
 * Comfort kept (seed 000 step 5: tea, magazines; seed 004 rules 2, 10, 26: rounds while they
 * wait): the tasks owed in the period done on time, late, missed or still open — by kind and by
 * the staff member who did them.
 */
import { COMFORT_OUTCOMES, percent, type ComfortOutcome } from '../../../../shared/domain/report';
import { comfortCounts } from '../../../db/repositories/report';
import { keptComfortCounts } from '../../../db/repositories/report-facts';
import { factSplit } from '../report-facts';
import { column, type ReportSectionModule } from '../section';

type Tally = Record<ComfortOutcome, number>;
const emptyTally = (): Tally => ({ onTime: 0, late: 0, missed: 0, open: 0 });
const owed = (tally: Tally) => tally.onTime + tally.late + tally.missed + tally.open;

export const comfortSection: ReportSectionModule = {
  key: 'comfort',
  async build(context) {
    const { t, language } = context;
    // Finished days from their kept counts (migration 022), the rest (today) live.
    const { period, db } = context;
    const split = await factSplit(context);
    const rows = [
      ...(split.keptTo === null ? [] : await keptComfortCounts(db, period.from, split.keptTo)),
      ...(split.liveFrom === null ? [] : await comfortCounts(db, split.liveFrom, period.to)),
    ];
    const total = emptyTally();
    const byKind = new Map<string, { label: string; tally: Tally }>();
    const byStaff = new Map<string, Tally>();
    for (const row of rows) {
      total[row.outcome] += row.n;
      const label = row.kind === 'manual' ? t('report.comfort.manual') : ((language === 'en' ? row.label_en : row.label) ?? row.kind);
      const kind = byKind.get(row.kind) ?? { label, tally: emptyTally() };
      kind.tally[row.outcome] += row.n;
      byKind.set(row.kind, kind);
      if (row.staff_name !== null) {
        const staff = byStaff.get(row.staff_name) ?? emptyTally();
        staff[row.outcome] += row.n;
        byStaff.set(row.staff_name, staff);
      }
    }
    const figures = [
      { key: 'comfort.owed', label: t('report.comfort.owed'), unit: 'count' as const, value: owed(total), better: null },
      { key: 'comfort.onTimeShare', label: t('report.comfort.onTimeShare'), unit: 'percent' as const, value: percent(total.onTime, owed(total)), better: 'higher' as const },
      { key: 'comfort.late', label: t('report.comfort.late'), unit: 'count' as const, value: total.late, better: 'lower' as const },
      { key: 'comfort.missed', label: t('report.comfort.missed'), unit: 'count' as const, value: total.missed, better: 'lower' as const },
    ];
    if (context.figuresOnly) return { figures, tables: [], charts: [] };
    return {
      figures,
      tables: [
        {
          key: 'byKind',
          title: t('report.comfort.byKind'),
          columns: [column(context, 'task', 'text'), ...COMFORT_OUTCOMES.map((outcome) => column(context, outcome, 'count')), column(context, 'owed', 'count'), column(context, 'onTimeShare', 'percent')],
          rows: [...byKind.values()]
            .sort((a, b) => owed(b.tally) - owed(a.tally) || a.label.localeCompare(b.label))
            .map(({ label, tally }) => [label, ...COMFORT_OUTCOMES.map((outcome) => tally[outcome]), owed(tally), percent(tally.onTime, owed(tally))]),
        },
        {
          key: 'byStaff',
          title: t('report.comfort.byStaff'),
          columns: [column(context, 'staff', 'text'), column(context, 'onTime', 'count'), column(context, 'late', 'count'), column(context, 'done', 'count'), column(context, 'onTimeShare', 'percent')],
          rows: [...byStaff]
            .sort((a, b) => b[1].onTime + b[1].late - (a[1].onTime + a[1].late) || a[0].localeCompare(b[0]))
            .map(([name, tally]) => [name, tally.onTime, tally.late, tally.onTime + tally.late, percent(tally.onTime, tally.onTime + tally.late)]),
        },
      ],
      charts: [{ key: 'comfortByKind', title: t('report.comfort.chart'), kind: 'bar', table: 'byKind', x: 'task', series: ['onTime', 'late', 'missed', 'open'], stacked: true }],
    };
  },
};
