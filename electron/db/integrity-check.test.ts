import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';

let dir: string;
let file: string;
const open: TestCore[] = [];
const start = async (at = file) => {
  const core = await createTestCore({ file: at });
  open.push(core);
  return core;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-integrity-'));
  file = join(dir, 'frontdesk.sqlite');
});
afterEach(async () => {
  for (const core of open.splice(0)) await core.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A clinic on file, closed cleanly, with a table of filler rows whose pages come last. */
async function clinicOnFile() {
  const core = await createTestCore({ file });
  const managerId = await addStaff(core, '何芳', 'manager');
  core.database.sqlite.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = core.database.sqlite.prepare('INSERT INTO filler (text) VALUES (?)');
  core.database.sqlite.transaction(() => {
    for (let index = 0; index < 3000; index += 1) insert.run(`filler row ${index} `.repeat(8));
  })();
  await core.close();
  expect(existsSync(`${file}-wal`)).toBe(false);
  return managerId;
}

describe('the integrity check at start', () => {
  it('after a clean shutdown runs in the background while the console already answers', async () => {
    const managerId = await clinicOnFile();
    const core = await start();
    expect(core.integrity.current().state).toBe('checking');
    const token = await signIn(core, managerId);
    expect(await core.dispatcher.dispatch('settings.get', {}, caller(token))).toMatchObject({ ok: true });
    expect(await core.integrity.settled()).toMatchObject({ state: 'ok' });
    expect(await core.dispatcher.dispatch('settings.update', { clinicName: '悦颜' }, caller(token))).toMatchObject({ ok: true });
  });

  it('after a crash (the write-ahead log left behind) runs before the console opens', async () => {
    const managerId = await clinicOnFile();
    const running = await start();
    await running.dispatcher.dispatch('settings.update', { clinicName: '悦颜' }, caller(await signIn(running, managerId)));
    // A copy of the files while the console runs is what a power cut leaves.
    const crashed = join(dir, 'crashed.sqlite');
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${file}${suffix}`, `${crashed}${suffix}`);
    expect(statSync(`${crashed}-wal`).size).toBeGreaterThan(0);
    const core = await start(crashed);
    expect(core.integrity.current().state).toBe('ok');
  });

  it('that fails stops every change with a clear error, keeps reading and signing in, and says so at health', async () => {
    const managerId = await clinicOnFile();
    // Garbage over the last pages: the filler table's leaves.
    const size = statSync(file).size;
    const handle = openSync(file, 'r+');
    for (let page = 2; page <= 6; page += 1) writeSync(handle, Buffer.alloc(64, 0xa5), 0, 64, size - page * 4096);
    closeSync(handle);

    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.join(' '));
    try {
      const core = await start();
      const result = await core.integrity.settled();
      expect(result.state).toBe('failed');
      expect(logged.join('\n')).toContain('failed its quick_check');
      const token = await signIn(core, managerId);
      expect(await core.dispatcher.dispatch('settings.get', {}, caller(token))).toMatchObject({ ok: true });
      const refused = await core.dispatcher.dispatch('settings.update', { clinicName: '悦颜' }, caller(token, 'zh-CN'));
      expect(refused).toMatchObject({ ok: false, status: 503, error: { code: 'unavailable' } });
      if (!refused.ok) expect(refused.error.message).toContain('从备份恢复');
      const saved = core.database.sqlite.prepare("SELECT COUNT(*) AS n FROM settings WHERE key = 'clinicName'").get() as { n: number };
      expect(saved.n).toBe(0);
    } finally {
      console.error = original;
    }
  });
});
