/**
 * The database's integrity check at start (DESIGN.md, durability): `PRAGMA quick_check`, which
 * reads every page. On five years of a busy clinic that is 1–2 s of a 1 GB file (bench), so:
 * after an unclean shutdown (a crash, a power cut: SQLite left its write-ahead log behind) the
 * console checks before it opens, as ever; after a clean one it opens at once and checks on a
 * read-only connection of its own in a worker thread. Either way a failed check stops every write
 * (`refusal`), and says so at `/api/health` and in the log: the data is then restored from backup.
 */
import { existsSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/contract/errors';

export type IntegrityState =
  | { state: 'checking' }
  | { state: 'ok'; checkedAt: string }
  | { state: 'failed'; checkedAt: string; problems: string[] };

/** Whether the last session on `file` ended cleanly: SQLite deletes the WAL when the last connection closes. */
export function shutDownCleanly(file: string): boolean {
  if (file === ':memory:' || !existsSync(file)) return true;
  const wal = `${file}-wal`;
  return !existsSync(wal) || statSync(wal).size === 0;
}

export interface IntegrityWatch {
  current(): IntegrityState;
  /** The error every write gets while the check has failed, or null. */
  refusal(): AppError | null;
  /** Settles when the check has finished (at once when it ran at start). */
  settled(): Promise<IntegrityState>;
  stop(): Promise<void>;
}

/** A check already made at start (or none needed, in memory). */
export function checkedAtStart(now: Date): IntegrityWatch {
  const state: IntegrityState = { state: 'ok', checkedAt: now.toISOString() };
  return { current: () => state, refusal: () => null, settled: () => Promise.resolve(state), stop: () => Promise.resolve() };
}

/**
 * The worker that reads a whole database file off the main thread (quick-check-worker.cjs): beside
 * this module in the source tree (tests) and beside the bundle in dist/ (the build copies it); in
 * the packaged app it is unpacked beside the archive (electron-builder.yml).
 */
export function checkWorkerScript(): string {
  return join(__dirname, 'quick-check-worker.cjs').replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
}

/**
 * Starts the check of `file` in a worker thread. `onFailed` hears of a failure once (the log).
 *
 * @example const integrity = checkInBackground(file, () => new Date(), (problems) => console.error(problems));
 */
export function checkInBackground(file: string, now: () => Date, onFailed: (problems: string[]) => void): IntegrityWatch {
  let state: IntegrityState = { state: 'checking' };
  const worker = new Worker(checkWorkerScript(), { workerData: { file } });
  const finish = (ok: boolean, problems: string[]) => {
    if (state.state !== 'checking') return;
    state = ok ? { state: 'ok', checkedAt: now().toISOString() } : { state: 'failed', checkedAt: now().toISOString(), problems };
    if (!ok) onFailed(problems);
  };
  const settled = new Promise<IntegrityState>((resolve) => {
    worker.once('message', (message: { ok: boolean; problems: string[] }) => finish(message.ok, message.problems));
    worker.once('error', (error) => finish(false, [error.message]));
    worker.once('exit', () => {
      // Stopped before it answered (the console closing): nothing was found wrong, nothing proven.
      resolve(state);
    });
  });
  return {
    current: () => state,
    refusal: () => (state.state === 'failed' ? new AppError('unavailable', 'error.databaseDamaged') : null),
    settled: () => settled,
    async stop() {
      await worker.terminate();
    },
  };
}
