/**
 * Backups (issue 19): automatic on the first start of each clinic day, and on demand by a manager.
 * Each is SQLite's online backup of the live database into `<data>/backups/`, written under a
 * temporary name, verified by opening the copy read-only (`integrity_check`, the schema version),
 * and only then renamed into the list; the newest 30 are kept. The copy runs a step at a time
 * between the console's own calls, so the desk keeps working while it runs.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupList } from '../../shared/contract/backups';
import { AppError } from '../../shared/contract/errors';
import { clinicDateOf } from '../../shared/domain/clinic-time';
import type { EventBus } from '../api/event-bus';
import type { Clock } from '../core/clock';
import type { OpenedDatabase } from '../db/open-database';
import { copyLiveDatabase, sealAndInspectInBackground, type CopyProgress } from '../db/backup-file';
import { openBackupStore, KEPT_BACKUPS, type BackupNote, type BackupStore, type BackupTrigger, type ListedBackup } from './backup-store';

/** The live database's raw connection, the source of every copy. */
type LiveConnection = OpenedDatabase['sqlite'];

export interface BackupRequest {
  trigger: BackupTrigger;
  staffId: number | null;
  staffName: string | null;
}

export interface RunningBackup extends BackupRequest {
  fileName: string;
  startedAt: string;
  progress: CopyProgress;
}

export interface FinishedBackup {
  fileName: string;
  path: string;
  note: BackupNote;
}

export interface BackupService {
  /** The backups, newest first, and the one being made, if any. */
  list(): BackupList;
  /**
   * Starts a backup in the background and says which file it will be; `done` settles when it is
   * verified and listed (or rejects with why not). One at a time: a second is a `conflict`.
   */
  start(request: BackupRequest): { fileName: string; startedAt: string; done: Promise<FinishedBackup> };
  /**
   * The automatic backup of the clinic's day of `now`, when none was made yet that day: settles
   * with it once listed, or with null when none was due (or there is no data folder).
   */
  startDailyIfDue(): Promise<FinishedBackup | null>;
  /** Stops a backup under way (the console closing) and waits until its copy is removed. */
  stop(): Promise<void>;
  /**
   * A customer was erased at `at`: every backup made before still holds her data and is marked to
   * expire `ERASED_BACKUP_DAYS` later (issue 20; PIPL Art. 47), and expired ones are deleted now.
   */
  expireBefore(at: Date): string[];
}

/** How long a backup made before an erasure is kept: long enough to recover from a disaster, no longer. */
export const ERASED_BACKUP_DAYS = 30;

export interface BackupServiceDeps {
  /** The backups folder; null for an in-memory database, which has none. */
  dir: string | null;
  /** The live database's own connection (the one writer), the source of every copy. */
  source: LiveConnection | null;
  clock: Clock;
  /** The clinic's time zone now (a setting): names and "today" are the clinic's. */
  timeZone(): Promise<string>;
  events?: EventBus;
  /** After a backup is listed (the audit row of an automatic one). */
  onFinished?(backup: FinishedBackup): Promise<void>;
  logError?(message: string): void;
  /** Pages per step and a pause after each: the SIGKILL test slows a copy down with these. */
  pagesPerStep?: number;
  pauseMs?: number;
}

/** How often progress is announced: every 5 % of the pages. */
const PROGRESS_STEPS = 20;

