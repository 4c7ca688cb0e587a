import { z } from 'zod';
import { isClinicDate } from '../domain/clinic-time';
import { ROLES } from '../domain/roles';

/** A row id: a positive integer. */
export const idSchema = z.number().int().positive();

/**
 * The clinic days the console takes. Bounded so that a day plus a week or a year stays a
 * four-digit `YYYY-MM-DD`: `roster.week` of 9999-12-31 reached 10000-01-01 and broke its own
 * output (a 500, found by the bad-input fuzzing).
 */
export const CLINIC_DATE_RANGE = { first: '1900-01-01', last: '2999-12-31' } as const;

/** A clinic calendar day, `YYYY-MM-DD`, within CLINIC_DATE_RANGE. */
export const clinicDateSchema = z
  .string()
  .refine(isClinicDate, { message: 'validation.date', abort: true })
  .refine((date) => date >= CLINIC_DATE_RANGE.first && date <= CLINIC_DATE_RANGE.last, { message: 'validation.dateRange' });

/** A UTC instant as ISO 8601 with `Z`. */
export const instantSchema = z.iso.datetime();

export const roleSchema = z.enum(ROLES);

/** Methods that take nothing accept `{}` (and an absent body over HTTP). */
export const emptyInputSchema = z.object({}).strict();

export const okSchema = z.object({ ok: z.literal(true) });
