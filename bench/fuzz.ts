/**
 * `npm run bench -- --fuzz [--runs N] [--seed N]`: issue 19's bad inputs at scale. For every
 * method of the contract, N inputs (default 10,000: every case made by rule, then fast-check's
 * random ones) over real HTTP to the real server on a real SQLite file with the demo clinic.
 * Prints per method the inputs tried, the answers by status, any 5xx, hang or other broken
 * promise with the input that caused it, and the time; then one stalled body (a 408 within
 * ~60 s). Exits 1 when anything was wrong. The test suite sends a few hundred of the same.
 */
import fc from 'fast-check';
import { methodNames } from '../shared/contract/index';
import { fuzzMethod, stalledBodyCase, type BadCase } from '../tests/fuzz/bad-inputs';
import { startFuzzServer } from '../tests/fuzz/fuzz-server';

export interface FuzzOptions {
  /** Inputs per method. */
  runs: number;
  seed: number;
}

/** Random cases are made this many at a time, so 10,000 bodies are never all in memory. */
const BATCH = 500;

function* casesOf(method: string, runs: number, seed: number): Generator<BadCase> {
  const fuzz = fuzzMethod(method);
  const fixed = runs >= fuzz.fixed.length ? fuzz.fixed : fc.sample(fc.constantFrom(...fuzz.fixed), { seed, numRuns: runs });
  for (const make of fixed) yield make();
  for (let made = fixed.length, batch = 0; made < runs; batch += 1) {
    const count = Math.min(BATCH, runs - made);
    yield* fc.sample(fuzz.random, { seed: seed + batch, numRuns: count });
    made += count;
  }
}

const shown = (badCase: BadCase) => `${badCase.label} · body ${JSON.stringify(badCase.body?.slice(0, 160) ?? null)}${(badCase.body?.length ?? 0) > 160 ? ` … (${String(badCase.body?.length)} chars)` : ''}`;

export async function runFuzz(options: FuzzOptions): Promise<void> {
  const started = performance.now();
  const server = await startFuzzServer();
  let total = 0;
  const problems: string[] = [];
  try {
    console.log(`· fuzz: ${String(methodNames.length)} methods × ${String(options.runs)} inputs, seed ${String(options.seed)}`);
    for (const method of methodNames) {
      const began = performance.now();
      const byStatus = new Map<number, number>();
      const wrong: string[] = [];
      let tried = 0;
      for (const badCase of casesOf(method, options.runs, options.seed)) {
        const verdict = await server.send(badCase);
        tried += 1;
        const status = verdict.answer.hung ? 0 : verdict.answer.status;
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        if (verdict.problem) wrong.push(`    ✗ ${verdict.problem}\n      ${shown(badCase)}`);
      }
      total += tried;
      const statuses = [...byStatus].sort(([a], [b]) => a - b).map(([status, count]) => `${status === 0 ? 'hang' : String(status)}×${String(count)}`).join(' ');
      const seconds = ((performance.now() - began) / 1000).toFixed(1);
      console.log(`${wrong.length ? '✗' : '✓'} ${method.padEnd(28)} ${String(tried).padStart(6)} inputs  ${statuses}  ${seconds} s${wrong.length ? `  ${String(wrong.length)} WRONG` : ''}`);
      for (const line of wrong.slice(0, 5)) console.log(line);
      if (wrong.length > 5) console.log(`    … and ${String(wrong.length - 5)} more`);
      problems.push(...wrong.map((line) => `${method}: ${line.trim()}`));
    }
    const stalled = stalledBodyCase('customers.create');
    const verdict = await server.send(stalled);
    console.log(`${verdict.problem ? '✗' : '✓'} a body stalled half-way: ${verdict.answer.hung ? 'no answer' : String(verdict.answer.status)}${verdict.problem ? ` — ${verdict.problem}` : ''}`);
    if (verdict.problem) problems.push(`stalled body: ${verdict.problem}`);
    if (server.errors.length > 0) problems.push(...server.errors.map((error) => `logged internal error: ${String(error)}`));
  } finally {
    await server.close();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`fuzz: ${String(total + 1)} inputs to ${String(methodNames.length)} methods in ${seconds.toFixed(1)} s (${((seconds * 1000) / (total + 1)).toFixed(2)} ms each); ${String(problems.length)} wrong`);
  if (problems.length > 0) process.exitCode = 1;
}
