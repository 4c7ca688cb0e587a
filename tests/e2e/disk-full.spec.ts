/**
 * Issue 19 part 4, as the desk sees it: a server of its own whose data folder is a small tmpfs.
 * With the disk full, registering a customer is refused and the console says so above the screen —
 * what happened and what to do (free space on the lobby PC, call IT), in Chinese and in English;
 * once space is freed the same registration goes through and the banner leaves, no restart.
 *
 * Mounting needs root; elsewhere the spec is skipped and says why.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_NOW } from '../helpers/test-moment';
import { uniquePhone } from './api';
import { expect, test } from './fixtures';
import { CustomersPage } from './pages/customers-page';
import { SignInPage } from './pages/sign-in-page';
import { TodayPage } from './pages/today-page';

const port = Number(process.env.FRONTDESK_E2E_PORT ?? 5191) + 41;
const baseURL = `http://127.0.0.1:${port}`;
let server: ChildProcess | null = null;
let mountPoint = '';
let mounted = false;
let whyNot = '';

test.use({ baseURL });
// The demo day is played twice (the first start, then a clean restart): more than 30 s when busy.
test.describe.configure({ timeout: 120_000 });

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(process.env.FRONTDESK_DIST ?? 'dist', 'server.cjs'), '--demo', '--now', TEST_NOW, '--data', mountPoint, '--port', String(port)], {
    env: { ...process.env, FRONTDESK_CHECK_OUTPUTS: 'full', FRONTDESK_TEST_CLOCK: '1' },
    stdio: 'ignore',
  });
  await expect.poll(() => fetch(`${baseURL}/api/health`).then((response) => response.ok, () => false), { timeout: 60_000 }).toBe(true);
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

test.beforeAll(async () => {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    whyNot = 'not running as root, so no tmpfs can be mounted';
    return;
  }
  mountPoint = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    mounted = true;
  } catch (error) {
    whyNot = `mount -t tmpfs failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
    return;
  }
  // The demo day is played, then the server restarts cleanly: its write-ahead log is folded into
  // the database and starts empty, so once the disk is full the next change has nowhere to go.
  await stopServer(await startServer());
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  if (mounted) execFileSync('umount', [mountPoint]);
  if (mountPoint) rmdirSync(mountPoint);
});

/** Writes zeros until the filesystem refuses. */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) {
      try {
        writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return;
        throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
}

test('a full disk: the console says what to do, and registering works again once space is freed', async ({ page, expectConsoleError }) => {
  if (!mounted) console.log(`[disk-full] skipped: ${whyNot}`);
  test.skip(!mounted, whyNot);
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('林佳');
  const customers = new CustomersPage(page);
  await customers.open();

  const filler = join(mountPoint, 'filler.bin');
  fillDisk(filler);
  expectConsoleError(/status of 507 \(Insufficient Storage\).*customers\.create/);
  const phone = uniquePhone();
  await customers.newCustomerButton().click();
  await customers.fillForm({ name: '满盘测试', phone });
  await customers.submitForm();
  const banner = page.getByTestId('disk-full-banner');
  await expect(banner).toContainText('磁盘已满');
  await expect(banner).toContainText('请清理前台电脑的磁盘空间');
  await expect(banner).toContainText('联系 IT');
  // The form says it too, beside what was not saved.
  await expect(customers.form().getByRole('alert')).toContainText('磁盘已满');

  // Closing the form leaves the banner above the screen; it follows the language.
  await customers.form().getByRole('button', { name: '取消' }).click();
  await expect(banner).toBeVisible();
  await new TodayPage(page).switchLanguage('EN');
  await expect(banner).toContainText('The disk is full');
  await expect(banner).toContainText('Free space on the lobby PC');
  await expect(banner).toContainText('call IT');

  // Space freed: the same registration goes through, no restart; the banner leaves.
  rmSync(filler);
  await customers.newCustomerButton().click();
  await customers.fillForm({ name: '满盘测试', phone });
  await customers.submitForm();
  await expect(customers.detail()).toContainText('满盘测试');
  await expect(banner).toHaveCount(0);
});
