import { z } from 'zod';
import { settingsSchema } from '../domain/settings';
import { defineMethod } from './define';
import { STAFF_ROLES } from '../domain/roles';
import { emptyInputSchema, idSchema } from './common';

/** An item of interest (double eyelid, rhinoplasty …): a configurable list, Chinese and English. */
export const itemSchema = z.object({
  id: idSchema,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  sort: z.number().int(),
  /** Sent back as `expectedVersion` with a change: a change made meanwhile is a conflict. */
  version: z.number().int().positive(),
});
export type Item = z.infer<typeof itemSchema>;

/**
 * Creates an item (no `id`) or changes one (`id` with the `expectedVersion` read); the code is made
 * from the English name when new.
 */
export const itemSaveSchema = z
  .object({
    id: idSchema.optional(),
    expectedVersion: z.number().int().positive().optional(),
    nameZh: z.string().trim().min(1).max(40),
    nameEn: z.string().trim().min(1).max(80),
    active: z.boolean().default(true),
    sort: z.number().int().min(0).max(9999).default(0),
  })
  .strict()
  .refine((input) => input.id === undefined || input.expectedVersion !== undefined, { message: 'validation.required', path: ['expectedVersion'] });
export type ItemSave = z.input<typeof itemSaveSchema>;

export const settingsMethods = {
  /** The clinic's settings, with defaults for keys never set. */
  'settings.get': defineMethod({
    summary: 'Read the clinic settings',
    input: emptyInputSchema,
    output: settingsSchema,
    roles: STAFF_ROLES,
    writes: false,
  }),
  /**
   * Changes some settings (manager only); audited with the old and new values. `expected` holds
   * what the form loaded for the keys it changes: a key someone else changed since is a `conflict`
   * whose `details.current` is the settings as stored now — never a silent overwrite. Keys the form
   * did not change may be changed meanwhile by another manager without any conflict.
   */
  'settings.update': defineMethod({
    summary: 'Change clinic settings (manager)',
    input: settingsSchema
      .partial()
      .extend({ expected: settingsSchema.partial().strict().optional() })
      .strict(),
    output: settingsSchema,
    roles: ['manager'],
    writes: true,
  }),
  /** The items of interest in display order; inactive ones only when asked (the settings screen). */
  'items.list': defineMethod({
    summary: 'Items of interest, in order',
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    output: z.array(itemSchema),
    roles: STAFF_ROLES,
    writes: false,
  }),
  /** Creates or changes an item of interest (manager); a Chinese name already used is a conflict. */
  'items.save': defineMethod({
    summary: 'Create or change an item of interest (manager)',
    input: itemSaveSchema,
    output: itemSchema,
    roles: ['manager'],
    writes: true,
  }),
} as const;
