/**
 * Waits (seed 004 rule 26: 顾客最讨厌的就是等待): check-in to called and called to in
 * consultation — median, p90 and longest — by hour of arrival, by doctor and by kind of visit.
 */
import type { ReportTable } from '../../../../shared/contract/report';
import { summariseWaits, VISIT_CLASSES } from '../../../../shared/domain/report';
import type { MessageKey } from '../../../../shared/i18n/messages';
import { column, type ReportSectionModule, type SectionContext } from '../section';
import { readVisitWaits, type VisitWait } from './visit-waits';

const pad = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** One row of figures for a group of visits: how many, then each stage's median, p90 and longest. */
function groupRow(label: string, waits: readonly VisitWait[]): (string | number | null)[] {
  const called = summariseWaits(waits.map((wait) => wait.toCalled));
  const consult = summariseWaits(waits.flatMap((wait) => (wait.toConsultation === null ? [] : [wait.toConsultation])));
  return [label, waits.length, called.median, called.p90, called.max, consult.median, consult.p90, consult.max];
}

function groupTable(context: SectionContext, key: string, first: ReturnType<typeof column>, groups: [string, VisitWait[]][]): ReportTable {
  return {
    key,
    title: context.t(`report.waits.${key}` as MessageKey),
    columns: [
      first,
      column(context, 'visits', 'count'),
      column(context, 'toCalledMedian', 'minutes'),
      column(context, 'toCalledP90', 'minutes'),
      column(context, 'toCalledMax', 'minutes'),
      column(context, 'toConsultMedian', 'minutes'),
      column(context, 'toConsultP90', 'minutes'),
      column(context, 'toConsultMax', 'minutes'),
    ],
    rows: groups.map(([label, waits]) => groupRow(label, waits)),
  };
}

function groupBy<K>(waits: readonly VisitWait[], keyOf: (wait: VisitWait) => K): Map<K, VisitWait[]> {
  const groups = new Map<K, VisitWait[]>();
  for (const wait of waits) {
    const key = keyOf(wait);
    const group = groups.get(key);
    if (group) group.push(wait);
    else groups.set(key, [wait]);
  }
  return groups;
}

export const waitsSection: ReportSectionModule = {
  key: 'waits',
  async build(context) {
    const { t } = context;
    const waits = await readVisitWaits(context);
    const called = summariseWaits(waits.map((wait) => wait.toCalled));
    const consult = summariseWaits(waits.flatMap((wait) => (wait.toConsultation === null ? [] : [wait.toConsultation])));
    const figures = [
      { key: 'waits.toCalledMedian', label: t('report.waits.toCalledMedian'), unit: 'minutes' as const, value: called.median, better: 'lower' as const },
      { key: 'waits.toCalledP90', label: t('report.waits.toCalledP90'), unit: 'minutes' as const, value: called.p90, better: 'lower' as const },
      { key: 'waits.toCalledMax', label: t('report.waits.toCalledMax'), unit: 'minutes' as const, value: called.max, better: 'lower' as const },
      { key: 'waits.toConsultMedian', label: t('report.waits.toConsultMedian'), unit: 'minutes' as const, value: consult.median, better: 'lower' as const },
      { key: 'waits.toConsultP90', label: t('report.waits.toConsultP90'), unit: 'minutes' as const, value: consult.p90, better: 'lower' as const },
    ];
    if (context.figuresOnly) return { figures, tables: [], charts: [] };

    const byHour = [...groupBy(waits, (wait) => wait.hour)].sort((a, b) => a[0] - b[0]).map(([hour, group]): [string, VisitWait[]] => [pad(hour), group]);
    const byDoctor = [...groupBy(waits, (wait) => wait.row.doctor_name ?? '')]
      .map(([name, group]): [string, VisitWait[]] => [name || t('report.noDoctor'), group])
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
    const classes = groupBy(waits, (wait) => wait.visitClass);
    const byClass = VISIT_CLASSES.map((name): [string, VisitWait[]] => [t(`report.class.${name}` as MessageKey), classes.get(name) ?? []]);
    return {
      figures,
      tables: [
        groupTable(context, 'byHour', column(context, 'hour', 'time'), byHour),
        groupTable(context, 'byDoctor', column(context, 'doctor', 'text'), byDoctor),
        groupTable(context, 'byClass', column(context, 'visitClass', 'text'), byClass),
      ],
      charts: [
        { key: 'waitsByHour', title: t('report.waits.chartByHour'), kind: 'line', table: 'byHour', x: 'hour', series: ['toCalledMedian', 'toCalledP90'], stacked: false },
        { key: 'waitsByDoctor', title: t('report.waits.chartByDoctor'), kind: 'bar', table: 'byDoctor', x: 'doctor', series: ['toCalledMedian', 'toCalledP90', 'toConsultMedian'], stacked: false },
      ],
    };
  },
};
