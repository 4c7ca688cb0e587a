/**
 * The desktop menu's "Restore from backup… / 从备份恢复…" as steps the shell only has to show:
 * pick a file in the data folder's backups/, confirm naming the backup's time, close the console,
 * restore (restore-database.ts), restart. Kept out of electron/shell/ so it runs under Node with
 * the dialogs given as functions; the shell passes Electron's.
 */
import { basename } from 'node:path';
import type { Clock } from './clock';
import { backupsDirOf } from './create-core';
import { RestoreRefused, restoreDatabase, type RestoreResult } from './restore-database';

export const RESTORE_MENU_LABEL = 'Restore from backup… / 从备份恢复…';

export interface RestoreFlowDeps {
  /** The live database file. */
  file: string;
  clock: Clock;
  /** A file dialog opened on `folder`; null when cancelled. */
  chooseFile(folder: string): Promise<string | null>;
  /** A yes/no question; true to go on. */
  confirm(message: string, detail: string): Promise<boolean>;
  /** Closes the running console (its database) before the file is replaced. */
  closeConsole(): Promise<void>;
  showError(message: string): void;
  /** Starts the app again on the restored (or, after a refusal, unchanged) database. */
  relaunch(): void;
}

/** `frontdesk-2026-11-24_10-30-00.db` → `2026-11-24 10:30:00` (the clinic's clock); else the file's name. */
export function backupTimeOf(path: string): string {
  const match = /^frontdesk-(\d{4}-\d{2}-\d{2})_(\d{2})-(\d{2})-(\d{2})/.exec(basename(path));
  return match ? `${match[1] ?? ''} ${match[2] ?? ''}:${match[3] ?? ''}:${match[4] ?? ''}` : basename(path);
}

/** Runs the menu item; resolves with what happened (for the log and the tests). */
export async function runRestoreFlow(deps: RestoreFlowDeps): Promise<'cancelled' | 'refused' | RestoreResult> {
  const chosen = await deps.chooseFile(backupsDirOf(deps.file));
  if (!chosen) return 'cancelled';
  const time = backupTimeOf(chosen);
  const go = await deps.confirm(
    `从 ${time} 的备份恢复？\nRestore the backup of ${time}?`,
    '当前数据库会先备份，然后被替换，程序随后重启；备份时间之后的更改将不在数据库中。\n' +
      'The current database is backed up first, then replaced, and the app restarts; changes made after the backup’s time will not be in the database.',
  );
  if (!go) return 'cancelled';
  await deps.closeConsole();
  try {
    return await restoreDatabase({ file: deps.file, chosen, clock: deps.clock });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.showError(error instanceof RestoreRefused ? `无法恢复 / Cannot restore: ${message}` : `恢复失败 / Restore failed: ${message}`);
    return 'refused';
  } finally {
    deps.relaunch();
  }
}
