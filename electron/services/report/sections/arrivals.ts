/**
 * Arrivals (seed 000 step 5): who came, by ticket kind and by first visit, return or follow-up;
 * walk-ins; the appointments that did not come — no-shows and cancellations with their reasons.
 */
import { clinicDateOf, clinicDayRange } from '../../../../shared/domain/clinic-time';
import { starDigitRuns, VISIT_CLASSES, type VisitClass } from '../../../../shared/domain/report';
import type { MessageKey } from '../../../../shared/i18n/messages';
import { missedAppointments } from '../../../db/repositories/report';
import { column, type ReportSectionModule } from '../section';
import { readVisitWaits } from './visit-waits';

interface DayRow {
  appointment: number;
  walk_in: number;
  followup: number;
  noShow: number;
  cancelled: number;
}

export const arrivalsSection: ReportSectionModule = {
  key: 'arrivals',
  async build(context) {
    const { db, period, settings, now, t } = context;
    const visits = await readVisitWaits(context);
    const missed = await missedAppointments(db, period.start, period.end, clinicDayRange(clinicDateOf(now, settings.timeZone), settings.timeZone).start);
    const byDay = new Map<string, DayRow>(period.days.map((day) => [day, { appointment: 0, walk_in: 0, followup: 0, noShow: 0, cancelled: 0 }]));
    const byClass = new Map<VisitClass, number>(VISIT_CLASSES.map((name) => [name, 0]));
    let total = 0;
    for (const { row, visitClass: name } of visits) {
      const day = byDay.get(row.clinic_date);
      if (day && (row.kind === 'appointment' || row.kind === 'walk_in' || row.kind === 'followup')) day[row.kind] += 1;
      byClass.set(name, (byClass.get(name) ?? 0) + 1);
      total += 1;
    }
    const reasons = new Map<string, number>();
    for (const row of missed) {
      const day = byDay.get(period.clock.dayOf(Date.parse(row.starts_at)));
      if (row.status === 'cancelled') {
        if (day) day.cancelled += 1;
        const reason = starDigitRuns((row.cancel_reason ?? '').trim()) || t('report.arrivals.noReason');
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      } else if (day) day.noShow += 1;
    }
    const sum = (pick: (row: DayRow) => number) => [...byDay.values()].reduce((all, row) => all + pick(row), 0);
    return {
      figures: [
        { key: 'arrivals.total', label: t('report.arrivals.total'), unit: 'count', value: total, better: null },
        { key: 'arrivals.walkIns', label: t('report.arrivals.walkIns'), unit: 'count', value: sum((row) => row.walk_in), better: null },
        { key: 'arrivals.noShows', label: t('report.arrivals.noShows'), unit: 'count', value: sum((row) => row.noShow), better: 'lower' },
        { key: 'arrivals.cancelled', label: t('report.arrivals.cancelled'), unit: 'count', value: sum((row) => row.cancelled), better: 'lower' },
      ],
      tables: context.figuresOnly
        ? []
        : [
            {
              key: 'byDay',
              title: t('report.arrivals.byDay'),
              columns: [
                column(context, 'date', 'date'),
                column(context, 'appointment', 'count'),
                column(context, 'walkIn', 'count'),
                column(context, 'followup', 'count'),
                column(context, 'total', 'count'),
                column(context, 'noShows', 'count'),
                column(context, 'cancelled', 'count'),
              ],
              rows: [...byDay].map(([day, row]) => [day, row.appointment, row.walk_in, row.followup, row.appointment + row.walk_in + row.followup, row.noShow, row.cancelled]),
            },
            {
              key: 'byClass',
              title: t('report.arrivals.byClass'),
              columns: [column(context, 'visitClass', 'text'), column(context, 'visits', 'count')],
              rows: VISIT_CLASSES.map((name) => [t(`report.class.${name}` as MessageKey), byClass.get(name) ?? 0]),
            },
            {
              key: 'cancelReasons',
              title: t('report.arrivals.cancelReasons'),
              columns: [column(context, 'reason', 'text'), column(context, 'count', 'count')],
              rows: [...reasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([reason, count]) => [reason, count]),
            },
          ],
      charts: context.figuresOnly
        ? []
        : [{ key: 'arrivalsByDay', title: t('report.arrivals.byDay'), kind: 'bar', table: 'byDay', x: 'date', series: ['appointment', 'walkIn', 'followup'], stacked: true }],
    };
  },
};
