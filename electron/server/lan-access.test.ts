/**
 * Issue 15 — the browser mode on the clinic LAN: with LAN mode on, nothing but health and pairing
 * answers without a paired device's token (generated from the contract, so a new method cannot be
 * forgotten); a removed device is refused at its next call and its event stream ends; pairing codes
 * are single use, expire, and five wrong ones lock pairing; the database file holds no plain code
 * or token.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract/index';
import { PAIRING_MAX_FAILURES } from '../../shared/domain/devices';
import { addStaff, countRows, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { deviceClient, showPairingCode, startLanServer, type LanServer } from '../../tests/helpers/lan-server';

let core: TestCore;
let lan: LanServer;

afterEach(async () => {
  await lan.server.close();
  await core.close();
});

async function setUp(file?: string) {
  core = await createTestCore(file ? { file } : {});
  const managerId = await addStaff(core, '何芳', 'manager');
  const guideId = await addStaff(core, '周静', 'guide');
  const receptionId = await addStaff(core, '陈晓雨', 'reception');
  const displayId = await addStaff(core, '大堂屏', 'display');
  lan = await startLanServer(core);
  const managerToken = await signIn(core, managerId);
  return { managerId, guideId, receptionId, displayId, managerToken };
}

async function pair(code: string) {
  const answer = await deviceClient(lan.base, null)('devices.pair', { code });
  expect(answer.status).toBe(200);
  return answer.body as unknown as { deviceToken: string; device: { id: number } };
}

describe('LAN mode: a paired device’s token is required', () => {
  it('refuses every contract method and the event stream without a device token, even with a valid session', async () => {
    const { managerToken } = await setUp();
    const call = deviceClient(lan.base, null);
    const auditBefore = await countRows(core, 'audit_log');
    for (const method of methodNames.filter((name) => name !== 'devices.pair')) {
      for (const session of [undefined, managerToken]) {
        const answer = await call(method, {}, session);
        expect({ method, status: answer.status, device: answer.body.error?.details?.device }).toEqual({ method, status: 401, device: 'unpaired' });
      }
    }
    const forged = await deviceClient(lan.base, 'not-a-device-token')('auth.staff', {});
    expect(forged.status).toBe(401);
    const stream = await fetch(`${lan.base}/api/events`, { headers: { authorization: `Bearer ${managerToken}` } });
    expect(stream.status).toBe(401);
    const slip = await fetch(`${lan.base}/print/slip/1`, { headers: { authorization: `Bearer ${managerToken}` } });
    expect(slip.status).toBe(401);
    // The staff list (who works here, which accounts to try) is not readable by a stranger.
    expect(await countRows(core, 'audit_log')).toBe(auditBefore);
    // Health still answers, for the tablet's "is the console there" check.
    expect((await fetch(`${lan.base}/api/health`)).status).toBe(200);
  });

  it('pairs with the code shown on the lobby PC; the device then signs in and works', async () => {
    const { guideId, managerToken, managerId } = await setUp();
    const code = await showPairingCode(core, managerToken);
    const paired = await pair(code);
    expect(paired.deviceToken.length).toBeGreaterThanOrEqual(43); // 256 random bits, base64url
    const call = deviceClient(lan.base, paired.deviceToken);
    const staff = await call('auth.staff', {});
    expect(staff.status).toBe(200);
    // A guide tablet lists only the roles it allows (no display account).
    expect((staff.body as unknown as { role: string }[]).map((member) => member.role).sort()).toEqual(['guide', 'manager', 'reception']);
    const signedIn = await call('auth.signIn', { staffId: guideId, pin: '1234' });
    expect(signedIn.status).toBe(200);
    const board = await call('visits.board', {}, signedIn.body.token as string);
    expect(board.status).toBe(200);
    expect(board.headers.get('cache-control')).toBe('no-store');
    const list = await core.dispatcher.dispatch('devices.list', {}, { transport: 'ipc', token: managerToken, device: 'desktop', language: 'en' });
    expect(list.ok && list.value).toMatchObject({ devices: [{ id: paired.device.id, kind: 'guideTablet', name: '2楼导医平板', pairedBy: '何芳', lastAddress: '127.0.0.1', revokedAt: null }] });
    const audit = await core.database.db.selectFrom('audit_log').select(['method', 'staff_id', 'target']).where('method', 'like', 'devices.%').execute();
    expect(audit).toEqual([
      { method: 'devices.startPairing', staff_id: managerId, target: 'pairing' },
      { method: 'devices.pair', staff_id: managerId, target: `device:${paired.device.id}` },
    ]);
  });

  it('refuses a used code and an expired one', async () => {
    const { managerToken } = await setUp();
    const code = await showPairingCode(core, managerToken);
    await pair(code);
    const again = await deviceClient(lan.base, null)('devices.pair', { code });
    expect(again.status).toBe(401);
    const late = await showPairingCode(core, managerToken);
    core.clock.advance(5 * 60_000 + 1000);
    const expired = await deviceClient(lan.base, null)('devices.pair', { code: late });
    expect(expired.status).toBe(401);
    expect(await countRows(core, 'devices')).toBe(1);
  });

  it('locks pairing after five wrong codes, tells the lobby PC, and refuses even the right code meanwhile', async () => {
    const { managerToken } = await setUp();
    const code = await showPairingCode(core, managerToken);
    const wrong = code === '000000' ? '000001' : '000000';
    const notices: string[] = [];
    core.events.subscribe((notice) => notices.push(notice.name));
    const call = deviceClient(lan.base, null);
    for (let attempt = 1; attempt < PAIRING_MAX_FAILURES; attempt++) {
      const answer = await call('devices.pair', { code: wrong });
      expect(answer.status).toBe(401);
      expect(answer.body.error?.details).toEqual({ attemptsLeft: PAIRING_MAX_FAILURES - attempt });
    }
    const locking = await call('devices.pair', { code: wrong });
    expect(locking.status).toBe(403);
    expect(locking.body.error?.message).toMatch(/locked/);
    expect(notices).toContain('devices.pairingLocked');
    expect(notices).toContain('notifications.raised');
    const right = await call('devices.pair', { code });
    expect(right.status).toBe(403);
    expect(await countRows(core, 'devices')).toBe(0);
    const notification = await core.database.db.selectFrom('notifications').select(['kind', 'link']).executeTakeFirstOrThrow();
    expect(notification).toEqual({ kind: 'pairingLocked', link: '#/settings' });
    // After the lock the right code works (if still valid); a second lock would last twice as long.
    core.clock.advance(5 * 60_000 + 1000);
    const fresh = await showPairingCode(core, managerToken);
    expect((await call('devices.pair', { code: fresh })).status).toBe(200);
  });

  it('refuses a removed device at its next call and ends its open event stream', async () => {
    const { guideId, managerToken } = await setUp();
    const paired = await pair(await showPairingCode(core, managerToken));
    const call = deviceClient(lan.base, paired.deviceToken);
    const session = (await call('auth.signIn', { staffId: guideId, pin: '1234' })).body.token as string;
    const stream = await fetch(`${lan.base}/api/events`, { headers: { authorization: `Bearer ${session}`, 'x-device-token': paired.deviceToken } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('event: ready')) text += (await reader.read()).value ?? '';

    const revoked = await core.dispatcher.dispatch('devices.revoke', { deviceId: paired.device.id }, { transport: 'ipc', token: managerToken, device: 'desktop', language: 'en' });
    expect(revoked.ok).toBe(true);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    expect(text).toContain('event: deviceRemoved');
    const next = await call('visits.board', {}, session);
    expect(next.status).toBe(401);
    expect(next.body.error).toMatchObject({ code: 'unauthenticated', details: { device: 'removed' } });
    expect(next.headers.get('set-cookie')).toMatch(/fd_device=;/);
    // Its sessions ended with it.
    const live = await core.database.db.selectFrom('sessions').select('revoked_at').where('device', '=', `device:${paired.device.id}`).execute();
    expect(live.every((row) => row.revoked_at !== null)).toBe(true);
    const audit = await core.database.db.selectFrom('audit_log').select('method').where('method', '=', 'devices.revoke').execute();
    expect(audit).toHaveLength(1);
  });

  it('lets a lobby TV sign in only as the display, read-only', async () => {
    const { receptionId, displayId, managerToken } = await setUp();
    const tv = await pair(await showPairingCode(core, managerToken, 'lobbyTv', '大堂电视'));
    const call = deviceClient(lan.base, tv.deviceToken);
    expect((await call('auth.staff', {})).body).toEqual([{ id: displayId, name: '大堂屏', role: 'display', specialty: null }]);
    const reception = await call('auth.signIn', { staffId: receptionId, pin: '1234' });
    expect(reception.status).toBe(403);
    const display = await call('auth.signIn', { staffId: displayId, pin: '1234' });
    expect(display.status).toBe(200);
    expect((await call('display.board', {}, display.body.token as string)).status).toBe(200);
    expect((await call('visits.board', {}, display.body.token as string)).status).toBe(403);
  });

  it('keeps no plain pairing code or device token in the database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-lan-'));
    const { managerToken, guideId } = await setUp(join(dir, 'frontdesk.sqlite'));
    const code = await showPairingCode(core, managerToken);
    const paired = await pair(code);
    const session = (await deviceClient(lan.base, paired.deviceToken)('auth.signIn', { staffId: guideId, pin: '1234' })).body.token as string;
    core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const files = readdirSync(dir).filter((name) => name.startsWith('frontdesk.sqlite'));
    const bytes = Buffer.concat(files.map((name) => readFileSync(join(dir, name))));
    for (const secret of [code, paired.deviceToken, session, managerToken]) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    // What is stored is the hash.
    const stored = await core.database.db.selectFrom('devices').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('limits sign-in tries per device, and a stranger’s tries never lock the lobby PC out', async () => {
    const { receptionId, managerToken } = await setUp();
    const paired = await pair(await showPairingCode(core, managerToken));
    const call = deviceClient(lan.base, paired.deviceToken);
    const answers: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) answers.push((await call('auth.signIn', { staffId: receptionId, pin: '9999' })).status);
    expect(answers.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(answers.slice(10)).toEqual([429, 429]);
    const limited = await call('auth.signIn', { staffId: receptionId, pin: '1234' });
    expect(limited.body.error).toMatchObject({ code: 'too_many' });
    // The account itself is not locked: reception signs in at the lobby PC.
    await expect(signIn(core, receptionId)).resolves.toEqual(expect.any(String));
  });
});
