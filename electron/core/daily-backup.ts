import type { ConsoleCore } from './create-core';

/**
 * The automatic backup of the clinic's day (issue 19), started in the background by the first
 * start of each day (`serve` and the desktop app, once the demo, if any, is in place): the console
 * opens meanwhile, and a failure is logged, never a reason not to start.
 */
export function startDailyBackup(core: ConsoleCore, log: (line: string) => void = console.log): void {
  core.backups
    .startDailyIfDue()
    .then((backup) => {
      if (backup) log(`[backup] the day's backup: ${backup.path} (${String(backup.note.sizeBytes)} bytes, ${String(backup.note.durationMs)} ms, verified)`);
    })
    .catch((error: unknown) => {
      console.error(`[backup] the day's backup failed: ${error instanceof Error ? error.message : String(error)}`);
    });
}
