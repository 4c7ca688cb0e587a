/**
 * The SQLite side of backups and restore (DESIGN.md, durability: "backups through the online
 * backup API"): copy the live database page by page while the console keeps writing, check a
 * copy by opening it read-only, and put a chosen copy in place of the live file. The rules —
 * names, retention, the daily backup, who asked — live in electron/services/backup-service.ts.
 */
import BetterSqlite3 from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkWorkerScript } from './integrity-check';

export interface CopyProgress {
  copiedPages: number;
  totalPages: number;
}

export interface CopyOptions {
  /** Hears each step; throwing from it stops the copy (the console closing). */
  onProgress?(progress: CopyProgress): void;
  /** Pages per step (100 by default): fewer lets more of the console's own calls run between steps. */
  pagesPerStep?: number | undefined;
  /** A pause after each step, in ms: only for the tests that must catch a backup mid-way. */
  pauseMs?: number | undefined;
}

const pauseCell = new Int32Array(new SharedArrayBuffer(4));

/**
 * Copies the database behind `source` into `target` with SQLite's online backup API, a step at a
 * time between the console's own calls. Writes made through `source` meanwhile are carried into
 * the copy by SQLite itself, so the copy holds every commit made before it finished.
 *
 * @example await copyLiveDatabase(opened.sqlite, '/data/backups/frontdesk-….db.partial');
 */
export async function copyLiveDatabase(source: BetterSqlite3.Database, target: string, options: CopyOptions = {}): Promise<CopyProgress> {
  const pagesPerStep = options.pagesPerStep ?? 100;
  const result = await source.backup(target, {
    progress: ({ totalPages, remainingPages }) => {
      options.onProgress?.({ copiedPages: totalPages - remainingPages, totalPages });
      if (options.pauseMs) Atomics.wait(pauseCell, 0, 0, options.pauseMs);
      return pagesPerStep;
    },
  });
  return { copiedPages: result.totalPages, totalPages: result.totalPages };
}

export interface CopyInspection {
  ok: boolean;
  /** What SQLite found, or why the file is not a database of this console. */
  problems: string[];
  /** The number of migrations applied in the copy, or null when unreadable. */
  schemaVersion: number | null;
}

/**
 * Opens `file` read-only and checks it: `PRAGMA integrity_check` reads every page and index, and
 * the migrations table says which schema it has. Never throws: a file that is no database at all
 * is a failed inspection with SQLite's own words.
 */
export function inspectCopy(file: string): CopyInspection {
  if (!existsSync(file)) return { ok: false, problems: ['the file does not exist'], schemaVersion: null };
  let copy: BetterSqlite3.Database | null = null;
  try {
    copy = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((row) => row.integrity_check).filter((text) => text !== 'ok');
    if (problems.length > 0) return { ok: false, problems, schemaVersion: null };
    const migrations = copy.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'").get() as { n: number };
    if (migrations.n === 0) return { ok: false, problems: ['not a FrontDesk database (no migrations table)'], schemaVersion: null };
    const applied = copy.prepare('select count(*) as n from kysely_migration').get() as { n: number };
    return { ok: true, problems: [], schemaVersion: applied.n };
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)], schemaVersion: null };
  } finally {
    copy?.close();
  }
}

/**
 * A fresh copy made a standalone file (the rollback journal instead of WAL, so it opens without
 * `-wal`/`-shm`), flushed to the disk, then checked as `inspectCopy` does with a full
 * `integrity_check` and its schema read — in a worker thread (quick-check-worker.cjs): on five years of
 * a busy clinic the copy is 1 GB, and reading every page of it (and flushing it) on the main thread
 * held the console's every answer for seconds — a board load of 7–8 s in the bench while the
 * day's backup ran at start.
 */
export function sealAndInspectInBackground(file: string): Promise<CopyInspection> {
  return new Promise((resolve) => {
    const worker = new Worker(checkWorkerScript(), { workerData: { file, seal: true, check: 'integrity_check', schema: true } });
    let answered = false;
    worker.once('message', (message: CopyInspection) => {
      answered = true;
      resolve(message);
    });
    worker.once('error', (error) => {
      answered = true;
      resolve({ ok: false, problems: [error.message], schemaVersion: null });
    });
    worker.once('exit', () => {
      if (!answered) resolve({ ok: false, problems: ['the check was stopped'], schemaVersion: null });
    });
  });
}

/** Flushes a file (or a folder's entries, after a rename) to the disk. */
export function syncFile(path: string): void {
  let handle: number | null = null;
  try {
    handle = openSync(path, 'r');
    fsyncSync(handle);
  } catch (error) {
    // Windows cannot open a folder to flush it; its renames are durable without.
    if (!(process.platform === 'win32' && (error as NodeJS.ErrnoException).code === 'EISDIR')) throw error;
  } finally {
    if (handle !== null) closeSync(handle);
  }
}

/**
 * Copies `chosen` beside the live database `live` as `<live>.restoring`, flushed, and returns its
 * path: staged before anything else happens, so what is restored is what was checked, even if the
 * chosen backup is pruned meanwhile.
 */
export function stageDatabaseFile(live: string, chosen: string): string {
  const staged = `${live}.restoring`;
  copyFileSync(chosen, staged);
  syncFile(staged);
  return staged;
}

/**
 * Swaps the staged copy in for the live database, which no connection may hold open. The live
 * file's `-wal` and `-shm` go first (the caller closed it cleanly, so they hold nothing the file
 * lacks), then one rename: killed at any moment, the folder holds the old database or the new one.
 */
export function swapInStaged(live: string): void {
  const staged = `${live}.restoring`;
  if (!existsSync(staged)) throw new Error(`nothing staged at ${staged}`);
  for (const companion of [`${live}-wal`, `${live}-shm`, `${live}-journal`]) rmSync(companion, { force: true });
  renameSync(staged, live);
  syncFile(dirname(live));
}
