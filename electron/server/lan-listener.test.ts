/**
 * Issue 15: the desktop app listens on the LAN only while the manager's "LAN access" is on, on the
 * chosen port, and every call through it needs a paired device — the lobby PC's own loopback
 * included (it uses IPC).
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { startLanListener, type LanListener } from './lan-listener';

let core: TestCore;
let listener: LanListener;

afterEach(async () => {
  await listener.stop();
  await core.close();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('the LAN listener', () => {
  it('listens while LAN access is on, on its port, with device tokens required; stops when off', async () => {
    core = await createTestCore();
    const manager = await signIn(core, await addStaff(core, '何芳', 'manager'));
    const lines: string[] = [];
    listener = startLanListener(core, { version: '9.9.9', host: '127.0.0.1', log: (line) => lines.push(line) });
    await listener.settled();
    expect(listener.port()).toBeNull();

    const port = await freePort();
    const update = (patch: Record<string, unknown>, expected: Record<string, unknown>) => core.dispatcher.dispatch('settings.update', { ...patch, expected }, caller(manager));
    expect(await update({ lanAccess: true, lanPort: port }, { lanAccess: false, lanPort: 5170 })).toMatchObject({ ok: true });
    await listener.settled();
    expect(listener.port()).toBe(port);
    expect((await fetch(`http://127.0.0.1:${String(port)}/api/health`)).status).toBe(200);
    const staff = await fetch(`http://127.0.0.1:${String(port)}/api/auth.staff`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(staff.status).toBe(401);

    expect(await update({ lanAccess: false }, { lanAccess: true })).toMatchObject({ ok: true });
    await listener.settled();
    expect(listener.port()).toBeNull();
    await expect(fetch(`http://127.0.0.1:${String(port)}/api/health`)).rejects.toThrow();
    expect(lines).toEqual([`[lan] LAN access on, port ${String(port)}`, '[lan] LAN access off']);
  });
});
