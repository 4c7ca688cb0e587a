import { EventSourceParserStream, type EventSourceMessage } from 'eventsource-parser/stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { createHttpServer } from './http-server';

let core: TestCore;
let server: FastifyInstance;
let base: string;
let token: string;
const open: AbortController[] = [];

beforeEach(async () => {
  core = await createTestCore();
  token = await signIn(core, await addStaff(core, '陈晓雨', 'reception'));
  server = await createHttpServer({ core, version: '9.9.9' });
  base = await server.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  for (const controller of open.splice(0)) controller.abort();
  await server.close();
  await core.close();
});

/** Opens the event stream (resuming after `lastEventId` when given) and reads it up to `ready`. */
async function connect(lastEventId?: string): Promise<{ before: EventSourceMessage[]; ready: EventSourceMessage; next(): Promise<EventSourceMessage> }> {
  const controller = new AbortController();
  open.push(controller);
  const response = await fetch(`${base}/api/events`, {
    headers: { authorization: `Bearer ${token}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
  const next = async () => {
    const { value, done } = await reader.read();
    if (done) throw new Error('the stream ended');
    return value;
  };
  const before: EventSourceMessage[] = [];
  for (;;) {
    const message = await next();
    if (message.event === 'ready') return { before, ready: message, next };
    before.push(message);
  }
}

describe('GET /api/events, resumed with Last-Event-ID', () => {
  it('gives every notice an id and replays, in order, only what a reconnecting client missed', async () => {
    const first = await connect();
    expect(first.before).toEqual([]);
    expect(JSON.parse(first.ready.data)).toEqual({ resumed: false });
    core.events.publish('visits.changed', { ids: [1] });
    const seen = await first.next();
    expect(seen).toMatchObject({ event: 'visits.changed', data: '{"ids":[1]}' });
    expect(seen.id).not.toBe(first.ready.id);

    // The tablet drops off the Wi-Fi; two things happen meanwhile.
    open.pop()!.abort();
    core.events.publish('appointments.changed', { ids: [7] });
    core.events.publish('visits.changed', { ids: [2, 3] });

    const again = await connect(seen.id);
    expect(again.before.map(({ event, data }) => ({ event, data }))).toEqual([
      { event: 'appointments.changed', data: '{"ids":[7]}' },
      { event: 'visits.changed', data: '{"ids":[2,3]}' },
    ]);
    expect(JSON.parse(again.ready.data)).toEqual({ resumed: true });
    expect(again.ready.id).toBe(again.before[1]!.id);

    // Back with nothing missed: nothing replayed, still resumed; and live notices follow.
    open.pop()!.abort();
    const idle = await connect(again.ready.id);
    expect(idle.before).toEqual([]);
    expect(JSON.parse(idle.ready.data)).toEqual({ resumed: true });
    core.events.publish('customers.changed', { ids: [5] });
    expect(await idle.next()).toMatchObject({ event: 'customers.changed', data: '{"ids":[5]}' });
  });

  it('asks for a full refresh for an id of another server start, a made-up one, or one too old', async () => {
    core.events.publish('visits.changed', { ids: [1] });
    const current = core.events.lastId();
    for (const unknown of ['0badc0de-1', 'nonsense', current.replace(/-\d+$/, '-99')]) {
      const stream = await connect(unknown);
      expect({ unknown, before: stream.before, ready: JSON.parse(stream.ready.data) }).toEqual({ unknown, before: [], ready: { resumed: false } });
    }

    // Away longer than the notices are kept (five minutes): what happened is no longer known.
    const beforeTheBreak = core.events.lastId();
    core.events.publish('visits.changed', { ids: [2] });
    core.clock.advance(5 * 60_000 + 1);
    const late = await connect(beforeTheBreak);
    expect(late.before).toEqual([]);
    expect(JSON.parse(late.ready.data)).toEqual({ resumed: false });
  });
});

describe('an answer read before the stream opened (the early board, renderer/client/early-calls.ts)', () => {
  it('names the newest notice it reflects, so a stream started there gets every notice that came after it', async () => {
    core.events.publish('visits.changed', { ids: [1] });
    const read = await fetch(`${base}/api/visits.board`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' });
    expect(read.status).toBe(200);
    const seen = read.headers.get('x-event-id');
    expect(seen).toBe(core.events.lastId());

    // Another desk checks someone in before this page's stream opens: the page must still hear of it.
    core.events.publish('visits.changed', { ids: [2] });
    const stream = await connect(seen!);
    expect(stream.before.map(({ event, data }) => ({ event, data }))).toEqual([{ event: 'visits.changed', data: '{"ids":[2]}' }]);
    expect(JSON.parse(stream.ready.data)).toEqual({ resumed: true });
  });
});

describe('GET /api/events for a session that is over', () => {
  it('answers a signed-out or expired token with `signedOut` and ends, so the console locks without a failed request', async () => {
    const signedOut = await signIn(core, await addStaff(core, '林佳', 'reception'));
    const result = await core.dispatcher.dispatch('auth.signOut', {}, caller(signedOut));
    expect(result.ok).toBe(true);
    core.clock.advance(14 * 3_600_000 + 1);
    for (const dead of [signedOut, token]) {
      const response = await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${dead}` } });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('event: signedOut\ndata: {}\n\n');
    }
  });
});
