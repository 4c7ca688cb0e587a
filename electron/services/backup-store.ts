/**
 * The backups folder (`<data>/backups/`) as a list: `frontdesk-<clinic date>_<clinic time>.db`,
 * each with a `.json` note beside it saying when, who asked and what the check found. A copy is
 * written as `….db.partial` and renamed to its listed name only once verified, so whatever a crash
 * leaves behind is never listed, never restored, and swept away at the next start.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BACKUP_TRIGGERS } from '../../shared/contract/backups';
import { wallClock } from '../../shared/domain/clinic-time';
import { syncFile } from '../db/backup-file';

export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number];

/** How many verified backups the folder keeps; older ones are deleted after each new one. */
export const KEPT_BACKUPS = 30;

const NAME_PATTERN = /^frontdesk-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}(-\d+)?\.db$/;
export const PARTIAL_SUFFIX = '.partial';

/** What the note beside a backup says. */
export const backupNoteSchema = z.object({
  createdAt: z.string(),
  clinicDate: z.string(),
  trigger: z.enum(BACKUP_TRIGGERS),
  staffId: z.number().int().nullable(),
  staffName: z.string().nullable(),
  sizeBytes: z.number().int(),
  schemaVersion: z.number().int(),
  verifiedAt: z.string(),
  durationMs: z.number().int(),
  /** Set when a customer erased later still lives in this copy: deleted once it has passed (issue 20). */
  expiresAt: z.string().optional(),
});
export type BackupNote = z.infer<typeof backupNoteSchema>;

export interface ListedBackup {
  fileName: string;
  path: string;
  sizeBytes: number;
  /** The note, or null for a `.db` whose note is missing or unreadable (copied in by hand). */
  note: BackupNote | null;
  /** When it was made: the note's time, else the file's. */
  createdAt: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `frontdesk-2026-11-24_10-30-00.db`: the clinic's wall clock, so staff recognise it in a file dialog. */
export function backupFileName(at: Date, timeZone: string): string {
  const wall = wallClock(at, timeZone);
  return `frontdesk-${String(wall.year)}-${pad(wall.month)}-${pad(wall.day)}_${pad(wall.hour)}-${pad(wall.minute)}-${pad(wall.second)}.db`;
}

/** True for a name the list shows (never a `.partial`). */
export function isBackupFileName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

export interface BackupStore {
  readonly dir: string;
  /** Listed backups, newest first. */
  list(): ListedBackup[];
  /** A name not yet taken for a backup made at `at`. */
  freshName(at: Date, timeZone: string): string;
  /** Where a copy is written before it is verified. */
  partialPath(fileName: string): string;
  /** Writes the note, then renames the verified copy into the list. */
  publish(fileName: string, note: BackupNote): void;
  /** Removes a copy that failed or was interrupted. */
  discard(fileName: string): void;
  /** Deletes all but the newest `keep`, and any whose `expiresAt` is before `now`; returns the names deleted. */
  prune(keep?: number, now?: Date): string[];
  /** Marks every backup made before `before` to expire at `expiresAt` (unless it expires sooner already); returns their names. */
  markExpiring(before: string, expiresAt: string): string[];
  /** Removes what an interrupted backup left (`.partial` files, notes without their copy). */
  sweep(): string[];
}

/** The backups folder under `dataDir`, created when missing. */
export function openBackupStore(dir: string): BackupStore {
  mkdirSync(dir, { recursive: true });
  const notePath = (fileName: string) => join(dir, `${fileName}.json`);

  const readNote = (fileName: string): BackupNote | null => {
    try {
      const parsed = backupNoteSchema.safeParse(JSON.parse(readFileSync(notePath(fileName), 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };

  const list = (): ListedBackup[] =>
    readdirSync(dir)
      .filter(isBackupFileName)
      .flatMap((fileName) => {
        const path = join(dir, fileName);
        try {
          const stat = statSync(path);
          const note = readNote(fileName);
          return [{ fileName, path, sizeBytes: stat.size, note, createdAt: note?.createdAt ?? stat.mtime.toISOString() }];
        } catch {
          // Deleted between the listing and the stat (pruned by another call).
          return [];
        }
      })
      .sort((a, b) => (a.createdAt === b.createdAt ? b.fileName.localeCompare(a.fileName) : b.createdAt.localeCompare(a.createdAt)));

  return {
    dir,
    list,
    freshName(at, timeZone) {
      const base = backupFileName(at, timeZone);
      let name = base;
      for (let n = 2; existsSync(join(dir, name)) || existsSync(join(dir, name + PARTIAL_SUFFIX)); n += 1) name = base.replace(/\.db$/, `-${String(n)}.db`);
      return name;
    },
    partialPath: (fileName) => join(dir, fileName + PARTIAL_SUFFIX),
    publish(fileName, note) {
      writeFileSync(`${notePath(fileName)}${PARTIAL_SUFFIX}`, JSON.stringify(note, null, 2));
      syncFile(`${notePath(fileName)}${PARTIAL_SUFFIX}`);
      renameSync(`${notePath(fileName)}${PARTIAL_SUFFIX}`, notePath(fileName));
      // The copy's rename is what lists it: last, once its note is in place.
      renameSync(join(dir, fileName + PARTIAL_SUFFIX), join(dir, fileName));
      syncFile(dir);
    },
    discard(fileName) {
      for (const path of [join(dir, fileName + PARTIAL_SUFFIX), `${notePath(fileName)}${PARTIAL_SUFFIX}`, `${join(dir, fileName + PARTIAL_SUFFIX)}-journal`]) rmSync(path, { force: true });
    },
    prune(keep = KEPT_BACKUPS, now?: Date) {
      const listed = list();
      const expired = now ? listed.filter((backup) => backup.note?.expiresAt !== undefined && backup.note.expiresAt <= now.toISOString()) : [];
      const old = [...new Set([...listed.slice(Math.max(1, keep)), ...expired])];
      for (const backup of old) {
        rmSync(backup.path, { force: true });
        rmSync(notePath(backup.fileName), { force: true });
      }
      return old.map((backup) => backup.fileName);
    },
    markExpiring(before, expiresAt) {
      const marked: string[] = [];
      for (const backup of list()) {
        if (!backup.note || backup.createdAt >= before || (backup.note.expiresAt !== undefined && backup.note.expiresAt <= expiresAt)) continue;
        const note = { ...backup.note, expiresAt };
        writeFileSync(`${notePath(backup.fileName)}${PARTIAL_SUFFIX}`, JSON.stringify(note, null, 2));
        syncFile(`${notePath(backup.fileName)}${PARTIAL_SUFFIX}`);
        renameSync(`${notePath(backup.fileName)}${PARTIAL_SUFFIX}`, notePath(backup.fileName));
        marked.push(backup.fileName);
      }
      if (marked.length > 0) syncFile(dir);
      return marked;
    },
    sweep() {
      const removed: string[] = [];
      for (const name of readdirSync(dir)) {
        const orphanNote = name.endsWith('.db.json') && !existsSync(join(dir, name.slice(0, -'.json'.length)));
        if (name.includes(`.db${PARTIAL_SUFFIX}`) || name.endsWith(`.json${PARTIAL_SUFFIX}`) || orphanNote) {
          rmSync(join(dir, name), { force: true });
          removed.push(name);
        }
      }
      return removed;
    },
  };
}
