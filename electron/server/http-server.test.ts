import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, createTestCore, type TestCore } from '../../tests/helpers/test-core';
import { BODY_LIMIT_BYTES, createHttpServer } from './http-server';

let core: TestCore;
let server: FastifyInstance;
let base: string;
let receptionId: number;
let managerId: number;

beforeEach(async () => {
  core = await createTestCore();
  receptionId = await addStaff(core, '陈晓雨', 'reception');
  managerId = await addStaff(core, '何芳', 'manager');
  server = await createHttpServer({ core, version: '9.9.9' });
  base = await server.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await server.close();
  await core.close();
});

async function post(method: string, body: unknown, token?: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: Record<string, unknown> } };
}

async function tokenFor(staffId: number): Promise<string> {
  const { body } = await post('auth.signIn', { staffId, pin: '1234' });
  return body.token as string;
}

describe('HTTP transport', () => {
  it('answers health without a token', async () => {
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, version: '9.9.9', schemaVersion: core.schemaVersion, now: core.clock.now().toISOString(), integrity: 'ok' });
  });

  it('calls a method with a token, and refuses it without one', async () => {
    const anonymous = await post('appointments.listDay', {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({ code: 'unauthenticated' });

    const token = await tokenFor(receptionId);
    const signed = await post('appointments.listDay', { date: '2026-11-23' }, token);
    expect(signed.status).toBe(200);
    expect(signed.body).toEqual({ date: '2026-11-23', appointments: [] });

    const wrongToken = await post('appointments.listDay', {}, 'forged');
    expect(wrongToken.status).toBe(401);
  });

  it('sends the error shape with status, code, path and a message in the caller’s language', async () => {
    const token = await tokenFor(managerId);
    const zh = await post('settings.update', { waitAmberMinutes: 'soon' }, token, { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(zh.status).toBe(400);
    expect(zh.body).toEqual({ error: { code: 'invalid', message: '等候黄色提醒的类型不正确', path: ['waitAmberMinutes'] } });
    const en = await post('settings.update', { waitAmberMinutes: 'soon' }, token, { 'accept-language': 'en-US' });
    expect(en.body.error?.message).toBe('Amber wait after has the wrong type');

    const forbidden = await post('settings.update', { idleLockMinutes: 3 }, await tokenFor(receptionId));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toMatchObject({ code: 'forbidden' });

    const unknown = await post('nothing.here', {}, token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'not_found' });
  });

  it('turns malformed JSON into `invalid`, and an empty body into `{}`', async () => {
    const malformed = await post('auth.staff', '{"oops":', undefined, { 'accept-language': 'en' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: { code: 'invalid', message: 'The request body is not valid JSON' } });

    const empty = await fetch(`${base}/api/auth.staff`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' });
    expect(empty.status).toBe(200);
    expect(((await empty.json()) as unknown[]).length).toBe(2);
  });

  it('refuses a body over the limit with 413 `too_large`', async () => {
    const huge = JSON.stringify({ staffId: 1, pin: '1'.repeat(BODY_LIMIT_BYTES) });
    const response = await post('auth.signIn', huge);
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({ code: 'too_large' });
  });

  it('answers 404 in the error shape for an unknown API path, and never leaks a stack', async () => {
    const response = await fetch(`${base}/api/a/b`);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'not_found' } });
    expect(text).not.toMatch(/at .*\.ts|node_modules/);
  });

  it('sets security headers: CSP, nosniff, no framing', async () => {
    const response = await fetch(`${base}/api/health`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('streams a change notice to an SSE client after another client’s write', async () => {
    const watcher = await tokenFor(receptionId);
    const writer = await tokenFor(managerId);
    const controller = new AbortController();
    const response = await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${watcher}` }, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();

    let received = '';
    const readUntil = async (needle: string) => {
      while (!received.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        received += value;
      }
    };
    await readUntil('event: ready');
    const update = await post('settings.update', { clinicName: '悦颜门诊' }, writer);
    expect(update.status).toBe(200);
    await readUntil('event: settings.changed');
    expect(received).toContain('data: {"keys":["clinicName"]}');
    controller.abort();
  });

  it('refuses the event stream without a session', async () => {
    const response = await fetch(`${base}/api/events`);
    expect(response.status).toBe(401);
  });
});
