/**
 * The queue over the day: how many customers were waiting at each quarter hour of the clinic's
 * day (over a longer period: on average over its days, and at most), from every stretch of waiting.
 */
import { column, type ReportSectionModule } from '../section';
import { readVisitWaits } from './visit-waits';

const STEP_MINUTES = 15;
const clockText = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The index of the first of `sorted` at or after `value` (`sorted.length` when none). */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export const queueSection: ReportSectionModule = {
  key: 'queue',
  async build(context) {
    const { period, settings, t } = context;
    const visits = await readVisitWaits(context);
    // The clinic's hours, widened to the hour of the earliest and the latest wait of the period.
    let first = minutesOf(settings.opensAt);
    let last = minutesOf(settings.closesAt);
    const { clock } = period;
    for (const visit of visits) {
      const day = visit.row.clinic_date;
      const dayEnd = clock.dayEnd(day);
      for (const [start, end] of visit.stretches) {
        first = Math.min(first, clock.hourMinute(start, day).hour * 60);
        if (end < dayEnd) {
          const until = clock.hourMinute(end, day);
          last = Math.max(last, Math.min(23 * 60 + 45, until.hour * 60 + until.minute));
        }
      }
    }
    first = Math.floor(first / STEP_MINUTES) * STEP_MINUTES;
    const marks: number[] = [];
    for (let minutes = first; minutes <= last; minutes += STEP_MINUTES) marks.push(minutes);
    // Per day, the instant of each mark, and how many were waiting at it.
    const instants = new Map<string, number[]>(period.days.map((day) => [day, marks.map((minutes) => clock.instant(day, minutes))]));
    const counts = new Map<string, number[]>(period.days.map((day) => [day, marks.map(() => 0)]));
    for (const visit of visits) {
      const at = instants.get(visit.row.clinic_date);
      const count = counts.get(visit.row.clinic_date);
      if (!at || !count) continue;
      // The marks in [start, end), found by binary search in the day's sorted marks.
      for (const [start, end] of visit.stretches) {
        for (let index = firstAtOrAfter(at, start); index < at.length && at[index]! < end; index += 1) count[index]! += 1;
      }
    }
    const days = period.days.length;
    const rows = marks.map((minutes, index) => {
      let total = 0;
      let most = 0;
      for (const count of counts.values()) {
        total += count[index]!;
        most = Math.max(most, count[index]!);
      }
      return [clockText(minutes), Math.round((total / days) * 10) / 10, most];
    });
    const peak = rows.reduce((most, row) => Math.max(most, row[2] as number), 0);
    const single = days === 1;
    return {
      figures: [{ key: 'queue.peak', label: t('report.queue.peak'), unit: 'count', value: peak, better: 'lower' }],
      tables: context.figuresOnly
        ? []
        : [
            {
              key: 'overDay',
              title: t('report.queue.overDay'),
              columns: single
                ? [column(context, 'time', 'time'), column(context, 'waiting', 'count')]
                : [column(context, 'time', 'time'), column(context, 'waitingMean', 'count'), column(context, 'waitingMost', 'count')],
              rows: single ? rows.map((row) => [row[0]!, row[2]!]) : rows,
            },
          ],
      charts: context.figuresOnly
        ? []
        : [{ key: 'queueOverDay', title: t('report.queue.overDay'), kind: 'line', table: 'overDay', x: 'time', series: single ? ['waiting'] : ['waitingMean', 'waitingMost'], stacked: false }],
    };
  },
};
