/**
 * `npm run bench -- --crash [--runs N] [--seed N]`: the crash test at full size (issue 19). The
 * real server on one data directory is killed with SIGKILL at a random moment N times (default
 * 1,000) while three desks write, and restarted each time: every acknowledged write must be there
 * and nothing half-done; then N/20 kills (at least 10) while it migrates, from an empty directory
 * and from older schema versions. `npm test` runs 30 and 8 of these (tests/node/crash-safety.test.ts).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCrashRounds } from '../tests/helpers/crash/crash-rounds';
import { runMigrationKills } from '../tests/helpers/crash/migration-kills';
import { SERVER_BUNDLE, serverBundleBuilt } from '../tests/helpers/crash/server-process';
import { TEST_NOW } from '../tests/helpers/test-moment';

export async function runCrash(options: { runs?: number | undefined; seed: number }): Promise<void> {
  if (!serverBundleBuilt()) throw new Error(`${SERVER_BUNDLE} is missing: run node scripts/build.mjs server`);
  const rounds = options.runs ?? 1000;
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--runs takes a number of rounds, not ${String(options.runs)}`);
  const workDir = resolve('.tmp/crash', `run-${String(process.pid)}`);
  mkdirSync(workDir, { recursive: true });
  const log = (line: string) => console.log(`· ${line}`);
  log(`crash: ${String(rounds)} kills at random moments, seed ${String(options.seed)}, moment ${TEST_NOW}, data in ${workDir}`);
  try {
    const crash = await runCrashRounds({ dataDir: join(workDir, 'data'), now: TEST_NOW, rounds, seed: options.seed, maxKillAfterMs: 800, log });
    const perRound = crash.elapsedMs / Math.max(1, crash.rounds);
    log(
      `crash: ${String(crash.rounds)} rounds survived of ${String(rounds)}; ${String(crash.acknowledged)} writes acknowledged, ${String(crash.verified)} acknowledged records verified after the last restart, ${String(crash.visits)} visits, ${String(crash.inFlightAtKill)} writes unanswered at a kill; ${(crash.elapsedMs / 1000).toFixed(0)} s (${(perRound / 1000).toFixed(2)} s a round, 1,000 rounds ≈ ${((perRound * 1000) / 60_000).toFixed(0)} min)`,
    );
    const migrationRounds = Math.max(10, Math.round(rounds / 20));
    const started = performance.now();
    const migration = await runMigrationKills({ workDir, now: TEST_NOW, rounds: migrationRounds, seed: options.seed, log });
    log(
      `crash: ${String(migration.rounds)} kills while starting, ${String(migration.beforeReady)} before the schema was ready, ${String(migration.leftUnmigrated)} left at an older version; ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    const problems = [...crash.problems, ...migration.problems];
    if (problems.length > 0) {
      for (const problem of problems) console.error(`  ✗ ${problem}`);
      console.error(`crash: FAILED in round ${String(crash.failedRound ?? '(migration)')} — replay with --seed ${String(options.seed)}`);
      process.exitCode = 1;
    } else {
      log('crash: every acknowledged write survived, nothing half-done, integrity_check ok');
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
