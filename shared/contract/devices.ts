/**
 * Paired devices (issue 15): a manager (or reception, when the clinic allows it) shows a one-time
 * code on the lobby PC; the tablet or TV types it and receives its device token; the list shows
 * every device, and one can be renamed or removed (its next call and its event stream end).
 */
import { z } from 'zod';
import { DEVICE_KINDS, PAIRING_CODE_PATTERN } from '../domain/devices';
import { idSchema, instantSchema } from './common';
import { defineMethod } from './define';

const deviceNameSchema = z.string().trim().min(1).max(40);

export const deviceSchema = z.object({
  id: idSchema,
  kind: z.enum(DEVICE_KINDS),
  name: z.string(),
  /** Who showed the code; null when it was the code `serve --lan` printed at start. */
  pairedBy: z.string().nullable(),
  pairedAt: instantSchema,
  lastSeenAt: instantSchema.nullable(),
  lastAddress: z.string().nullable(),
  revokedAt: instantSchema.nullable(),
  version: z.number().int().positive(),
});
export type Device = z.infer<typeof deviceSchema>;

export const devicesOverviewSchema = z.object({
  devices: z.array(deviceSchema),
  /** Until when pairing is locked after wrong codes, or null. */
  pairingLockedUntil: instantSchema.nullable(),
  /** Addresses a tablet on the LAN can open (empty while LAN access is off or no network is up). */
  addresses: z.array(z.string()),
});
export type DevicesOverview = z.infer<typeof devicesOverviewSchema>;

export const deviceMethods = {
  /**
   * Shows a new pairing code for a device of this kind and name: six random digits, single use,
   * valid 5 minutes; an earlier unused code stops working. Manager, or reception when allowed.
   */
  'devices.startPairing': defineMethod({
    summary: 'Show a one-time pairing code for a new tablet or lobby TV',
    input: z.object({ kind: z.enum(DEVICE_KINDS), name: deviceNameSchema }).strict(),
    output: z.object({ code: z.string().regex(PAIRING_CODE_PATTERN), expiresAt: instantSchema, kind: z.enum(DEVICE_KINDS), name: z.string() }),
    roles: ['manager', 'reception'],
    writes: true,
  }),
  /**
   * A device pairs itself with the code shown on the lobby PC and receives its token (shown once,
   * stored only as SHA-256). Five wrong codes in a row lock pairing, each lock longer.
   */
  'devices.pair': defineMethod({
    summary: 'Pair this device with a one-time code; returns its device token',
    input: z.object({ code: z.string().trim().regex(PAIRING_CODE_PATTERN, { message: 'validation.pairingCode' }) }).strict(),
    output: z.object({ deviceToken: z.string(), device: z.object({ id: idSchema, kind: z.enum(DEVICE_KINDS), name: z.string() }) }),
    roles: 'public',
    writes: true,
  }),
  /** Every paired device, newest first, removed ones included; the pairing lock; the LAN addresses. */
  'devices.list': defineMethod({
    summary: 'Paired devices, the pairing lock and the LAN addresses',
    input: z.object({}).strict(),
    output: devicesOverviewSchema,
    roles: ['manager', 'reception'],
    writes: false,
  }),
  /** Renames a device; `expectedVersion` guards against two managers renaming at once. */
  'devices.rename': defineMethod({
    summary: 'Rename a paired device (manager)',
    input: z.object({ deviceId: idSchema, name: deviceNameSchema, expectedVersion: z.number().int().positive() }).strict(),
    output: deviceSchema,
    roles: ['manager'],
    writes: true,
  }),
  /** Removes a device: its token stops working at once and its open event stream ends. */
  'devices.revoke': defineMethod({
    summary: 'Remove a paired device at once (manager)',
    input: z.object({ deviceId: idSchema }).strict(),
    output: deviceSchema,
    roles: ['manager'],
    writes: true,
  }),
} as const;
