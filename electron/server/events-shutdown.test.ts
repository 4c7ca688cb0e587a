import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { createHttpServer } from './http-server';

let core: TestCore;

beforeEach(async () => {
  core = await createTestCore();
});
afterEach(() => core.close());

describe('closing the server', () => {
  // A restart (Ctrl+C, a service manager's SIGTERM) must not wait on the lobby TV's open stream;
  // the TV sees its stream end and reconnects to the new server by itself.
  it('ends every open event stream instead of waiting on it', async () => {
    const token = await signIn(core, await addStaff(core, '大堂显示屏', 'display'));
    const server = await createHttpServer({ core, version: '9.9.9' });
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${token}` } });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toContain('event: ready');

    await server.close();
    let rest = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      rest += value;
    }
    expect(rest).not.toContain('event:');
  });
});
