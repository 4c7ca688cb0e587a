import { z } from 'zod';
import { isClinicDate } from '../domain/clinic-time';
import { ROLES } from '../domain/roles';

/** A row id: a positive integer. */
export const idSchema = z.number().int().positive();

/** A clinic calendar day, `YYYY-MM-DD`. */
export const clinicDateSchema = z.string().refine(isClinicDate, { message: 'validation.date' });

/** A UTC instant as ISO 8601 with `Z`. */
export const instantSchema = z.iso.datetime();

export const roleSchema = z.enum(ROLES);

/** Methods that take nothing accept `{}` (and an absent body over HTTP). */
export const emptyInputSchema = z.object({}).strict();

export const okSchema = z.object({ ok: z.literal(true) });
