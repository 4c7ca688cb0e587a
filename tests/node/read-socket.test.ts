/**
 * The page's side of the read socket (renderer/client/call-socket.ts), against the real server: it
 * carries nothing until a POST has been answered, then reads; a socket the server closes sends its
 * reads by POST until the next answered POST opens another; a refused upgrade is not asked again
 * for a while; a read with no answer is taken as a dead socket.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createHttpServer } from '../../electron/server/http-server';
import { addStaff, createTestCore, signIn, type TestCore } from '../helpers/test-core';
import { startLanServer } from '../helpers/lan-server';
import { callSocketUrl, carriedBySocket, createCallSocket, REFUSED_PAUSE_MS } from '../../renderer/client/call-socket';

let core: TestCore | null = null;
let server: FastifyInstance | null = null;
afterEach(async () => {
  await server?.close();
  await core?.close();
  server = null;
  core = null;
});

/** Polls (without a clock of its own) until `check` holds. */
async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  for (let tries = 0; tries < 500; tries += 1) {
    if (await check()) return;
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('never happened');
}

async function start(lan = false) {
  core = await createTestCore();
  const managerId = await addStaff(core, '何芳', 'manager');
  if (lan) {
    const started = await startLanServer(core);
    server = started.server;
    return { base: started.base, token: await signIn(core, managerId) };
  }
  server = await createHttpServer({ core, version: '9.9.9' });
  return { base: await server.listen({ port: 0, host: '127.0.0.1' }), token: await signIn(core, managerId) };
}

describe('the read socket', () => {
  it('carries nothing before a POST was answered, then reads, and after the server closes it waits for the next POST', async () => {
    const { base, token } = await start();
    const socket = createCallSocket(callSocketUrl(base, { protocol: 'http:', host: 'unused' }));
    expect(await socket.call('auth.me', {}, token, 'en')).toBeNull();

    socket.reachable();
    let answer: Awaited<ReturnType<typeof socket.call>> = null;
    await until(async () => (answer = await socket.call('auth.me', {}, token, 'en')) !== null);
    expect(answer).toMatchObject({ status: 200, body: { staff: { name: '何芳' } } });
    expect(await socket.call('auth.me', {}, null, 'zh-CN')).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });

    // The settings change closes every socket (call-socket.ts on the server): reads go by POST ...
    await core!.dispatcher.dispatch('settings.update', { clinicName: '悦颜·改' }, { transport: 'internal', token, device: 'test', language: 'en' });
    await until(async () => (await socket.call('auth.me', {}, token, 'en')) === null);
    // ... until a POST is answered again.
    socket.reachable();
    await until(async () => (await socket.call('auth.me', {}, token, 'en')) !== null);
    socket.close();
    expect(await socket.call('auth.me', {}, token, 'en')).toBeNull();
  });

  it('after a refused upgrade asks again only once the pause is over', async () => {
    const { base, token } = await start(true);
    const opened: WebSocket[] = [];
    let now = 1_000_000;
    const socket = createCallSocket(callSocketUrl(base, { protocol: 'http:', host: 'unused' }), {
      now: () => now,
      open: (url) => opened[opened.push(new WebSocket(url)) - 1]!,
    });
    // On the LAN without the device's cookie, the upgrade is refused.
    socket.reachable();
    await until(() => opened[0]?.readyState === WebSocket.CLOSED);
    expect(await socket.call('auth.me', {}, token, 'en')).toBeNull();
    now += REFUSED_PAUSE_MS - 1;
    socket.reachable();
    expect(opened).toHaveLength(1);
    now += 1;
    socket.reachable();
    expect(opened).toHaveLength(2);
    socket.close();
  });

  it('takes a read with no answer as a dead socket: null, and the socket dropped', async () => {
    const silent = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => silent.once('listening', resolve));
    const { port } = silent.address() as { port: number };
    let closedByPage = false;
    silent.on('connection', (connection) => connection.on('close', () => (closedByPage = true)));
    const opened: WebSocket[] = [];
    const socket = createCallSocket(`ws://127.0.0.1:${String(port)}/api/calls`, { answerWaitMs: 50, open: (url) => opened[opened.push(new WebSocket(url)) - 1]! });
    socket.reachable();
    await until(() => opened[0]?.readyState === WebSocket.OPEN);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await socket.call('auth.me', {}, 't', 'en')).toBeNull();
    await until(() => closedByPage);
    // Dropped: the next read goes by POST at once, and the next answered POST opens another.
    expect(await socket.call('auth.me', {}, 't', 'en')).toBeNull();
    socket.reachable();
    expect(opened).toHaveLength(2);
    socket.close();
    silent.close();
  });

  it('leaves the manager’s reports on POST: a slow answer is not a dead socket', () => {
    expect(carriedBySocket('customers.search')).toBe(true);
    expect(carriedBySocket('visits.cards')).toBe(true);
    expect(carriedBySocket('report.get')).toBe(false);
    expect(callSocketUrl('', { protocol: 'https:', host: 'desk.local:8443' })).toBe('wss://desk.local:8443/api/calls');
    expect(callSocketUrl('http://192.168.1.20:5173', { protocol: 'http:', host: 'x' })).toBe('ws://192.168.1.20:5173/api/calls');
  });
});
