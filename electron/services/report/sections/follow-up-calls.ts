/**
 * Follow-up calls (seed 000 step 10: after surgery the clinic calls, and asks again after a
 * consultation left "thinking it over"): the calls due on the period's days, those called at least
 * once, those that reached the customer, and those still open after their day (overdue) — by kind
 * of call, by day and by the staff member who reached the customer. A call counts on its due day.
 */
import { clinicDateOf } from '../../../../shared/domain/clinic-time';
import { percent } from '../../../../shared/domain/report';
import type { MessageKey } from '../../../../shared/i18n/messages';
import { followUpCalls } from '../../../db/repositories/report-care';
import { column, type ReportSectionModule } from '../section';

interface Tally {
  due: number;
  called: number;
  reached: number;
  overdue: number;
}
const emptyTally = (): Tally => ({ due: 0, called: 0, reached: 0, overdue: 0 });
const KINDS = ['surgery', 'consultation'] as const;

export const followUpCallsSection: ReportSectionModule = {
  key: 'followUpCalls',
  async build(context) {
    const { t, period, settings, now } = context;
    const rows = await followUpCalls(context.db, period.from, period.to);
    const today = clinicDateOf(now, settings.timeZone);
    const total = emptyTally();
    const byKind = new Map<string, Tally>(KINDS.map((kind) => [kind, emptyTally()]));
    const byDay = new Map<string, Tally>(period.days.map((day) => [day, emptyTally()]));
    const byStaff = new Map<string, number>();
    for (const row of rows) {
      // Overdue: still open after its day (seed 000 step 10: the call is owed on its day).
      const overdue = row.open === 1 && row.due_date < today ? row.n : 0;
      for (const tally of [total, byKind.get(row.kind), byDay.get(row.due_date)]) {
        if (!tally) continue;
        tally.due += row.n;
        tally.called += row.called * row.n;
        tally.reached += row.reached * row.n;
        tally.overdue += overdue;
      }
      if (row.reached === 1 && row.staff_name !== null) byStaff.set(row.staff_name, (byStaff.get(row.staff_name) ?? 0) + row.n);
    }
    const figures = [
      { key: 'followUpCalls.due', label: t('report.followUpCalls.due'), unit: 'count' as const, value: total.due, better: null },
      { key: 'followUpCalls.called', label: t('report.followUpCalls.called'), unit: 'count' as const, value: total.called, better: 'higher' as const },
      { key: 'followUpCalls.reachedShare', label: t('report.followUpCalls.reachedShare'), unit: 'percent' as const, value: percent(total.reached, byKind.get('surgery')!.due), better: 'higher' as const },
      { key: 'followUpCalls.overdue', label: t('report.followUpCalls.overdue'), unit: 'count' as const, value: total.overdue, better: 'lower' as const },
    ];
    if (context.figuresOnly) return { figures, tables: [], charts: [] };
    const tallyColumns = [column(context, 'due', 'count'), column(context, 'called', 'count'), column(context, 'reached', 'count'), column(context, 'overdue', 'count')];
    const cells = (tally: Tally) => [tally.due, tally.called, tally.reached, tally.overdue];
    return {
      figures,
      tables: [
        {
          key: 'byKind',
          title: t('report.followUpCalls.byKind'),
          columns: [column(context, 'callKind', 'text'), ...tallyColumns],
          rows: KINDS.map((kind) => [t(`report.followUpCalls.kind.${kind}` as MessageKey), ...cells(byKind.get(kind)!)]),
        },
        {
          key: 'byDay',
          title: t('report.followUpCalls.byDay'),
          columns: [column(context, 'date', 'date'), ...tallyColumns],
          rows: [...byDay].map(([day, tally]) => [day, ...cells(tally)]),
        },
        {
          key: 'byStaff',
          title: t('report.followUpCalls.byStaff'),
          columns: [column(context, 'staff', 'text'), column(context, 'reached', 'count')],
          rows: [...byStaff].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, count]) => [name, count]),
        },
      ],
      charts: [{ key: 'callsByDay', title: t('report.followUpCalls.chart'), kind: 'bar', table: 'byDay', x: 'date', series: ['due', 'called', 'reached', 'overdue'], stacked: false }],
    };
  },
};
