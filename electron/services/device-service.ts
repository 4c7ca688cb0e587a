/**
 * Paired devices (issue 15), per OWASP ASVS 5.0: a pairing code is random (crypto), single use,
 * valid 5 minutes and stored salted and hashed; five wrong codes in a row lock pairing for
 * everyone, each lock in a row twice as long as the last; a device token has 256 random bits and
 * is stored only as its SHA-256.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/contract/errors';
import type { DevicesOverview, Device } from '../../shared/contract/devices';
import { PAIRING_CODE_MINUTES, PAIRING_MAX_FAILURES, pairingLockMinutes, type DeviceKind } from '../../shared/domain/devices';
import {
  deviceLabel,
  findDevice,
  findDeviceByTokenHash,
  insertDevice,
  insertPairingCode,
  listDevices,
  livePairingCodes,
  markPairingCodeUsed,
  readPairingGuard,
  renameDevice,
  revokeDevice,
  touchDevice,
  writePairingGuard,
} from '../db/repositories/devices';
import type { Database } from '../db/schema';
import { hashToken } from './auth-service';

type Db = Kysely<Database> | Transaction<Database>;

/** A device's last contact is written at most this often (not on every call of a busy tablet). */
const TOUCH_EVERY_MS = 60_000;

/** The device behind a token, as the transport knows it. */
export interface PairedDevice {
  id: number;
  kind: DeviceKind;
  name: string;
}

export type DeviceCheck = { state: 'paired'; device: PairedDevice } | { state: 'removed' } | { state: 'unknown' };

function codeHash(salt: string, code: string): string {
  return createHash('sha256').update(salt).update(code).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface PairingOutcome {
  deviceToken: string;
  device: PairedDevice;
  /** Who showed the code (the audit row names them); null for the code `serve --lan` printed. */
  pairedBy: number | null;
}

export interface DeviceService {
  startPairing(db: Db, input: { kind: DeviceKind; name: string }, staffId: number | null, now: Date): Promise<{ code: string; expiresAt: string }>;
  /**
   * Pairs with a code. A wrong code is counted (kept even though the call fails); the fifth in a
   * row locks pairing and `onLocked` is told when, so the lobby PC can be warned.
   */
  pair(db: Db, code: string, address: string, now: Date, onLocked: (until: string) => Promise<void>): Promise<PairingOutcome>;
  overview(db: Db, now: Date, addresses: string[]): Promise<DevicesOverview>;
  rename(db: Db, input: { deviceId: number; name: string; expectedVersion: number }): Promise<{ device: Device; before: string }>;
  revoke(db: Db, deviceId: number, staffId: number, now: Date): Promise<Device>;
  /** Who a device token belongs to; touches its last contact (at most once a minute). */
  check(db: Db, token: string, address: string, now: Date): Promise<DeviceCheck>;
}

export function createDeviceService(): DeviceService {
  const lastTouched = new Map<number, number>();
  const requireDevice = async (db: Db, id: number) => {
    const device = await findDevice(db, id);
    if (!device) throw new AppError('not_found', 'error.notFound', { path: ['deviceId'] });
    return device;
  };
  return {
    async startPairing(db, input, staffId, now) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const salt = randomBytes(16).toString('hex');
      const expiresAt = new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000).toISOString();
      await insertPairingCode(db, { salt, hash: codeHash(salt, code), kind: input.kind, name: input.name, createdBy: staffId, createdAt: now.toISOString(), expiresAt });
      return { code, expiresAt };
    },

    async pair(db, code, address, now, onLocked) {
      const at = now.toISOString();
      const guard = await readPairingGuard(db);
      if (guard.locked_until && guard.locked_until > at) {
        const seconds = Math.ceil((Date.parse(guard.locked_until) - now.getTime()) / 1000);
        throw new AppError('forbidden', 'devices.error.pairingLocked', { params: { minutes: Math.ceil(seconds / 60) }, details: { lockedUntil: guard.locked_until }, path: ['code'] });
      }
      const match = (await livePairingCodes(db, at)).find((live) => sameHash(live.code_hash, codeHash(live.code_salt, code)));
      if (!match) {
        // A lock that ran out starts a fresh count, but remembers how many locks came in a row.
        const failures = (guard.locked_until ? 0 : guard.failures) + 1;
        if (failures >= PAIRING_MAX_FAILURES) {
          const lockouts = guard.lockouts + 1;
          const lockedUntil = new Date(now.getTime() + pairingLockMinutes(lockouts) * 60_000).toISOString();
          await writePairingGuard(db, { failures: 0, locked_until: lockedUntil, lockouts });
          await onLocked(lockedUntil);
          throw new AppError('forbidden', 'devices.error.pairingLocked', {
            params: { minutes: pairingLockMinutes(lockouts) },
            details: { lockedUntil },
            path: ['code'],
            keepWrites: true,
          });
        }
        await writePairingGuard(db, { failures, locked_until: null, lockouts: guard.lockouts });
        throw new AppError('unauthenticated', 'devices.error.wrongCode', {
          params: { left: PAIRING_MAX_FAILURES - failures },
          details: { attemptsLeft: PAIRING_MAX_FAILURES - failures },
          path: ['code'],
          keepWrites: true,
        });
      }
      await writePairingGuard(db, { failures: 0, locked_until: null, lockouts: 0 });
      const deviceToken = randomBytes(32).toString('base64url');
      const kind = match.kind as DeviceKind;
      const id = await insertDevice(db, { kind, name: match.name, tokenHash: hashToken(deviceToken), pairedBy: match.created_by, pairedAt: at, address });
      await markPairingCodeUsed(db, match.id, at, id);
      return { deviceToken, device: { id, kind, name: match.name }, pairedBy: match.created_by };
    },

    async overview(db, now, addresses) {
      const guard = await readPairingGuard(db);
      return {
        devices: await listDevices(db),
        pairingLockedUntil: guard.locked_until && guard.locked_until > now.toISOString() ? guard.locked_until : null,
        addresses,
      };
    },

    async rename(db, input) {
      const before = await requireDevice(db, input.deviceId);
      if (!(await renameDevice(db, input.deviceId, input.name, input.expectedVersion))) {
        throw new AppError('conflict', 'error.conflict', { details: { current: before }, path: ['expectedVersion'] });
      }
      return { device: await requireDevice(db, input.deviceId), before: before.name };
    },

    async revoke(db, deviceId, staffId, now) {
      await requireDevice(db, deviceId);
      await revokeDevice(db, deviceId, now.toISOString(), staffId);
      lastTouched.delete(deviceId);
      return requireDevice(db, deviceId);
    },

    async check(db, token, address, now) {
      const row = await findDeviceByTokenHash(db, hashToken(token));
      if (!row) return { state: 'unknown' };
      if (row.revoked_at) return { state: 'removed' };
      const last = lastTouched.get(row.id) ?? 0;
      if (now.getTime() - last >= TOUCH_EVERY_MS || now.getTime() < last) {
        lastTouched.set(row.id, now.getTime());
        await touchDevice(db, row.id, now.toISOString(), address);
      }
      return { state: 'paired', device: { id: row.id, kind: row.kind, name: row.name } };
    },
  };
}

export { deviceLabel };
