import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupList } from '../../shared/contract/backups';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { backupsDirOf } from '../core/create-core';
import { RestoreRefused, restoreDatabase } from '../core/restore-database';
import { DATABASE_FILE } from '../core/data-dir';
import { KEPT_BACKUPS } from './backup-store';

const folders: string[] = [];
const cores: TestCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function dataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'frontdesk-backup-'));
  folders.push(folder);
  return folder;
}

async function coreIn(folder: string, options: { now?: string; pagesPerStep?: number } = {}): Promise<TestCore> {
  const core = await createTestCore({ file: join(folder, DATABASE_FILE), ...(options.now ? { now: options.now } : {}), ...(options.pagesPerStep ? { backupPace: { pagesPerStep: options.pagesPerStep } } : {}) });
  cores.push(core);
  return core;
}

async function call<T>(core: TestCore, token: string, method: string, input: unknown): Promise<T> {
  const result = await core.dispatcher.dispatch(method, input, caller(token));
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

let phone = 13900000000;
async function registerCustomer(core: TestCore, token: string, name: string): Promise<number> {
  phone += 1;
  return (await call<{ id: number }>(core, token, 'customers.create', { name, phone: String(phone) })).id;
}

function customerIdsIn(file: string): Set<number> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return new Set((db.prepare('select id from customers').all() as { id: number }[]).map((row) => row.id));
  } finally {
    db.close();
  }
}

