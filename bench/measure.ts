/** Timing helpers for the benchmarks: repeated runs, percentiles, a ratio against a floor. */

export interface Row {
  name: string;
  unit: 'ms' | '%';
  p50: number;
  p95: number;
  floorP50: number | null;
  floorP95: number | null;
  ratio: number | null;
  target: string;
  met: boolean | null;
  /** The means of every call, ours and the floor's (`compare`): what a cost paid once in many calls adds. */
  mean?: number;
  floorMean?: number;
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] as number;
}

/** The median of unsorted values, as `percentile` takes it (the lower middle of an even count). */
export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

/** Runs `task` `warmup` times unmeasured, then `runs` times, and returns the sorted durations in ms. */
export async function sample(task: () => unknown, runs: number, warmup = Math.min(50, runs)): Promise<number[]> {
  for (let index = 0; index < warmup; index += 1) await task();
  const durations: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = process.hrtime.bigint();
    await task();
    durations.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return durations.sort((a, b) => a - b);
}

/**
 * Measures ours and the floor interleaved in rounds, so a noisy moment of the machine hits both,
 * and returns a table row with the ratio of the p50s.
 *
 * `warmForMs`: both sides first run for this long, untimed, for reads whose calls use nothing up.
 * The running console's code is hot; the bench's first rows were not. In a process that has
 * loaded Playwright (the bench does), the first row timed after 50 warm-up calls measured our
 * JavaScript before V8 had optimised it: the first of the four search rows came out high whichever
 * row it was (pinyin initials first: 1.21–1.39× its floor, 1.10–1.12× in a process without
 * Playwright; phone digits first: 1.50–1.64×, and 1.18–1.19× after a second of warm-up a side:
 * docs/performance.md, 2026-12-06 night).
 */
export async function compare(
  name: string,
  ours: () => unknown,
  floor: () => unknown,
  runs: number,
  target: { maxRatio?: number; maxP95?: number; maxP50?: number; text: string },
  { warmForMs = 0 }: { warmForMs?: number } = {},
): Promise<Row> {
  for (const task of warmForMs > 0 ? [floor, ours] : []) {
    const until = performance.now() + warmForMs;
    do await task();
    while (performance.now() < until);
  }
  const oursAll: number[] = [];
  const floorAll: number[] = [];
  const rounds = 5;
  for (let round = 0; round < rounds; round += 1) {
    floorAll.push(...(await sample(floor, Math.ceil(runs / rounds), round === 0 ? undefined : 5)));
    oursAll.push(...(await sample(ours, Math.ceil(runs / rounds), round === 0 ? undefined : 5)));
  }
  oursAll.sort((a, b) => a - b);
  floorAll.sort((a, b) => a - b);
  const p50 = percentile(oursAll, 0.5);
  const p95 = percentile(oursAll, 0.95);
  const floorP50 = percentile(floorAll, 0.5);
  const floorP95 = percentile(floorAll, 0.95);
  const ratio = p50 / floorP50;
  const met =
    (target.maxRatio === undefined || ratio <= target.maxRatio) &&
    (target.maxP95 === undefined || p95 <= target.maxP95) &&
    (target.maxP50 === undefined || p50 <= target.maxP50);
  const mean = (all: number[]) => all.reduce((sum, value) => sum + value, 0) / all.length;
  return { name, unit: 'ms', p50, p95, floorP50, floorP95, ratio, target: target.text, met, mean: mean(oursAll), floorMean: mean(floorAll) };
}

/** An informational row under `row`: the means of its calls and their ratio (no target). */
export function meansRow(row: Row, name: string): Row {
  const ratio = row.mean !== undefined && row.floorMean ? row.mean / row.floorMean : null;
  return { name, unit: row.unit, p50: row.mean ?? Number.NaN, p95: Number.NaN, floorP50: row.floorMean ?? null, floorP95: null, ratio, target: '—', met: null };
}

export function formatTable(rows: Row[]): string {
  const fmt = (value: number | null, digits = 3) => (value === null || Number.isNaN(value) ? '—' : value.toFixed(digits));
  const lines = [
    ['what', 'p50 ms', 'p95 ms', 'floor p50', 'floor p95', 'ratio', 'target', 'met'],
    ...rows.map((row) => [row.name, fmt(row.p50), fmt(row.p95), fmt(row.floorP50), fmt(row.floorP95), fmt(row.ratio, 2), row.target, row.met === null ? '—' : row.met ? 'yes' : 'NO']),
  ];
  const widths = lines[0]!.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  return lines.map((line) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n');
}

/** A row from durations alone (no floor): its percentiles against an absolute target. */
export function summarise(name: string, durations: number[], floor: number[] | null, target: { maxP95?: number; maxP50?: number; maxRatio?: number; text: string }, unit: Row['unit'] = 'ms'): Row {
  const sorted = [...durations].sort((a, b) => a - b);
  const floorSorted = floor ? [...floor].sort((a, b) => a - b) : null;
  const p50 = percentile(sorted, 0.5);
  const p95 = percentile(sorted, 0.95);
  const floorP50 = floorSorted ? percentile(floorSorted, 0.5) : null;
  const floorP95 = floorSorted ? percentile(floorSorted, 0.95) : null;
  const ratio = floorP50 ? p50 / floorP50 : null;
  const met =
    (target.maxRatio === undefined || (ratio !== null && ratio <= target.maxRatio)) &&
    (target.maxP95 === undefined || p95 <= target.maxP95) &&
    (target.maxP50 === undefined || p50 <= target.maxP50);
  return { name, unit, p50, p95, floorP50, floorP95, ratio, target: target.text, met };
}
