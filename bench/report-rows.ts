/**
 * The report rows (issue 18): a month's and a year's manager's report, compared with the period
 * before as the page asks for it, at the five-year clinic, against the same aggregates written by
 * hand on raw better-sqlite3 (./report-floor.ts), measured interleaved in the same run. Targets: a
 * month p95 ≤ 300 ms, a year p95 ≤ 2 s, each ≤ 1.3× its floor. `npm run bench -- --report` runs
 * these rows alone.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../electron/db/schema';
import { createReportService } from '../electron/services/report/report-service';
import { addDays } from '../shared/domain/clinic-time';
import { previousPeriod } from '../shared/domain/report';
import { ANCHOR_DATE } from './generate-clinic';
import { percentile, type Row } from './measure';
import { createReportFloor } from './report-floor';

/**
 * Ours and the floor alternately, one call each per round after one warm-up each: a report takes
 * a large part of a second to seconds, so the shared `compare` (five rounds with five warm-ups
 * each) would spend most of the run warming up. The ratio is of the p50s.
 */
async function compareSlow(name: string, ours: () => Promise<unknown>, floor: () => unknown, runs: number, target: { maxP95: number; maxRatio: number; text: string }): Promise<Row> {
  await ours();
  floor();
  const oursAll: number[] = [];
  const floorAll: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    let start = process.hrtime.bigint();
    floor();
    floorAll.push(Number(process.hrtime.bigint() - start) / 1e6);
    start = process.hrtime.bigint();
    await ours();
    oursAll.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  oursAll.sort((a, b) => a - b);
  floorAll.sort((a, b) => a - b);
  const p50 = percentile(oursAll, 0.5);
  const p95 = percentile(oursAll, 0.95);
  const floorP50 = percentile(floorAll, 0.5);
  const ratio = p50 / floorP50;
  return { name, unit: 'ms', p50, p95, floorP50, floorP95: percentile(floorAll, 0.95), ratio, target: target.text, met: p95 <= target.maxP95 && ratio <= target.maxRatio };
}

export async function runReportRows(options: { sqlite: BetterSqlite3.Database; db: Kysely<Database>; now: Date; smoke: boolean }): Promise<Row[]> {
  const { sqlite, db, now, smoke } = options;
  const service = createReportService();
  const floor = createReportFloor(sqlite);
  const lastDay = addDays(ANCHOR_DATE, -1);
  // The last whole month and the last year of the generated history.
  const month = { from: `${lastDay.slice(0, 8)}01`, to: lastDay };
  const year = { from: addDays(ANCHOR_DATE, -365), to: lastDay };
  const rows: Row[] = [];
  for (const [name, period, runs, target] of [
    ['report: a month, compared with the month before', month, smoke ? 3 : 12, { maxP95: 300, maxRatio: 1.3, text: 'p95 ≤ 300 ms; ≤ 1.3× floor' }],
    ['report: a year, compared with the year before', year, smoke ? 1 : 4, { maxP95: 2000, maxRatio: 1.3, text: 'p95 ≤ 2 s; ≤ 1.3× floor' }],
  ] as const) {
    const before = previousPeriod(period.from, period.to);
    rows.push(
      await compareSlow(
        name,
        () => service.build(db, { from: period.from, to: period.to, compare: true, language: 'zh-CN' }, now),
        () => floor(period.from, period.to, before.from, before.to, now),
        runs,
        target,
      ),
    );
  }
  return rows;
}
