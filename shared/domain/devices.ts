/**
 * Paired devices (issue 15): the kinds of device that reach the lobby PC over the clinic LAN, and
 * which roles may sign in on each. A lobby TV is the display role only, read-only; a guide's tablet
 * is for the people who walk the floors; a room tablet for the people in the consultation rooms.
 */
import type { Role } from './roles';

/**
 * `deskBrowser`: a browser on the lobby PC itself while LAN access is on (then loopback is no
 * longer trusted by itself); it pairs with the code `npm run serve -- --lan` prints at start.
 */
export const DEVICE_KINDS = ['guideTablet', 'roomTablet', 'lobbyTv', 'deskBrowser'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Who may sign in on a device of each kind (checked at sign-in and on every call). */
export const DEVICE_ROLES: Record<DeviceKind, readonly Role[]> = {
  guideTablet: ['guide', 'reception', 'manager'],
  roomTablet: ['consultant', 'nurse', 'doctor', 'guide'],
  lobbyTv: ['display'],
  deskBrowser: ['reception', 'guide', 'consultant', 'nurse', 'doctor', 'manager', 'display'],
};

/** Whether `role` may be signed in on a device of `kind`. */
export function roleAllowedOnDevice(kind: DeviceKind, role: Role): boolean {
  return DEVICE_ROLES[kind].includes(role);
}

/** A pairing code: six digits, random, single use (OWASP ASVS 5.0 V6: out-of-band codes). */
export const PAIRING_CODE_PATTERN = /^\d{6}$/;
/** How long a pairing code stays valid. */
export const PAIRING_CODE_MINUTES = 5;
/** Wrong codes in a row before pairing is locked for everyone. */
export const PAIRING_MAX_FAILURES = 5;
/** The first lock; each further lock in a row lasts twice as long, up to a day. */
export const PAIRING_LOCK_MINUTES = 5;
export const PAIRING_LOCK_MAX_MINUTES = 24 * 60;

/** How long the pairing lock lasts after `lockouts` locks in a row (1, 2, 3 …): growing, capped. */
export function pairingLockMinutes(lockouts: number): number {
  return Math.min(PAIRING_LOCK_MAX_MINUTES, PAIRING_LOCK_MINUTES * 2 ** Math.max(0, lockouts - 1));
}
