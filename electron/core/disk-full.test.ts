/**
 * Issue 19 part 4: the data folder on a small tmpfs that runs out of space. Every change the
 * console acknowledged before the disk filled is still there after a restart, the change that did
 * not fit is answered `disk_full` (507) instead of `internal`, and once space is freed the same
 * connection takes changes again without a restart.
 *
 * Mounting needs root; elsewhere the test is skipped and says why.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { isDiskFull } from '../db/disk-full';

/** The filesystem's size, and the room left beside the filler: a few dozen registrations' worth. */
const TMPFS_SIZE = '4m';
const HEADROOM_BYTES = 768 * 1024;

let mountPoint = '';
let mounted = false;
let whyNot = '';

beforeAll(() => {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    whyNot = 'not running as root, so no tmpfs can be mounted';
    return;
  }
  mountPoint = mkdtempSync(join(tmpdir(), 'frontdesk-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE}`, 'tmpfs', mountPoint], { stdio: 'pipe' });
    mounted = true;
  } catch (error) {
    whyNot = `mount -t tmpfs failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
  }
});

afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint]);
  if (mountPoint) rmdirSync(mountPoint);
});

/** Writes zeros until the filesystem refuses, then gives `headroom` bytes back. */
function fillLeaving(path: string, headroom: number): void {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  let size = 0;
  try {
    for (;;) {
      try {
        size += writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
        throw error;
      }
    }
    ftruncateSync(fd, Math.max(0, size - headroom));
  } finally {
    closeSync(fd);
  }
}

describe('isDiskFull', () => {
  it("knows SQLite's SQLITE_FULL and the file system's ENOSPC, also as a cause", () => {
    expect(isDiskFull(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe(true);
    expect(isDiskFull(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }))).toBe(true);
    expect(isDiskFull(new Error('printing failed', { cause: Object.assign(new Error('write'), { code: 'ENOSPC' }) }))).toBe(true);
    expect(isDiskFull(Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false);
    expect(isDiskFull(null)).toBe(false);
  });
});

describe('a full disk under the data folder', () => {
  it('answers disk_full, loses nothing acknowledged, and takes changes again once space is freed', async (context) => {
    if (!mounted) {
      console.log(`[disk-full] skipped: ${whyNot}`);
      context.skip(whyNot);
    }
    const file = join(mountPoint, 'frontdesk.sqlite');
    const filler = join(mountPoint, 'filler.bin');
    let core: TestCore = await createTestCore({ file });
    try {
      const receptionId = await addStaff(core, '陈晓雨', 'reception');
      const token = await signIn(core, receptionId);
      // An empty write-ahead log, so every commit from here on needs new space on the disk.
      core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      fillLeaving(filler, HEADROOM_BYTES);

      const acknowledged: { id: number; name: string }[] = [];
      let refusal: { status: number; code: string; message: string } | null = null;
      for (let index = 0; index < 2000 && !refusal; index += 1) {
        const name = `满盘测试${index}`;
        const phone = `139${String(index).padStart(8, '0')}`;
        const result = await core.dispatcher.dispatch('customers.create', { name, phone, notes: '备注'.repeat(200) }, caller(token, 'zh-CN'));
        if (result.ok) acknowledged.push({ id: (result.value as { id: number }).id, name });
        else refusal = { status: result.status, code: result.error.code, message: result.error.message };
      }
      console.log(`[disk-full] ${acknowledged.length} registrations acknowledged before the disk was full`);
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(refusal).toMatchObject({ status: 507, code: 'disk_full' });
      expect(refusal?.message).toContain('磁盘已满');

      // Still full: refused the same way (not `internal`), in English too; reading still works.
      const again = await core.dispatcher.dispatch('customers.create', { name: '再试', phone: '13700000001' }, caller(token, 'en'));
      expect(again).toMatchObject({ ok: false, status: 507, error: { code: 'disk_full' } });
      if (!again.ok) expect(again.error.message).toMatch(/disk is full/i);
      expect(core.database.sqlite.inTransaction).toBe(false);
      const search = await core.dispatcher.dispatch('customers.search', { query: '满盘测试' }, caller(token));
      expect(search.ok).toBe(true);

      // Space freed: the same connection, no restart, takes the next change.
      rmSync(filler);
      const after = await core.dispatcher.dispatch('customers.create', { name: '腾出空间后', phone: '13700000002' }, caller(token));
      expect(after.ok).toBe(true);
      if (after.ok) acknowledged.push({ id: (after.value as { id: number }).id, name: '腾出空间后' });
      expect(core.errors.every((error) => isDiskFull(error))).toBe(true);

      // A restart finds every acknowledged change, and a sound file.
      await core.close();
      core = await createTestCore({ file });
      const rows = core.database.sqlite.prepare('SELECT id, name FROM customers ORDER BY id').all() as { id: number; name: string }[];
      const found = new Map(rows.map((row) => [row.id, row.name]));
      const missing = acknowledged.filter((written) => found.get(written.id) !== written.name);
      console.log(`[disk-full] after the restart ${acknowledged.length - missing.length} of ${acknowledged.length} acknowledged registrations found`);
      expect(missing).toEqual([]);
      expect(core.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await core.close();
      rmSync(filler, { force: true });
    }
  });
});
