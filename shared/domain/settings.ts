/**
 * The clinic's settings: one zod schema with the defaults, so the settings screen, the server and
 * the tests agree on every rule. Stored as one row per key.
 */
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from './clinic-time';

export const settingsSchema = z.object({
  clinicName: z.string().trim().min(1).max(60),
  clinicNameEn: z.string().trim().max(80),
  timeZone: z.string().refine(isValidTimeZone, { message: 'validation.timeZone' }),
  /** Opening hours, clinic time `HH:MM`. */
  opensAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  closesAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** The console locks back to sign-in after this many idle minutes. */
  idleLockMinutes: z.number().int().min(1).max(120),
  /** seed 004 rule 26: a waiting customer's timer turns amber, then red. */
  waitAmberMinutes: z.number().int().min(1).max(240),
  waitRedMinutes: z.number().int().min(2).max(480),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  clinicName: '悦颜医疗美容门诊部',
  clinicNameEn: 'Yueyan Aesthetic Clinic',
  timeZone: DEFAULT_TIME_ZONE,
  opensAt: '09:00',
  closesAt: '18:00',
  idleLockMinutes: 5,
  waitAmberMinutes: 15,
  waitRedMinutes: 30,
};

export type SettingKey = keyof Settings;
