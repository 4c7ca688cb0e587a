/**
 * Backups and restore against the real server (`server.cjs`, built here) as a child process:
 * SIGKILL while a backup is being copied leaves the live database intact and no half backup
 * listed; `--restore` refuses a file that is not a backup and restores one that is. The copy is
 * slowed down (one page a step, a pause after each) so the kill lands mid-way.
 */
import BetterSqlite3 from 'better-sqlite3';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callApi } from '../helpers/crash/server-process';
import { TEST_NOW } from '../helpers/test-moment';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
mkdirSync(join(root, '.tmp'), { recursive: true });
// Built into a folder of this test's own, inside the repository so that it finds node_modules.
const buildDir = mkdtempSync(join(root, '.tmp', 'backup-kill-'));
const data = mkdtempSync(join(tmpdir(), 'frontdesk-backup-kill-'));
const live = join(data, 'frontdesk.sqlite');
const backups = join(data, 'backups');

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs', 'server'], { cwd: root, stdio: 'pipe', env: { ...process.env, FRONTDESK_DIST: buildDir } });
}, 60_000);

const children: ChildProcess[] = [];

afterAll(() => {
  // A failed expectation must not leave a server running.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(buildDir, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

interface Server {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(args: string[], env: Record<string, string> = {}): Server {
  const child = spawn(process.execPath, [join(buildDir, 'server.cjs'), '--now', TEST_NOW, '--data', data, '--port', '0', ...args], {
    cwd: root,
    // The day's backup at once, not minutes after the start as at the clinic.
    env: { ...process.env, FRONTDESK_BACKUP_DELAY_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const urlOf = (server: Server) => waitFor(() => /Open (http:\/\/localhost:\d+)/.exec(server.output())?.[1], 'the server to listen');

/** One call over HTTP, the crash harness's (a refusal throws naming the method and its code). */
const post = callApi;

async function signInManager(url: string): Promise<string> {
  const staff = await post<{ id: number; role: string }[]>(url, 'auth.staff', {});
  const manager = staff.find((member) => member.role === 'manager');
  if (!manager) throw new Error('the demo has no manager');
  return (await post<{ token: string }>(url, 'auth.signIn', { staffId: manager.id, pin: '1234' })).token;
}

async function stop(server: Server): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function integrityOf(file: string): string {
  const db = new BetterSqlite3(file);
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

interface Listed {
  backups: { fileName: string; trigger: string | null; verified: boolean; sizeBytes: number }[];
  running: { copiedPages: number; totalPages: number } | null;
}

it('SIGKILL during a backup: the live database is intact and the half copy is never listed; --restore refuses a non-backup and restores a backup', async () => {
  // The first start of the day makes the day's backup in the background.
  const first = startServer(['--demo']);
  await urlOf(first);
  await waitFor(() => first.output().includes("[backup] the day's backup"), 'the daily backup');
  const daily = /\[backup\] the day's backup: (\S+) \((\d+) bytes, (\d+) ms, verified\)/.exec(first.output());
  console.log(`[backup-kill] the demo's daily backup: ${daily?.[2] ?? '?'} bytes in ${daily?.[3] ?? '?'} ms`);
  await stop(first);

  // Again the same day, the copy slowed to a page a step: no second daily backup; a manager asks for one.
  const second = startServer([], { FRONTDESK_BACKUP_PAGES_PER_STEP: '1', FRONTDESK_BACKUP_PAUSE_MS: '40' });
  const url = await urlOf(second);
  const token = await signInManager(url);
  const started = await post<{ fileName: string }>(url, 'backups.create', {}, token);
  const partial = join(backups, `${started.fileName}.partial`);
  const progress = await waitFor(async () => {
    const list = await post<Listed>(url, 'backups.list', {}, token);
    return list.running !== null && list.running.copiedPages > 5 ? list.running : undefined;
  }, 'the copy to be under way');
  expect(existsSync(partial)).toBe(true);
  second.child.kill('SIGKILL');
  expect(await second.exited).toBeNull();
  console.log(`[backup-kill] killed at ${String(progress.copiedPages)} of ${String(progress.totalPages)} pages`);
  expect(second.output()).not.toContain("[backup] the day's backup");
  // The half copy is still on the disk, under its temporary name only.
  expect(existsSync(partial)).toBe(true);
  expect(existsSync(join(backups, started.fileName))).toBe(false);
  expect(integrityOf(live)).toBe('ok');

  // The next start sweeps it; the list holds the day's backup alone.
  const third = startServer([]);
  const thirdUrl = await urlOf(third);
  const health = await (await fetch(`${thirdUrl}/api/health`)).json() as { ok: boolean };
  expect(health.ok).toBe(true);
  const list = await post<Listed>(thirdUrl, 'backups.list', {}, await signInManager(thirdUrl));
  expect(list.backups.map((backup) => [backup.trigger, backup.verified])).toEqual([['automatic', true]]);
  expect(readdirSync(backups).filter((name) => name.includes('.partial'))).toEqual([]);
  await stop(third);

  // --restore with a file that is no database: refused, with why, and nothing changed.
  const notes = join(data, 'notes.txt');
  writeFileSync(notes, 'not a database\n'.repeat(100));
  const before = digest(live);
  const backupsBefore = readdirSync(backups).sort();
  const refused = startServer(['--restore', notes]);
  expect(await refused.exited).toBe(1);
  expect(refused.output()).toMatch(/notes\.txt cannot be restored, nothing was changed: it is not a sound FrontDesk database \(file is not a database\)/);
  expect(digest(live)).toBe(before);
  expect(readdirSync(backups).sort()).toEqual(backupsBefore);

  // --restore with the day's backup: the current database is backed up first, then replaced.
  const chosen = join(backups, list.backups[0]?.fileName ?? '');
  const restoring = startServer(['--restore', chosen]);
  const restoredUrl = await urlOf(restoring);
  expect(restoring.output()).toContain(`Restored ${chosen}`);
  const afterRestore = await post<Listed>(restoredUrl, 'backups.list', {}, await signInManager(restoredUrl));
  // Every start reads the same --now, so the two are made seconds apart at most: order aside.
  expect(afterRestore.backups.map((backup) => backup.trigger).sort()).toEqual(['automatic', 'beforeRestore']);
  await stop(restoring);
  expect(statSync(live).size).toBeGreaterThan(0);
  expect(integrityOf(live)).toBe('ok');
}, 90_000);
