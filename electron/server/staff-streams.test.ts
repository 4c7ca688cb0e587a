/**
 * Issue 13 part 8: deactivating a member of staff ends their sessions at once — their open event
 * streams too (a tablet left on the board locks now, not at the stream's next heartbeat), while
 * everybody else's streams stay open and hear the change.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addStaff, createTestCore, type TestCore } from '../../tests/helpers/test-core';
import { createHttpServer } from './http-server';

let core: TestCore;
let server: FastifyInstance;
let base: string;

beforeEach(async () => {
  core = await createTestCore();
  server = await createHttpServer({ core, version: '9.9.9' });
  base = await server.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await server.close();
  await core.close();
});

async function post(method: string, body: unknown, token?: string) {
  const response = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function openStream(token: string) {
  const response = await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${token}` } });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let received = '';
  return {
    async readUntil(needle: string) {
      while (!received.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        received += value;
      }
    },
    /** Reads until the server ends the stream. */
    async readToEnd() {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return received;
        received += value;
      }
    },
    cancel: () => reader.cancel(),
  };
}

/** A nurse and a manager, each signed in, the nurse's event stream open and ready. */
async function nurseListening(nurseName: string, managerName: string) {
  const nurseId = await addStaff(core, nurseName, 'nurse');
  const managerId = await addStaff(core, managerName, 'manager');
  const nurse = (await post('auth.signIn', { staffId: nurseId, pin: '1234' })).body.token as string;
  const nurseStream = await openStream(nurse);
  await nurseStream.readUntil('event: ready');
  const signInManager = async () => {
    const manager = (await post('auth.signIn', { staffId: managerId, pin: '1234' })).body.token as string;
    const managerStream = await openStream(manager);
    await managerStream.readUntil('event: ready');
    return { manager, managerStream };
  };
  return { nurseId, nurse, nurseStream, signInManager };
}

it('ends the open event stream of a deactivated nurse at once, with signedOut, and keeps the manager’s', async () => {
  const { nurseId, nurse, nurseStream, signInManager } = await nurseListening('林护士', '何芳');
  const { manager, managerStream } = await signInManager();

  const listed = (await post('staff.list', {}, manager)).body as { staff: { id: number; version: number }[] };
  const version = listed.staff.find((member) => member.id === nurseId)?.version;
  expect((await post('staff.deactivate', { id: nurseId, expectedVersion: version }, manager)).status).toBe(200);

  await managerStream.readUntil('event: staff.changed');
  // A change after the deactivation: the manager hears it; the nurse's stream had already ended
  // with signedOut (not 15 s later at its heartbeat, after hearing the change: it never does).
  await post('settings.update', { clinicName: '悦颜门诊' }, manager);
  await managerStream.readUntil('event: settings.changed');
  const heard = await nurseStream.readToEnd();
  expect(heard).toContain('event: signedOut');
  expect(heard).not.toContain('settings.changed');
  // Her token answers nothing any more; the manager's still does.
  expect((await post('visits.board', {}, nurse)).status).toBe(401);
  expect((await post('visits.board', {}, manager)).status).toBe(200);
  await managerStream.cancel();
});

it('a notice after the session has expired ends its stream with signedOut instead (its console would read and be refused: issue 12 part 4); a live session hears it', async () => {
  const { nurseStream, signInManager } = await nurseListening('夜班护士', '早班主管');
  // The night passes (a session lasts 14 hours); the morning manager signs in and changes a setting.
  core.clock.advance(15 * 3_600_000);
  const { manager, managerStream } = await signInManager();
  await post('settings.update', { clinicName: '悦颜门诊（早）' }, manager);
  await managerStream.readUntil('event: settings.changed');
  const heard = await nurseStream.readToEnd();
  expect(heard).toContain('event: signedOut');
  expect(heard).not.toContain('settings.changed');
  await managerStream.cancel();
});
