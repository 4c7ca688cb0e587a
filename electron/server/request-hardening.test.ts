/**
 * Issue 15 — requests that must change nothing: a foreign Host or Origin (DNS rebinding), a body
 * that is not JSON, a body of 2 MB; and the same write sent twice with one idempotency key, which
 * changes the database once and answers the same both times.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, countRows, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { deviceClient, rawRequest, showPairingCode, startLanServer, type LanServer } from '../../tests/helpers/lan-server';

let core: TestCore;
let lan: LanServer;
let deviceToken: string;
let session: string;

beforeEach(async () => {
  core = await createTestCore();
  const managerId = await addStaff(core, '何芳', 'manager');
  const receptionId = await addStaff(core, '陈晓雨', 'reception');
  lan = await startLanServer(core);
  const code = await showPairingCode(core, await signIn(core, managerId));
  deviceToken = ((await deviceClient(lan.base, null)('devices.pair', { code })).body as { deviceToken: string }).deviceToken;
  session = (await deviceClient(lan.base, deviceToken)('auth.signIn', { staffId: receptionId, pin: '1234' })).body.token as string;
});
afterEach(async () => {
  await lan.server.close();
  await core.close();
});

const walkIn = { name: '李丽', phone: '13800138000' };

async function snapshot() {
  return { customers: await countRows(core, 'customers'), audit: await countRows(core, 'audit_log') };
}

describe('requests refused with nothing changed', () => {
  it('refuses a foreign Host and a foreign Origin with 403', async () => {
    const before = await snapshot();
    const headers = { 'content-type': 'application/json', 'x-device-token': deviceToken, authorization: `Bearer ${session}` };
    const body = JSON.stringify(walkIn);
    const foreignHost = await rawRequest(lan.port, { path: '/api/customers.create', headers: { ...headers, host: `evil.example:${String(lan.port)}` }, body });
    expect(foreignHost.status).toBe(403);
    expect(foreignHost.body.error?.code).toBe('forbidden');
    const wrongPort = await rawRequest(lan.port, { path: '/api/customers.create', headers: { ...headers, host: '127.0.0.1:1' }, body });
    expect(wrongPort.status).toBe(403);
    const foreignOrigin = await rawRequest(lan.port, { path: '/api/customers.create', headers: { ...headers, origin: 'http://evil.example' }, body });
    expect(foreignOrigin.status).toBe(403);
    const nullOrigin = await rawRequest(lan.port, { path: '/api/customers.create', headers: { ...headers, origin: 'null' }, body });
    expect(nullOrigin.status).toBe(403);
    // Even the page itself is not served to a rebound name.
    expect((await rawRequest(lan.port, { method: 'GET', path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
    expect(await snapshot()).toEqual(before);
    // Its own origin passes.
    const own = await rawRequest(lan.port, { path: '/api/customers.create', headers: { ...headers, origin: `http://127.0.0.1:${String(lan.port)}` }, body });
    expect(own.status).toBe(200);
  });

  it('refuses a body that is not JSON with 415, and one of 2 MB with 413', async () => {
    const before = await snapshot();
    const headers = { 'x-device-token': deviceToken, authorization: `Bearer ${session}` };
    const form = await rawRequest(lan.port, { path: '/api/customers.create', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: 'walkIn=1' });
    expect(form.status).toBe(415);
    const text = await rawRequest(lan.port, { path: '/api/customers.create', headers: { ...headers, 'content-type': 'text/plain' }, body: JSON.stringify(walkIn) });
    expect(text.status).toBe(415);
    const huge = JSON.stringify({ name: '李丽', phone: '13800138000', notes: 'x'.repeat(2 * 1024 * 1024) });
    const tooLarge = await rawRequest(lan.port, { path: '/api/customers.create', headers: { ...headers, 'content-type': 'application/json' }, body: huge });
    expect(tooLarge.status).toBe(413);
    expect(await snapshot()).toEqual(before);
  });

  it('sets the security headers: CSP, nosniff, no-store on the API', async () => {
    const answer = await rawRequest(lan.port, { method: 'GET', path: '/api/health' });
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['cache-control']).toBe('no-store');
  });
});

describe('idempotency keys', () => {
  it('applies the same write (a new customer) sent twice with one key once, and answers the same both times', async () => {
    const call = deviceClient(lan.base, deviceToken);
    const key = { 'idempotency-key': 'tap-7f3c2a91-0001' };
    const before = await snapshot();
    const first = await call('customers.create', walkIn, session, key);
    const again = await call('customers.create', walkIn, session, key);
    expect(first.status).toBe(200);
    expect(again).toMatchObject({ status: 200, body: first.body });
    const after = await snapshot();
    expect(after).toEqual({ customers: before.customers + 1, audit: before.audit + 1 });
  });

  it('applies two copies racing each other once', async () => {
    const call = deviceClient(lan.base, deviceToken);
    const key = { 'idempotency-key': 'tap-race-0002' };
    const [a, b] = await Promise.all([call('customers.create', walkIn, session, key), call('customers.create', walkIn, session, key)]);
    expect(a.body).toEqual(b.body);
    expect(await countRows(core, 'customers')).toBe(1);
  });

  it('refuses a key reused for another method, and a malformed key', async () => {
    const call = deviceClient(lan.base, deviceToken);
    await call('customers.create', walkIn, session, { 'idempotency-key': 'tap-reuse-0003' });
    const reused = await call('comfort.add', { visitId: 1, label: '毛毯', dueInMinutes: 5 }, session, { 'idempotency-key': 'tap-reuse-0003' });
    expect(reused.status).toBe(409);
    const bad = await call('customers.create', walkIn, session, { 'idempotency-key': 'no spaces allowed' });
    expect(bad.status).toBe(400);
    expect(await countRows(core, 'customers')).toBe(1);
  });
});
