/**
 * Which of a period's days the report reads from the kept facts of finished days, and keeping the
 * finished days not yet kept (migration 022; docs/performance.md). A finished day is one whose end
 * has passed: its waits are counted to the end of the day at the latest, so its facts no longer
 * change unless a row of it is written, and then the triggers forget it. The facts are a cache: when
 * they cannot be written (writes refused during a restore, a full disk), the report reads live.
 */
import type { Kysely, Transaction } from 'kysely';
import { addDays } from '../../../shared/domain/clinic-time';
import { visitClass } from '../../../shared/domain/report';
import { reportVisits, visitWaitRows } from '../../db/repositories/report';
import { keepDays, keptDays, keptVisits } from '../../db/repositories/report-facts';
import type { Database } from '../../db/schema';
import type { PeriodClock } from './period-clock';
import type { SectionContext } from './section';
import { visitWaitOf, type VisitWait } from './visit-wait';

type Db = Kysely<Database> | Transaction<Database>;
const DAY_MS = 86_400_000;

/**
 * Where the escorts of the visits of `from`…`to` are found by their request time: from the first
 * day's start to a day after the last day's end (an escort is requested after its visit arrived,
 * and at most a day after its visit's day ends). The live read and the kept facts use the same window.
 */
export function escortWindow(clock: PeriodClock, from: string, to: string): { start: string; endPlusDay: string } {
  return { start: new Date(clock.dayStart(from)).toISOString(), endPlusDay: new Date(clock.dayEnd(to) + DAY_MS).toISOString() };
}

/** The period's days `from`…`keptTo` come from the kept facts; `liveFrom`…`to` are read live. */
export interface FactSplit {
  keptTo: string | null;
  liveFrom: string | null;
}

/** Contiguous runs of days, as [first, last, days]. */
function runsOf(days: readonly string[]): [string, string, string[]][] {
  const runs: [string, string, string[]][] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && addDays(last[1], 1) === day) {
      last[1] = day;
      last[2].push(day);
    } else runs.push([day, day, [day]]);
  }
  return runs;
}

/** Works out the visits of the finished days `first`…`last` as the live report would, and keeps them. */
async function keepRun(db: Db, context: SectionContext, first: string, last: string, days: string[]): Promise<void> {
  const { now, settings, period } = context;
  const rows = new Map((await visitWaitRows(db, first, last)).map((row) => [row.visit_id, row]));
  const facts = (await reportVisits(db, first, last)).map((visit) => {
    const wait = visitWaitOf(visit, rows.get(visit.id), now, settings.timeZone, period.clock.dayEnd(visit.clinic_date), period.clock);
    return {
      visit_id: visit.id,
      clinic_date: visit.clinic_date,
      ticket: visit.ticket,
      kind: visit.kind,
      arrived_at: visit.arrived_at,
      doctor_id: visit.doctor_id,
      earlier: visit.earlier,
      hour: wait.hour,
      to_called_s: wait.toCalled,
      to_consult_s: wait.toConsultation,
      stretches_ms: wait.stretches.map(([start, end]) => `${start}>${end}`).join(','),
    };
  });
  await keepDays(db, first, last, days, facts, escortWindow(period.clock, first, last), now.toISOString());
}

export function factSplit(context: SectionContext): Promise<FactSplit> {
  return context.shared('factSplit', async () => {
    const { db, period, now } = context;
    const finished = period.days.filter((day) => period.clock.dayEnd(day) <= now.getTime());
    const live: FactSplit = { keptTo: null, liveFrom: period.from };
    if (finished.length === 0) return live;
    const keptTo = finished[finished.length - 1]!;
    const split: FactSplit = { keptTo, liveFrom: keptTo === period.to ? null : addDays(keptTo, 1) };
    try {
      const kept = await keptDays(db, period.from, keptTo);
      const missing = finished.filter((day) => !kept.has(day));
      if (missing.length === 0) return split;
      const keep = async (trx: Db) => {
        for (const [first, last, days] of runsOf(missing)) await keepRun(trx, context, first, last, days);
      };
      if (db.isTransaction) await keep(db);
      else await (db as Kysely<Database>).transaction().execute(keep);
      return split;
    } catch {
      return live;
    }
  });
}

/** The kept visits of `from`…`to` as the sections read them. */
export async function keptVisitWaits(db: Db, from: string, to: string): Promise<VisitWait[]> {
  const rows = await keptVisits(db, from, to);
  return rows.map((row) => ({
    row,
    visitClass: visitClass(row.kind, row.earlier === 1),
    hour: row.hour,
    toCalled: row.to_called_s,
    toConsultation: row.to_consult_s,
    stretches: row.stretches_ms === '' ? [] : row.stretches_ms.split(',').map((stretch) => {
      const cut = stretch.indexOf('>');
      return [Number(stretch.slice(0, cut)), Number(stretch.slice(cut + 1))] as [number, number];
    }),
  }));
}