/** Builds the backup service for one data folder. */
export function createBackupService(deps: BackupServiceDeps): BackupService {
  const logError = deps.logError ?? ((message: string) => console.error(`[backup] ${message}`));
  let store: BackupStore | null = null;
  if (deps.dir && deps.source) {
    store = openBackupStore(deps.dir);
    // A backup a crash interrupted is not a backup: it goes before anyone can see it.
    const swept = store.sweep();
    if (swept.length > 0) console.log(`[backup] removed an interrupted backup: ${swept.join(', ')}`);
  }
  let running: RunningBackup | null = null;
  let stopping = false;
  let current: Promise<unknown> = Promise.resolve();

  const announce = () => deps.events?.publish('backups.changed', { running: running !== null });

  async function make(job: RunningBackup, target: BackupStore, source: LiveConnection, timeZone: string): Promise<FinishedBackup> {
    const started = deps.clock.now();
    let announcedStep = 0;
    try {
      await copyLiveDatabase(source, target.partialPath(job.fileName), {
        pagesPerStep: deps.pagesPerStep,
        pauseMs: deps.pauseMs,
        onProgress(progress) {
          if (stopping) throw new Error('the console is closing');
          job.progress = progress;
          const step = progress.totalPages > 0 ? Math.floor((progress.copiedPages / progress.totalPages) * PROGRESS_STEPS) : 0;
          if (step > announcedStep) {
            announcedStep = step;
            announce();
          }
        },
      });
      // Off the main thread: a 1 GB copy takes seconds to flush and read whole.
      const inspection = await sealAndInspectInBackground(target.partialPath(job.fileName));
      if (!inspection.ok || inspection.schemaVersion === null) throw new Error(`the copy failed its check: ${inspection.problems.join('; ')}`);
      const verifiedAt = deps.clock.now();
      const note: BackupNote = {
        createdAt: job.startedAt,
        clinicDate: clinicDateOf(new Date(job.startedAt), timeZone),
        trigger: job.trigger,
        staffId: job.staffId,
        staffName: job.staffName,
        sizeBytes: statSync(target.partialPath(job.fileName)).size,
        schemaVersion: inspection.schemaVersion,
        verifiedAt: verifiedAt.toISOString(),
        durationMs: Math.max(0, verifiedAt.getTime() - started.getTime()),
      };
      target.publish(job.fileName, note);
      const pruned = target.prune(KEPT_BACKUPS, deps.clock.now());
      if (pruned.length > 0) console.log(`[backup] kept the newest ${String(KEPT_BACKUPS)}; deleted ${pruned.join(', ')}`);
      const finished = { fileName: job.fileName, path: join(target.dir, job.fileName), note };
      await deps.onFinished?.(finished);
      return finished;
    } catch (error) {
      target.discard(job.fileName);
      throw error;
    }
  }

  function begin(request: BackupRequest, timeZone: string): { job: RunningBackup; done: Promise<FinishedBackup> } {
    if (!store || !deps.source) throw new AppError('unavailable', 'backups.error.noFile');
    if (running || stopping) throw new AppError('conflict', 'backups.error.running');
    const startedAt = deps.clock.now();
    const job: RunningBackup = { ...request, fileName: store.freshName(startedAt, timeZone), startedAt: startedAt.toISOString(), progress: { copiedPages: 0, totalPages: 0 } };
    running = job;
    const target = store;
    const source = deps.source;
    // Started on the next turn: the call that asked for it commits (and writes its audit row) first.
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => make(job, target, source, timeZone))
      .finally(() => {
        running = null;
        announce();
      });
    done.catch((error: unknown) => logError(`${job.fileName} failed: ${error instanceof Error ? error.message : String(error)}`));
    current = done.catch(() => undefined);
    announce();
    return { job, done };
  }

  // The zone is read before a start; a manager's start reads it too, but must answer at once.
  let knownZone = 'Asia/Shanghai';
  const refreshZone = async () => {
    knownZone = await deps.timeZone();
    return knownZone;
  };

  return {
    list() {
      const listed = store ? store.list() : [];
      return {
        directory: store?.dir ?? null,
        kept: KEPT_BACKUPS,
        backups: listed.map(toListed),
        running: running
          ? { fileName: running.fileName, startedAt: running.startedAt, trigger: running.trigger, by: running.staffName, copiedPages: running.progress.copiedPages, totalPages: running.progress.totalPages }
          : null,
      };
    },

    start(request) {
      const { job, done } = begin(request, knownZone);
      void refreshZone().catch(() => undefined);
      return { fileName: job.fileName, startedAt: job.startedAt, done };
    },

    async startDailyIfDue() {
      if (!store || !deps.source) return null;
      const timeZone = await refreshZone();
      const today = clinicDateOf(deps.clock.now(), timeZone);
      const madeToday = store.list().some((backup) => backup.note?.trigger === 'automatic' && backup.note.clinicDate === today);
      if (madeToday) return null;
      return begin({ trigger: 'automatic', staffId: null, staffName: null }, timeZone).done;
    },

    async stop() {
      stopping = true;
      await current;
    },

    expireBefore(at) {
      if (!store) return [];
      const marked = store.markExpiring(at.toISOString(), new Date(at.getTime() + ERASED_BACKUP_DAYS * 86_400_000).toISOString());
      store.prune(KEPT_BACKUPS, deps.clock.now());
      return marked;
    },
  };
}

function toListed(backup: ListedBackup): BackupList['backups'][number] {
  return {
    fileName: backup.fileName,
    createdAt: backup.createdAt,
    sizeBytes: backup.sizeBytes,
    verified: backup.note !== null,
    trigger: backup.note?.trigger ?? null,
    by: backup.note?.staffName ?? null,
    schemaVersion: backup.note?.schemaVersion ?? null,
    expiresAt: backup.note?.expiresAt ?? null,
  };
}
