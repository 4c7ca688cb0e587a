/**
 * Paired devices, their pairing codes and the pairing lock (issue 15). Tokens and codes arrive
 * here already hashed: this file never sees a plain one.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DeviceKind } from '../../../shared/domain/devices';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface DeviceRow {
  id: number;
  kind: DeviceKind;
  name: string;
  pairedBy: string | null;
  pairedAt: string;
  lastSeenAt: string | null;
  lastAddress: string | null;
  revokedAt: string | null;
  version: number;
}

function deviceQuery(db: Db) {
  return db
    .selectFrom('devices')
    .leftJoin('staff', 'staff.id', 'devices.paired_by')
    .select([
      'devices.id',
      'devices.kind',
      'devices.name',
      'staff.name as pairedBy',
      'devices.paired_at as pairedAt',
      'devices.last_seen_at as lastSeenAt',
      'devices.last_address as lastAddress',
      'devices.revoked_at as revokedAt',
      'devices.version',
    ]);
}

export async function listDevices(db: Db): Promise<DeviceRow[]> {
  return deviceQuery(db).orderBy('devices.revoked_at', 'asc').orderBy('devices.paired_at', 'desc').orderBy('devices.id', 'desc').execute();
}

export async function findDevice(db: Db, id: number): Promise<DeviceRow | undefined> {
  return deviceQuery(db).where('devices.id', '=', id).executeTakeFirst();
}

/** The device a token hash belongs to, removed or not. */
export async function findDeviceByTokenHash(db: Db, tokenHash: string) {
  return db.selectFrom('devices').select(['id', 'kind', 'name', 'revoked_at', 'last_seen_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function insertDevice(db: Db, device: { kind: DeviceKind; name: string; tokenHash: string; pairedBy: number | null; pairedAt: string; address: string | null }) {
  const row = await db
    .insertInto('devices')
    .values({ kind: device.kind, name: device.name, token_hash: device.tokenHash, paired_by: device.pairedBy, paired_at: device.pairedAt, last_seen_at: device.pairedAt, last_address: device.address })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function touchDevice(db: Db, id: number, at: string, address: string) {
  await db.updateTable('devices').set({ last_seen_at: at, last_address: address }).where('id', '=', id).execute();
}

/** Renames when the version still matches; returns whether it did. */
export async function renameDevice(db: Db, id: number, name: string, expectedVersion: number): Promise<boolean> {
  const result = await db
    .updateTable('devices')
    .set((eb) => ({ name, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function revokeDevice(db: Db, id: number, at: string, staffId: number) {
  await db
    .updateTable('devices')
    .set((eb) => ({ revoked_at: at, revoked_by: staffId, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  // Every session signed in on it ends too.
  await db.updateTable('sessions').set({ revoked_at: at }).where('device', '=', deviceLabel(id)).where('revoked_at', 'is', null).execute();
}

/** How a paired device is named in sessions and the audit log. */
export function deviceLabel(id: number): string {
  return `device:${id}`;
}

export async function insertPairingCode(
  db: Db,
  code: { salt: string; hash: string; kind: DeviceKind; name: string; createdBy: number | null; createdAt: string; expiresAt: string },
) {
  // An earlier code nobody used stops working: one code on screen at a time.
  await db.updateTable('pairing_codes').set({ expires_at: code.createdAt }).where('used_at', 'is', null).where('expires_at', '>', code.createdAt).execute();
  await db
    .insertInto('pairing_codes')
    .values({ code_salt: code.salt, code_hash: code.hash, kind: code.kind, name: code.name, created_by: code.createdBy, created_at: code.createdAt, expires_at: code.expiresAt })
    .execute();
}

/** The codes still valid at `now` (normally one). */
export async function livePairingCodes(db: Db, now: string) {
  return db
    .selectFrom('pairing_codes')
    .select(['id', 'code_salt', 'code_hash', 'kind', 'name', 'created_by'])
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
}

export async function markPairingCodeUsed(db: Db, id: number, at: string, deviceId: number) {
  await db.updateTable('pairing_codes').set({ used_at: at, device_id: deviceId }).where('id', '=', id).execute();
}

export async function readPairingGuard(db: Db) {
  return db.selectFrom('pairing_guard').select(['failures', 'locked_until', 'lockouts']).where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function writePairingGuard(db: Db, guard: { failures: number; locked_until: string | null; lockouts: number }) {
  await db.updateTable('pairing_guard').set(guard).where('id', '=', 1).execute();
}
