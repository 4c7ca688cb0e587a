/**
 * Issue 15 end to end, on a console started with LAN access on (`serve --lan`): the lobby PC's
 * browser pairs with the code the server printed at start, a manager shows a code for a guide's
 * tablet, a 768×1024 page pairs with it and a guide signs in; the network drops (Playwright's
 * offline mode), the banner says since when, the guide taps "tea served"; closing the tab asks first,
 * a reload without the network keeps the tap in the tab; the network comes back,
 * and the change lands exactly once on the lobby PC's board.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { TEST_NOW } from '../helpers/test-moment';
import { uniquePhone } from './api';
import { expect, test } from './fixtures';
import { SignInPage } from './pages/sign-in-page';

const port = Number(process.env.FRONTDESK_E2E_PORT ?? 5191) + 2;
const base = `http://127.0.0.1:${String(port)}`;
let server: ChildProcess | null = null;
let deskCode = '';

test.beforeAll(async () => {
  const data = mkdtempSync(join(tmpdir(), 'frontdesk-lan-'));
  server = spawn(process.execPath, [`${process.env.FRONTDESK_DIST ?? 'dist'}/server.cjs`, '--demo', '--now', TEST_NOW, '--data', data, '--port', String(port), '--lan'], {
    env: { ...process.env, FRONTDESK_CHECK_OUTPUTS: 'full' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  deskCode = await new Promise<string>((resolve, reject) => {
    let out = '';
    server!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /pairing code (\d{6})/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    server!.on('exit', (code) => reject(new Error(`serve --lan exited (${String(code)}): ${out}`)));
  });
});
test.afterAll(() => {
  server?.kill('SIGTERM');
});

async function pairPage(page: Page, code: string) {
  await page.goto(`${base}/?lang=zh-CN`);
  await expect(page.getByTestId('pairing-page')).toBeVisible();
  await page.getByLabel('配对码').fill(code);
  await page.getByRole('button', { name: '配对' }).click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
}

/** The API as the lobby PC's browser calls it: its device token and session, read from the page. */
async function deskApi(page: Page, request: APIRequestContext) {
  const deviceToken = await page.evaluate(() => localStorage.getItem('frontdesk.deviceToken'));
  const session = await page.evaluate(() => sessionStorage.getItem('frontdesk.token'));
  return async <T>(method: string, input: unknown): Promise<T> => {
    const response = await request.post(`${base}/api/${method}`, { data: input, headers: { 'x-device-token': deviceToken ?? '', authorization: `Bearer ${session ?? ''}` } });
    expect(response.status(), `${method}: ${await response.text()}`).toBe(200);
    return (await response.json()) as T;
  };
}

// Two browsers, a server of its own and two pairings: a bound for a machine whose cores are shared.
test.describe.configure({ timeout: 150_000 });

test('a tablet paired with the lobby PC’s code keeps a tap made offline and lands it exactly once', async ({ newContext, request, expectConsoleError }) => {
  // Before pairing every API call is refused (401), and offline every request fails: both logged.
  expectConsoleError(/401 \(Unauthorized\)/);
  expectConsoleError(/ERR_INTERNET_DISCONNECTED|Failed to fetch/);
  // The reload made offline lands on the browser's own error page, which logs its failed load.
  expectConsoleError(/net::ERR_INTERNET_DISCONNECTED|Failed to load resource/);

  const desk = await (await newContext({ baseURL: base, viewport: { width: 1920, height: 1080 } })).newPage();
  await pairPage(desk, deskCode);
  await new SignInPage(desk).signIn('何芳');
  await expect(desk.getByTestId('user-menu')).toBeVisible();
  const api = await deskApi(desk, request);
  const customer = await api<{ id: number }>('customers.create', { name: '离线奉茶', phone: uniquePhone(), addressForm: '离女士' });
  await api('visits.checkIn', { walkIn: { customerId: customer.id } });

  // The manager shows a code for a guide's tablet on the lobby PC.
  await desk.getByRole('menuitem', { name: /设置/ }).click();
  const section = desk.getByTestId('settings-devices');
  await section.getByRole('button', { name: '配对新设备' }).click();
  await desk.getByLabel('设备名称').fill('2楼导医平板');
  await desk.getByRole('button', { name: '显示配对码' }).click();
  const code = (await desk.getByTestId('pairing-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await desk.getByRole('button', { name: '完成' }).click();

  // The tablet pairs with it; a guide signs in and opens the board.
  const tabletContext = await newContext({ baseURL: base, viewport: { width: 768, height: 1024 }, hasTouch: true });
  const tablet = await tabletContext.newPage();
  await pairPage(tablet, code);
  await new SignInPage(tablet).signIn('赵敏');
  await expect(tablet.getByTestId('user-menu')).toBeVisible();
  await tablet.goto(`${base}/#/board`);
  const card = tablet.getByTestId('board-card').filter({ hasText: '离线奉茶' });
  const tea = card.getByTestId('comfort-task').filter({ hasText: '奉上茶水或温水' });
  await expect(tea).toBeVisible();
  await expect(section.getByRole('row').filter({ hasText: '2楼导医平板' })).toBeVisible();

  // The Wi-Fi drops: the banner says since when; the tap waits with its idempotency key.
  await tabletContext.setOffline(true);
  await expect(tablet.getByTestId('offline-banner')).toContainText(/\d{2}:\d{2} 起离线 — 显示的是当时的信息/);
  await tea.getByRole('button').click();
  await expect(tablet.getByTestId('offline-banner')).toContainText('1 项操作待联网后发送');
  await expect(card).toBeVisible();

  // Closing the tab now would lose the tap: the browser asks first, and the guide stays.
  const asked = tablet.waitForEvent('dialog');
  await tablet.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  // She pulls to reload with no network: the browser's offline page; the tab still keeps the tap.
  await tablet.reload().catch(() => undefined);

  // Back online, the page loads again: the tap is sent, once; the banner goes; the lobby PC's board shows it.
  await tabletContext.setOffline(false);
  await tablet.goto(`${base}/#/board`);
  await expect(tablet.getByTestId('offline-banner')).toHaveCount(0);
  await expect(tea).toHaveCount(0);
  await desk.getByRole('menuitem', { name: /候诊看板/ }).click();
  const deskCard = desk.getByTestId('board-card').filter({ hasText: '离线奉茶' });
  await expect(deskCard.getByRole('button', { name: /关怀 1\// })).toBeVisible();
  const board = await api<{ cards: { customerName?: string; comfortCount: { done: number } }[] }>('visits.board', {});
  const ours = board.cards.filter((entry) => JSON.stringify(entry).includes('离线奉茶'));
  expect(ours.map((entry) => entry.comfortCount.done)).toEqual([1]);
});
