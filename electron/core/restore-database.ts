/**
 * Restoring from a backup (issue 19), the one routine behind `serve --restore FILE` and the
 * desktop menu's "Restore from backup…". It runs while no console holds the database: it checks
 * the chosen file, backs up the current database (so a wrong choice can be undone), then puts the
 * chosen copy in place of the live file. A file that is not a sound FrontDesk database is refused
 * before anything is touched.
 */
import { copyFileSync, existsSync, realpathSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { SCHEMA_VERSION } from '../../migrations/index';
import { inspectCopy, stageDatabaseFile, swapInStaged } from '../db/backup-file';
import { openDatabase } from '../db/open-database';
import { appendAudit } from '../db/repositories/audit';
import { readSettings } from '../db/repositories/settings';
import { createBackupService } from '../services/backup-service';
import { backupFileName, openBackupStore } from '../services/backup-store';
import type { Clock } from './clock';
import { backupsDirOf, type ConsoleCore } from './create-core';

/** A restore refused before anything changed; its message is for the person who asked. */
export class RestoreRefused extends Error {}

export interface RestoreResult {
  /** The backup put in place. */
  restoredFrom: string;
  /** The verified backup of the database as it was, or null when there was none. */
  savedAs: string | null;
  /** Raw copies kept instead, when the current database could not be backed up (it was damaged). */
  savedRaw: string[];
  schemaVersion: number;
}

/**
 * Restores `chosen` as the database `file`. Throws `RestoreRefused` (nothing changed) for a file
 * that is missing, not a database, damaged, not this console's, or from a newer version.
 *
 * @example const result = await restoreDatabase({ file: '/data/frontdesk.sqlite', chosen: '/data/backups/frontdesk-2026-11-24_08-00-00.db', clock });
 */
export async function restoreDatabase(options: { file: string; chosen: string; clock: Clock }): Promise<RestoreResult> {
  const { file, chosen, clock } = options;
  const same = existsSync(chosen) && existsSync(file) && realpathSync(chosen) === realpathSync(file);
  if (same) throw new RestoreRefused(`${chosen} is the live database itself; choose a backup`);
  const inspection = inspectCopy(chosen);
  if (!inspection.ok || inspection.schemaVersion === null) {
    throw new RestoreRefused(`${chosen} cannot be restored, nothing was changed: it is not a sound FrontDesk database (${inspection.problems.join('; ')})`);
  }
  if (inspection.schemaVersion > SCHEMA_VERSION) {
    throw new RestoreRefused(`${chosen} cannot be restored, nothing was changed: it was made by a newer FrontDesk (schema ${String(inspection.schemaVersion)}, this one knows ${String(SCHEMA_VERSION)})`);
  }
  // What is swapped in is this staged copy, checked again: not the backup, which pruning may delete.
  const staged = stageDatabaseFile(file, chosen);
  const stagedCheck = inspectCopy(staged);
  if (!stagedCheck.ok) {
    rmSync(staged, { force: true });
    throw new RestoreRefused(`${chosen} could not be copied soundly, nothing was changed: ${stagedCheck.problems.join('; ')}`);
  }

  let savedAs: string | null = null;
  const savedRaw: string[] = [];
  if (existsSync(file)) {
    try {
      savedAs = await backUpBeforeRestore(file, clock);
    } catch (error) {
      // The database being replaced may be the damaged one: keep its files as they are instead.
      savedRaw.push(...keepRawCopies(file, clock));
      console.error(`[restore] the current database could not be backed up (${error instanceof Error ? error.message : String(error)}); its files were kept as ${savedRaw.join(', ')}`);
    }
  }
  swapInStaged(file);
  return { restoredFrom: resolve(chosen), savedAs, savedRaw, schemaVersion: inspection.schemaVersion };
}

/** A verified backup of the live file, made through the same service as every other backup. */
async function backUpBeforeRestore(file: string, clock: Clock): Promise<string> {
  const current = openDatabase(file, { quickCheck: false });
  try {
    const service = createBackupService({
      dir: backupsDirOf(file),
      source: current.sqlite,
      clock,
      timeZone: async () => (await readSettings(current.db)).timeZone,
    });
    const started = service.start({ trigger: 'beforeRestore', staffId: null, staffName: null });
    const finished = await started.done;
    return finished.path;
  } finally {
    await current.close();
  }
}

function keepRawCopies(file: string, clock: Clock): string[] {
  const store = openBackupStore(backupsDirOf(file));
  const stem = backupFileName(clock.now(), 'UTC').replace(/\.db$/, '');
  const kept: string[] = [];
  for (const suffix of ['', '-wal']) {
    if (!existsSync(file + suffix)) continue;
    const target = join(store.dir, `damaged-${stem}.sqlite${suffix}`);
    copyFileSync(file + suffix, target);
    kept.push(target);
  }
  return kept;
}

/** Records the restore in the restored database's audit log, once the console has opened it. */
export async function recordRestore(core: ConsoleCore, result: RestoreResult, device: string): Promise<void> {
  await appendAudit(core.database.db, {
    at: core.clock.now().toISOString(),
    staffId: null,
    device,
    method: 'backups.restored',
    target: `backup:${basename(result.restoredFrom)}`,
    diff: { savedAs: result.savedAs ? basename(result.savedAs) : null, savedRaw: result.savedRaw.map((path) => basename(path)) },
  });
}
