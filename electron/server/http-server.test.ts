import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, createTestCore, type TestCore } from '../../tests/helpers/test-core';
import { BODY_LIMIT_BYTES, cacheControlOf, createHttpServer } from './http-server';

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

  // The sign-in page checks for a session on every load: nobody signed in is an answer (200), so the
  // browser logs no failed request. Every other method still refuses a caller without a session.
  it('answers the session check with 200 and no session when nobody is signed in, or the session is over', async () => {
    expect(await post('auth.session', {})).toEqual({ status: 200, body: { session: null } });
    expect(await post('auth.session', {}, 'forged')).toEqual({ status: 200, body: { session: null } });

    const token = await tokenFor(receptionId);
    const signedIn = await post('auth.session', {}, token);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.session).toEqual((await post('auth.me', {}, token)).body);
    expect(signedIn.body.session).toMatchObject({ staff: { id: receptionId, name: '陈晓雨', role: 'reception' } });

    expect((await post('auth.signOut', {}, token)).status).toBe(200);
    expect(await post('auth.session', {}, token)).toEqual({ status: 200, body: { session: null } });
    expect((await post('auth.me', {}, token)).status).toBe(401);
    expect((await post('auth.me', {})).status).toBe(401);
    // A session already over signs out with an answer, not a failure: a console locked after its
    // session expired overnight logs no 401 (issue 12 part 4), and nothing else changes.
    expect(await post('auth.signOut', {}, token)).toEqual({ status: 200, body: { ok: true } });
    expect(await post('auth.signOut', {})).toEqual({ status: 200, body: { ok: true } });
    expect((await post('auth.me', {}, token)).status).toBe(401);
  });

  it('keeps the session cookie for the session’s lifetime by Max-Age, whatever the browser’s clock says', async () => {
    // The console's clock a year ahead of the browser's (as `--now` does, or a tablet set wrong):
    // an absolute Expires would be read by the browser's clock and could be long past.
    core.clock.advance(365 * 24 * 3_600_000);
    const response = await fetch(`${base}/api/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ staffId: receptionId, pin: '1234' }),
    });
    const body = (await response.json()) as { expiresAt: string };
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).not.toMatch(/Expires=/i);
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)?.[1]);
    expect(maxAge).toBe(Math.floor((Date.parse(body.expiresAt) - core.clock.now().getTime()) / 1000));
    expect(maxAge).toBeGreaterThan(60 * 60);
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

  it('ends a session’s open streams with signedOut the moment it signs out, and leaves other sessions’ streams open', async () => {
    const leaving = await tokenFor(receptionId);
    const staying = await tokenFor(managerId);
    const open = async (token: string) => {
      const response = await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${token}` } });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let received = '';
      let ended = false;
      const readUntil = async (needle: string) => {
        while (!received.includes(needle)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before ${needle}`);
          received += value;
        }
      };
      const readToEnd = async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return (ended = true);
          received += value;
        }
      };
      return { readUntil, readToEnd, received: () => received, ended: () => ended, cancel: () => reader.cancel() };
    };
    const tab = await open(leaving);
    const other = await open(staying);
    await tab.readUntil('event: ready');
    await other.readUntil('event: ready');

    expect((await post('auth.signOut', {}, leaving)).status).toBe(200);
    // A change after the sign-out: the other session hears it …
    await post('settings.update', { clinicName: '悦颜门诊' }, staying);
    await other.readUntil('event: settings.changed');
    expect(other.ended()).toBe(false);
    // … the signed-out stream had already ended with signedOut (not at its next heartbeat, 15 s
    // later, after hearing the change: it never did).
    await tab.readToEnd();
    expect(tab.received()).toContain('event: signedOut');
    expect(tab.received()).not.toContain('settings.changed');
    await other.cancel();
  });

  it('refuses the event stream without a session', async () => {
    const response = await fetch(`${base}/api/events`);
    expect(response.status).toBe(401);
  });

  // A cookie that is not valid percent-encoding is no session: 401, not a 500 from decoding it.
  it('answers 401 to a malformed session cookie on the event stream and the print page', async () => {
    const cookie = 'fd_session=%E0%A4%A';
    const events = await fetch(`${base}/api/events`, { headers: { cookie, 'accept-language': 'en' } });
    expect(events.status).toBe(401);
    expect(await events.json()).toEqual({ error: { code: 'unauthenticated', message: 'Please sign in first' } });
    const slip = await fetch(`${base}/print/slip/1`, { headers: { cookie } });
    expect(slip.status).toBe(401);
    expect(await slip.text()).toContain('<html');
    // Another cookie's bad escape does not matter: a well-formed token is read, and one that is no
    // session is told so on the stream (see events-resume.test.ts).
    const unknown = await fetch(`${base}/api/events`, { headers: { cookie: 'other=%E0; fd_session=unknown' } });
    expect(await unknown.text()).toBe('event: signedOut\ndata: {}\n\n');
  });
});

describe('the built renderer', () => {
  const INDEX = '<!doctype html><html lang="zh-CN"><body><div id="root"></div><script type="module" src="./assets/index-Ab3d_F9x.js"></script></body></html>';
  const SCRIPT = `console.log(${JSON.stringify('前台接待台 '.repeat(2000))});`;
  let folder: string;
  let site: FastifyInstance;
  let origin: string;

  beforeEach(async () => {
    // A build as scripts/build.mjs leaves it: hashed assets with their .br and .gz beside them.
    folder = mkdtempSync(join(tmpdir(), 'frontdesk-renderer-'));
    mkdirSync(join(folder, 'assets'));
    writeFileSync(join(folder, 'index.html'), INDEX);
    const script = join(folder, 'assets', 'index-Ab3d_F9x.js');
    writeFileSync(script, SCRIPT);
    writeFileSync(`${script}.br`, brotliCompressSync(SCRIPT));
    writeFileSync(`${script}.gz`, gzipSync(SCRIPT));
    site = await createHttpServer({ core, version: '9.9.9', rendererDir: folder });
    origin = await site.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    await site.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** A GET with exactly the given Accept-Encoding (fetch would add its own and decode). */
  const get = (path: string, acceptEncoding?: string) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const outgoing = httpRequest(`${origin}${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      });
      outgoing.on('error', reject);
      outgoing.end();
    });

  it('sends a script brotli- or gzip-compressed to a browser that accepts it, cached for good', async () => {
    const br = await get('/assets/index-Ab3d_F9x.js', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);

    const gzip = await get('/assets/index-Ab3d_F9x.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-Ab3d_F9x.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('serves the page at / and at every page path, asked again each time, with its security headers', async () => {
    for (const path of ['/', '/index.html', '/display', '/board']) {
      const page = await get(path, 'gzip, deflate, br');
      expect(page.status, path).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['cache-control'], path).toBe('no-cache');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.body.toString()).toBe(INDEX);
    }
    // The API stays the API's.
    expect((await get('/api/nothing')).status).toBe(404);
  });

  it('caches only content-named files for good', () => {
    expect(cacheControlOf('/srv/renderer/assets/board-page-jCtjq8JU.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlOf('C:\\FrontDesk\\renderer\\assets\\index-3ckfz5Dj.css.br')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlOf('/srv/renderer/index.html')).toBe('no-cache');
    expect(cacheControlOf('/srv/renderer/index.html.gz')).toBe('no-cache');
    expect(cacheControlOf('/srv/renderer/assets/logo.svg')).toBe('no-cache');
  });
});
