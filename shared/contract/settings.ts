import { settingsSchema } from '../domain/settings';
import { defineMethod } from './define';
import { STAFF_ROLES } from '../domain/roles';
import { emptyInputSchema } from './common';

export const settingsMethods = {
  /** The clinic's settings, with defaults for keys never set. */
  'settings.get': defineMethod({
    summary: 'Read the clinic settings',
    input: emptyInputSchema,
    output: settingsSchema,
    roles: STAFF_ROLES,
    writes: false,
  }),
  /** Changes some settings (manager only); audited with the old and new values. */
  'settings.update': defineMethod({
    summary: 'Change clinic settings (manager)',
    input: settingsSchema.partial().strict(),
    output: settingsSchema,
    roles: ['manager'],
    writes: true,
  }),
} as const;
