/**
 * Which of a period's days the report reads from the kept facts of finished days, and keeping the
 * finished days not yet kept (migration 022; docs/performance.md). A finished day is one whose end
 * has passed: its waits are counted to the end of the day at the latest, so its facts no longer
 * change unless a row of it is written, and then the triggers forget it. The facts are a cache: when
 * they cannot be written (writes refused during a restore, a full disk), the report reads live.
 */
import type { Kysely, Transaction } from 'kysely';
import { addDays } from '../../../shared/domain/clinic-time';
import { keepDays, keptDays } from '../../db/repositories/report-facts';
import type { Database } from '../../db/schema';
import type { SectionContext } from './section';

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
      const keep = async (trx: Kysely<Database> | Transaction<Database>) => {
        for (const [first, last, days] of runsOf(missing)) await keepDays(trx, first, last, days, now.toISOString());
      };
      if (db.isTransaction) await keep(db);
      else await (db as Kysely<Database>).transaction().execute(keep);
      return split;
    } catch {
      return live;
    }
  });
}