function integrityOf(file: string): string {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('backups', () => {
  it('round-trips: a backup made while the desk keeps writing holds every earlier commit, and a restore brings it back after saving the current database', async () => {
    const folder = dataFolder();
    // Four pages a step, so the desk's own writes run between the copy's steps.
    const core = await coreIn(folder, { pagesPerStep: 4 });
    const manager = await addStaff(core, '周经理', 'manager');
    const token = await signIn(core, manager);
    const before: number[] = [];
    for (let index = 0; index < 150; index += 1) before.push(await registerCustomer(core, token, `备份前${String(index)}`));

    const started = await call<{ fileName: string }>(core, token, 'backups.create', {});
    const during: number[] = [];
    let steps = 0;
    for (;;) {
      const list = await call<BackupList>(core, token, 'backups.list', {});
      if (!list.running) break;
      steps += 1;
      // Each call of the desk arrives as its own I/O event (HTTP, IPC), between the copy's steps.
      await new Promise((resolve) => setImmediate(resolve));
      during.push(await registerCustomer(core, token, `备份中${String(steps)}`));
    }
    // The writes really ran while the copy was under way.
    expect(during.length).toBeGreaterThan(2);
    console.log(`[backup test] ${String(during.length)} customers registered while the copy ran; ${String(before.length)} before it`);

    const list = await call<BackupList>(core, token, 'backups.list', {});
    expect(list.backups).toHaveLength(1);
    const [backup] = list.backups;
    expect(backup).toMatchObject({ fileName: started.fileName, verified: true, trigger: 'manual', by: '周经理', schemaVersion: core.schemaVersion });
    const backupFile = join(backupsDirOf(join(folder, DATABASE_FILE)), started.fileName);
    expect(integrityOf(backupFile)).toBe('ok');
    const inBackup = customerIdsIn(backupFile);
    expect(before.filter((id) => !inBackup.has(id))).toEqual([]);
    // Nothing but the backup and its note in the folder: no temporary left behind.
    expect(readdirSync(backupsDirOf(join(folder, DATABASE_FILE))).sort()).toEqual([started.fileName, `${started.fileName}.json`]);
    const audit = await core.database.db.selectFrom('audit_log').selectAll().where('method', '=', 'backups.create').execute();
    expect(audit).toMatchObject([{ staff_id: manager, target: `backup:${started.fileName}` }]);

    // Later in the day: one more customer, then the desk closes and the backup is restored.
    core.clock.advance(60 * 60_000);
    const after = await registerCustomer(core, token, '备份后');
    cores.splice(cores.indexOf(core), 1);
    await core.close();
    const restored = await restoreDatabase({ file: join(folder, DATABASE_FILE), chosen: backupFile, clock: core.clock });
    expect(restored.savedAs).not.toBeNull();
    const live = customerIdsIn(join(folder, DATABASE_FILE));
    expect(live.has(after)).toBe(false);
    expect(before.every((id) => live.has(id))).toBe(true);
    // The database as it was before the restore is a verified backup of its own, holding the later customer.
    expect(customerIdsIn(restored.savedAs ?? '').has(after)).toBe(true);

    const reopened = await coreIn(folder);
    expect(reopened.backups.list().backups.map((listed) => listed.trigger)).toEqual(['beforeRestore', 'manual']);
  });

  it(`keeps the newest ${String(KEPT_BACKUPS)} and deletes older ones with their notes`, async () => {
    const folder = dataFolder();
    const core = await coreIn(folder);
    const names: string[] = [];
    for (let index = 0; index < KEPT_BACKUPS + 2; index += 1) {
      core.clock.advance(60_000);
      const started = core.backups.start({ trigger: 'manual', staffId: null, staffName: null });
      await started.done;
      names.push(started.fileName);
    }
    const listed = core.backups.list().backups.map((backup) => backup.fileName);
    expect(listed).toHaveLength(KEPT_BACKUPS);
    expect(listed[0]).toBe(names.at(-1));
    expect(listed).not.toContain(names[0]);
    expect(listed).not.toContain(names[1]);
    expect(readdirSync(backupsDirOf(join(folder, DATABASE_FILE)))).toHaveLength(KEPT_BACKUPS * 2);
  });

  it('backs up automatically once per clinic day, by the clinic’s zone', async () => {
    const folder = dataFolder();
    // 23:30 in the clinic (15:30 UTC); the second start at 23:50 is the same day; 00:10 is the next, though UTC's date has not moved.
    const first = await coreIn(folder, { now: '2026-11-24T23:30:00+08:00' });
    expect((await first.backups.startDailyIfDue())?.note).toMatchObject({ trigger: 'automatic', clinicDate: '2026-11-24' });
    await first.close();
    cores.splice(cores.indexOf(first), 1);

    const again = await coreIn(folder, { now: '2026-11-24T23:50:00+08:00' });
    expect(await again.backups.startDailyIfDue()).toBeNull();
    // A manager's backup does not count as the day's automatic one, nor stop it.
    await again.backups.start({ trigger: 'manual', staffId: null, staffName: null }).done;
    await again.close();
    cores.splice(cores.indexOf(again), 1);

    const nextDay = await coreIn(folder, { now: '2026-11-25T00:10:00+08:00' });
    expect((await nextDay.backups.startDailyIfDue())?.note).toMatchObject({ trigger: 'automatic', clinicDate: '2026-11-25' });
    expect(await nextDay.backups.startDailyIfDue()).toBeNull();
    expect(nextDay.backups.list().backups.map((backup) => backup.trigger)).toEqual(['automatic', 'manual', 'automatic']);
    const audit = await nextDay.database.db.selectFrom('audit_log').select(['method', 'device']).where('method', '=', 'backups.automatic').execute();
    // Both days' rows: the first day's is in the same database.
    expect(audit).toEqual([{ method: 'backups.automatic', device: 'system' }, { method: 'backups.automatic', device: 'system' }]);
  });

  it('refuses a second backup while one runs, and only a manager may ask', async () => {
    const folder = dataFolder();
    const core = await coreIn(folder, { pagesPerStep: 1 });
    const manager = await signIn(core, await addStaff(core, '周经理', 'manager'));
    const reception = await signIn(core, await addStaff(core, '前台小李', 'reception'));
    expect(await core.dispatcher.dispatch('backups.create', {}, caller(reception))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.dispatcher.dispatch('backups.list', {}, caller(reception))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.dispatcher.dispatch('backups.create', {}, caller(manager))).toMatchObject({ ok: true });
    expect(await core.dispatcher.dispatch('backups.create', {}, caller(manager))).toMatchObject({ ok: false, error: { code: 'conflict', message: 'A backup is already running; wait until it finishes' } });
  });

  it('sweeps what an interrupted backup left and never lists it', async () => {
    const folder = dataFolder();
    const first = await coreIn(folder);
    await first.close();
    cores.splice(cores.indexOf(first), 1);
    const dir = backupsDirOf(join(folder, DATABASE_FILE));
    writeFileSync(join(dir, 'frontdesk-2026-11-24_10-00-00.db.partial'), 'half a copy');
    writeFileSync(join(dir, 'frontdesk-2026-11-24_09-00-00.db.json'), '{}');
    const core = await coreIn(folder);
    expect(core.backups.list().backups).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses to restore a file that is not a sound FrontDesk database, and changes nothing', async () => {
    const folder = dataFolder();
    const core = await coreIn(folder);
    const manager = await signIn(core, await addStaff(core, '周经理', 'manager'));
    await registerCustomer(core, manager, '王丽');
    const good = (await core.backups.start({ trigger: 'manual', staffId: null, staffName: null }).done).path;
    cores.splice(cores.indexOf(core), 1);
    await core.close();

    const text = join(folder, 'notes.txt');
    writeFileSync(text, '这不是数据库 / not a database\n'.repeat(200));
    const damaged = join(folder, 'damaged.db');
    const bytes = readFileSync(good);
    // Page 3 onwards overwritten: the header still says SQLite, the b-trees are garbage.
    bytes.fill(0x5a, 4096 * 2, 4096 * 6);
    writeFileSync(damaged, bytes);
    const foreign = join(folder, 'foreign.db');
    const other = new BetterSqlite3(foreign);
    other.exec('create table notes (body text)');
    other.close();

    const live = join(folder, DATABASE_FILE);
    const liveBefore = digest(live);
    const backupsBefore = readdirSync(backupsDirOf(live)).sort();
    for (const [chosen, says] of [
      [text, /not a sound FrontDesk database \(file is not a database\)/],
      [damaged, /not a sound FrontDesk database/],
      [foreign, /no migrations table/],
      [join(folder, 'missing.db'), /does not exist/],
      [live, /live database itself/],
    ] as const) {
      await expect(restoreDatabase({ file: live, chosen, clock: core.clock })).rejects.toThrow(RestoreRefused);
      await expect(restoreDatabase({ file: live, chosen, clock: core.clock })).rejects.toThrow(says);
    }
    expect(digest(live)).toBe(liveBefore);
    expect(readdirSync(backupsDirOf(live)).sort()).toEqual(backupsBefore);
    expect(existsSync(`${live}.restoring`)).toBe(false);
  });
});
