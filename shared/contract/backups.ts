/**
 * Backups (issue 19): the list a manager sees under Settings → 备份 / Backups, and "back up now".
 * A backup runs in the background; its progress is in `backups.list` (`running`) and each step of
 * 5 % is announced as `backups.changed`, so the screen re-reads it. Restoring is not a method: it
 * replaces the database under the running console, so it happens before the console opens
 * (`serve --restore FILE`, or the desktop menu, which restarts the app).
 */
import { z } from 'zod';
import { emptyInputSchema, instantSchema } from './common';
import { defineMethod } from './define';

export const BACKUP_TRIGGERS = ['automatic', 'manual', 'beforeRestore'] as const;

/** One verified backup in `<data>/backups/`. */
export const backupSchema = z.object({
  fileName: z.string(),
  createdAt: instantSchema,
  sizeBytes: z.number().int().nonnegative(),
  /** Checked (`integrity_check`) before it was listed; false only for a file copied in by hand. */
  verified: z.boolean(),
  /** Why it was made; null when unknown (a file copied in by hand). */
  trigger: z.enum(BACKUP_TRIGGERS).nullable(),
  /** Who asked (a manager's name) for a backup made on demand. */
  by: z.string().nullable(),
  schemaVersion: z.number().int().nullable(),
  /**
   * Made before a customer was erased, so it still holds her data: deleted once this instant has
   * passed (issue 20; null for a backup that holds nothing erased since).
   */
  expiresAt: instantSchema.nullable(),
});

export const backupListSchema = z.object({
  /** The folder on the console's PC, or null when the database is in memory (tests). */
  directory: z.string().nullable(),
  /** How many the folder keeps. */
  kept: z.number().int(),
  /** Newest first. */
  backups: z.array(backupSchema),
  /** The backup being made now, with its progress in pages. */
  running: z
    .object({
      fileName: z.string(),
      startedAt: instantSchema,
      trigger: z.enum(BACKUP_TRIGGERS),
      by: z.string().nullable(),
      copiedPages: z.number().int().nonnegative(),
      totalPages: z.number().int().nonnegative(),
    })
    .nullable(),
});
export type BackupList = z.infer<typeof backupListSchema>;

export const backupMethods = {
  /** The backups kept, newest first, and the one being made (manager). */
  'backups.list': defineMethod({
    summary: 'The verified backups and the one under way (manager)',
    input: emptyInputSchema,
    output: backupListSchema,
    roles: ['manager'],
    writes: false,
  }),
  /**
   * Starts a backup now (manager): answers at once with the file it will be; the copy runs in the
   * background and appears in `backups.list` once verified. One at a time (`conflict`). Audited.
   */
  'backups.create': defineMethod({
    summary: 'Back up the database now (manager); runs in the background',
    input: emptyInputSchema,
    output: z.object({ fileName: z.string(), startedAt: instantSchema }),
    roles: ['manager'],
    writes: true,
  }),
} as const;
