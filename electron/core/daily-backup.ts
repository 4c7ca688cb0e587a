import type { ConsoleCore } from './create-core';

/**
 * How long after the console starts the day's backup begins. Reception opens the console in the
 * morning and at once loads the board; a backup of a large clinic competing for the disk made that
 * first load ~50 % slower (docs/performance.md, the navigation row). A few minutes later nobody is
 * waiting on a cold start. `FRONTDESK_BACKUP_DELAY_MS` sets another delay (tests: 0).
 */
export const DAILY_BACKUP_DELAY_MS = 3 * 60_000;

export function backupDelayOf(env: NodeJS.ProcessEnv): number {
  const raw = env.FRONTDESK_BACKUP_DELAY_MS;
  const value = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : DAILY_BACKUP_DELAY_MS;
}

/**
 * The automatic backup of the clinic's day (issue 19), started in the background a few minutes
 * after the first start of each day (`serve` and the desktop app, once the demo, if any, is in
 * place): the console opens meanwhile, and a failure is logged, never a reason not to start.
 * Returns a stop for shutdown: a console closed before the delay has passed backs up at its next
 * start (the day's backup is still due then).
 */
export function startDailyBackup(
  core: ConsoleCore,
  { delayMs = backupDelayOf(process.env), log = console.log }: { delayMs?: number; log?: (line: string) => void } = {},
): () => void {
  const run = () => {
    core.backups
      .startDailyIfDue()
      .then((backup) => {
        if (backup) log(`[backup] the day's backup: ${backup.path} (${String(backup.note.sizeBytes)} bytes, ${String(backup.note.durationMs)} ms, verified)`);
      })
      .catch((error: unknown) => {
        console.error(`[backup] the day's backup failed: ${error instanceof Error ? error.message : String(error)}`);
      });
  };
  const timer = setTimeout(run, delayMs);
  // Never what keeps a closing process alive.
  timer.unref();
  return () => clearTimeout(timer);
}
