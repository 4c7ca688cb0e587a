/**
 * Ward rounds kept (seed 004 rule 12: "每天至少查房两次，每次不少于 10 分钟"; rule 4: night rounds
 * at set hours): the rounds due in the period kept (ended ≥ 10 minutes after they began), short,
 * missed (withdrawn after they fell due, never done) or still open; the stay-days with two day
 * rounds kept; and by the nurse who ended them. A round counts on the clinic day it was due, once.
 */
import { mean, percent } from '../../../../shared/domain/report';
import { ROUND_MIN_MINUTES, roundLength } from '../../../../shared/domain/ward-tasks';
import { wardRounds } from '../../../db/repositories/report-care';
import { column, type ReportSectionModule } from '../section';

type RoundOutcome = 'kept' | 'short' | 'missed' | 'open';
type Tally = Record<RoundOutcome, number>;
const emptyTally = (): Tally => ({ kept: 0, short: 0, missed: 0, open: 0 });
const owed = (tally: Tally) => tally.kept + tally.short + tally.missed + tally.open;

/** How one round went (seed 004 rule 12), and how long it lasted in whole minutes when it was ended. */
export function roundOutcome(round: { started_at: string | null; done_at: string | null; cancelled_at: string | null }): { outcome: RoundOutcome; minutes: number | null } {
  if (round.done_at !== null) {
    if (round.started_at === null) return { outcome: 'short', minutes: null };
    const length = roundLength(round.started_at, round.done_at, ROUND_MIN_MINUTES);
    return { outcome: length.short ? 'short' : 'kept', minutes: length.minutes };
  }
  return { outcome: round.cancelled_at !== null ? 'missed' : 'open', minutes: null };
}

export const wardRoundsSection: ReportSectionModule = {
  key: 'wardRounds',
  async build(context) {
    const { t, period } = context;
    const rows = await wardRounds(context.db, period.start, period.end);
    const total = emptyTally();
    // Day rounds per stay and clinic day: [due, kept].
    const stayDays = new Map<string, [number, number]>();
    const byDay = new Map<string, Tally & { stayDays: number; twice: number }>(period.days.map((day) => [day, { ...emptyTally(), stayDays: 0, twice: 0 }]));
    const byNurse = new Map<string, { tally: Tally; minutes: number[] }>();
    for (const row of rows) {
      const { outcome, minutes } = roundOutcome(row);
      total[outcome] += 1;
      const day = period.clock.dayOf(Date.parse(row.due_at));
      const daily = byDay.get(day);
      if (daily) daily[outcome] += 1;
      if (row.kind === 'round') {
        const key = `${row.stay_id}|${day}`;
        const stayDay = stayDays.get(key) ?? [0, 0];
        stayDay[0] += 1;
        if (outcome === 'kept') stayDay[1] += 1;
        stayDays.set(key, stayDay);
      }
      if (row.nurse_name !== null && (outcome === 'kept' || outcome === 'short')) {
        const nurse = byNurse.get(row.nurse_name) ?? { tally: emptyTally(), minutes: [] };
        nurse.tally[outcome] += 1;
        if (minutes !== null) nurse.minutes.push(minutes);
        byNurse.set(row.nurse_name, nurse);
      }
    }
    // "Twice a day": of the stay-days with at least two day rounds due, those with two kept.
    let fullDays = 0;
    let twiceKept = 0;
    for (const [key, [due, kept]] of stayDays) {
      const daily = byDay.get(key.slice(key.indexOf('|') + 1));
      if (due < 2) continue;
      fullDays += 1;
      if (daily) daily.stayDays += 1;
      if (kept >= 2) {
        twiceKept += 1;
        if (daily) daily.twice += 1;
      }
    }
    const figures = [
      { key: 'wardRounds.owed', label: t('report.wardRounds.owed'), unit: 'count' as const, value: owed(total), better: null },
      { key: 'wardRounds.keptShare', label: t('report.wardRounds.keptShare'), unit: 'percent' as const, value: percent(total.kept, owed(total)), better: 'higher' as const },
      { key: 'wardRounds.short', label: t('report.wardRounds.short'), unit: 'count' as const, value: total.short, better: 'lower' as const },
      { key: 'wardRounds.missed', label: t('report.wardRounds.missed'), unit: 'count' as const, value: total.missed, better: 'lower' as const },
      { key: 'wardRounds.twiceShare', label: t('report.wardRounds.twiceShare'), unit: 'percent' as const, value: percent(twiceKept, fullDays), better: 'higher' as const },
    ];
    if (context.figuresOnly) return { figures, tables: [], charts: [] };
    const tallyColumns = [column(context, 'kept', 'count'), column(context, 'short', 'count'), column(context, 'missed', 'count'), column(context, 'open', 'count')];
    return {
      figures,
      tables: [
        {
          key: 'byNurse',
          title: t('report.wardRounds.byNurse'),
          columns: [column(context, 'staff', 'text'), column(context, 'kept', 'count'), column(context, 'short', 'count'), column(context, 'meanMinutes', 'minutes')],
          rows: [...byNurse]
            .sort((a, b) => b[1].tally.kept + b[1].tally.short - (a[1].tally.kept + a[1].tally.short) || a[0].localeCompare(b[0]))
            .map(([name, nurse]) => [name, nurse.tally.kept, nurse.tally.short, mean(nurse.minutes)]),
        },
        {
          key: 'byDay',
          title: t('report.wardRounds.byDay'),
          columns: [column(context, 'date', 'date'), column(context, 'owed', 'count'), ...tallyColumns, column(context, 'stayDays', 'count'), column(context, 'twiceKept', 'count')],
          rows: [...byDay].map(([day, row]) => [day, owed(row), row.kept, row.short, row.missed, row.open, row.stayDays, row.twice]),
        },
      ],
      charts: [{ key: 'roundsByNurse', title: t('report.wardRounds.chart'), kind: 'bar', table: 'byNurse', x: 'staff', series: ['kept', 'short'], stacked: true }],
    };
  },
};
