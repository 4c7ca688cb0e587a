import { z } from 'zod';
import { STAFF_ROLES, ROLES } from '../domain/roles';
import { settingsSchema } from '../domain/settings';
import { clinicDateSchema, emptyInputSchema, idSchema, okSchema, roleSchema } from './common';
import { defineMethod } from './define';

export const pinSchema = z.string().regex(/^\d{4,8}$/, { message: 'validation.pin' });

export const staffSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  role: roleSchema,
  /** A doctor's specialty (e.g. 眼鼻整形), empty for other roles. */
  specialty: z.string().nullable(),
});
export type StaffSummary = z.infer<typeof staffSummarySchema>;

export const sessionInfoSchema = z.object({
  staff: staffSummarySchema,
  /**
   * A first or reset PIN (issue 13 part 8): the console shows only the change-PIN screen, and the
   * server refuses every other method, until the person has chosen their own.
   */
  mustChangePin: z.boolean(),
  /** The clinic's own day and settings a client needs to show it. */
  clinic: z.object({
    today: clinicDateSchema,
    settings: settingsSchema,
  }),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const authMethods = {
  /** The sign-in screen's list of accounts: names and roles only. Needs no sign-in. */
  'auth.staff': defineMethod({
    summary: 'Active staff accounts for the sign-in screen',
    input: emptyInputSchema,
    output: z.array(staffSummarySchema),
    roles: 'public',
    writes: false,
  }),
  /** Signs in with a PIN; five wrong PINs lock the account for a minute. */
  'auth.signIn': defineMethod({
    summary: 'Sign in with staff id and PIN; returns a bearer token',
    input: z.object({ staffId: idSchema, pin: pinSchema }).strict(),
    output: z.object({ token: z.string(), staff: staffSummarySchema, expiresAt: z.iso.datetime(), mustChangePin: z.boolean() }),
    roles: 'public',
    writes: true,
  }),
  /** Ends the caller's session: its token stops working at once. */
  /**
   * Public: a console whose session already ended (expired overnight, ended elsewhere) signs out
   * too, for its lock, with an answer and not a 401 in the browser's console (issue 12 part 4).
   */
  'auth.signOut': defineMethod({
    summary: 'Sign out: revoke the current token (nothing to do when it has already ended)',
    input: emptyInputSchema,
    output: okSchema,
    roles: 'public',
    writes: true,
  }),
  /**
   * The session check of a page that loads (or a console back from its lock): who is signed in,
   * or `{ session: null }` — nobody signed in, or a token whose session is over, is an answer, not
   * a 401 (which the browser would log as a failed request on every visit to the sign-in page).
   */
  'auth.session': defineMethod({
    summary: 'The caller’s session (as auth.me), or null when nobody is signed in; needs no sign-in',
    input: emptyInputSchema,
    output: z.object({ session: sessionInfoSchema.nullable() }),
    roles: 'public',
    writes: false,
  }),
  /**
   * The signed-in person chooses a new PIN, giving the current one: what a first or reset PIN
   * requires before anything else. A manager's PIN has at least 6 digits; the new PIN must differ.
   */
  'auth.changePin': defineMethod({
    summary: 'Change your own PIN (required after a first or reset PIN)',
    input: z.object({ currentPin: pinSchema, newPin: pinSchema }).strict().refine((input) => input.currentPin !== input.newPin, { message: 'staff.validation.samePin', path: ['newPin'] }),
    output: okSchema,
    // The lobby display is a screen, not a person: its PIN is the manager's to set (staff.resetPin).
    roles: STAFF_ROLES,
    writes: true,
  }),
  /** Who is signed in, with the clinic's day and settings. */
  'auth.me': defineMethod({
    summary: 'The signed-in staff member, the clinic day and settings',
    input: emptyInputSchema,
    output: sessionInfoSchema,
    roles: ROLES,
    writes: false,
  }),
} as const;

export { STAFF_ROLES };
