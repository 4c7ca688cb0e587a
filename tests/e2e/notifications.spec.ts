/**
 * Notifications end to end: a server of its own (the scheduler ticking every 300 ms instead of 30 s,
 * a fresh demo database played to the suite's moment) raises a comfort-overdue notification for a
 * walk-in whose task is due at once; the console shows it as a toast, on the bell and in the centre;
 * clicking it opens the board and marks it read. The browser's Web Notifications are asked for only
 * from the centre. The demo day raises notices of its own as its time runs on (a round falls due, a
 * wait turns red), so the bell is compared with the server's own unread count, never with a sum.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { TEST_NOW } from '../helpers/test-moment';
import { uniquePhone } from './api';
import { expect, test } from './fixtures';
import { NotificationCentre } from './pages/notification-centre';
import { SignInPage } from './pages/sign-in-page';
import { TodayPage } from './pages/today-page';

const port = Number(process.env.FRONTDESK_E2E_PORT ?? 5191) + 37;
const baseURL = `http://127.0.0.1:${port}`;
let server: ChildProcess;
let dataDir: string;

test.use({ baseURL });
// Two sign-ins, a check-in and a scheduler tick each: more than the suite's 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-notifications-'));
  server = spawn(process.execPath, [join(process.env.FRONTDESK_DIST ?? 'dist', 'server.cjs'), '--demo', '--now', TEST_NOW, '--data', dataDir, '--port', String(port)], {
    env: { ...process.env, FRONTDESK_SCHEDULER_INTERVAL_MS: '300', FRONTDESK_TEST_CLOCK: '1' },
    stdio: 'ignore',
  });
  // Asked until it answers; the hook's own timeout ends a server that never starts.
  await expect.poll(() => fetch(`${baseURL}/api/health`).then((response) => response.ok, () => false), { timeout: 30_000 }).toBe(true);
});

test.afterAll(() => {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

async function api<T>(request: APIRequestContext, method: string, input: unknown, token?: string): Promise<T> {
  const response = await request.post(`${baseURL}/api/${method}`, { data: input, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok()) throw new Error(`${method}: ${body.error?.message ?? response.status()}`);
  return body;
}

/** Reception's (陈晓雨's) token over the API: the same person as the one signed in on the page. */
async function receptionToken(request: APIRequestContext): Promise<string> {
  const staff = await api<{ id: number; name: string }[]>(request, 'auth.staff', {});
  const reception = staff.find((person) => person.name === '陈晓雨');
  if (!reception) throw new Error('no 陈晓雨');
  return (await api<{ token: string }>(request, 'auth.signIn', { staffId: reception.id, pin: '1234' })).token;
}

/** A walk-in of the test's own checked in, with a comfort task due now; its ticket. */
async function overdueComfortTask(request: APIRequestContext, name: string, label: string): Promise<string> {
  const token = await receptionToken(request);
  const customer = await api<{ id: number }>(request, 'customers.create', { name, phone: uniquePhone() }, token);
  const { visitId, ticket } = await api<{ visitId: number; ticket: string }>(request, 'visits.checkIn', { walkIn: { customerId: customer.id } }, token);
  await api(request, 'comfort.add', { visitId, label, dueInMinutes: 0 }, token);
  return ticket;
}

/** What the server says reception has: unread count and every title (as params' ticket). */
async function serverUnread(request: APIRequestContext): Promise<number> {
  return (await api<{ unreadCount: number }>(request, 'notifications.list', { limit: 1 }, await receptionToken(request))).unreadCount;
}

/** The bell agrees with the server's unread count (both move when the demo raises one; polled). */
async function expectBellInStep(request: APIRequestContext, centre: NotificationCentre): Promise<void> {
  await expect.poll(async () => (await centre.unreadCount()) - (await serverUnread(request))).toBe(0);
}

/** A stand-in for the browser's Notification, recording what the page asks and shows. */
async function recordWebNotifications(page: Page) {
  await page.addInitScript(() => {
    const record = { asked: 0, shown: [] as { title: string; body: string }[] };
    (window as unknown as { webAlerts: typeof record }).webAlerts = record;
    class RecordingNotification {
      static permission: NotificationPermission = 'default';
      static requestPermission() {
        record.asked += 1;
        RecordingNotification.permission = 'granted';
        return Promise.resolve('granted' as NotificationPermission);
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body: string }) {
        record.shown.push({ title, body: options.body });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true });
  });
}

const webAlerts = (page: Page) => page.evaluate(() => (window as unknown as { webAlerts: { asked: number; shown: { title: string }[] } }).webAlerts);

test('a raised notification shows as a toast and on the bell; clicking it in the centre opens the board and marks it read', async ({ page, request }) => {
  await recordWebNotifications(page);
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('陈晓雨');
  const centre = new NotificationCentre(page);
  // The first screen may be slow on a busy machine; the bell is what this test needs.
  await expect(centre.bell()).toBeVisible({ timeout: 15_000 });
  await expect(new TodayPage(page).heading()).toBeVisible({ timeout: 15_000 });

  // What was there at page load is counted on the bell, not toasted; nothing asked the browser on load.
  await expectBellInStep(request, centre);
  await expect(centre.toasts().filter({ hasText: /关怀超时：W/ })).toHaveCount(0);
  expect((await webAlerts(page)).asked).toBe(0);

  // Turn on desktop alerts from the centre (its one button), then close it.
  await centre.bell().click();
  await expect(centre.drawer()).toBeVisible();
  await centre.drawer().getByRole('button', { name: '开启桌面提醒' }).click();
  await expect(centre.drawer().getByText('桌面提醒已开启')).toBeVisible();
  expect((await webAlerts(page)).asked).toBe(1);
  await page.keyboard.press('Escape');
  await expect(centre.drawer()).toBeHidden();

  const ticket = await overdueComfortTask(request, '提醒测试甲', '温水');
  const title = `关怀超时：${ticket}`;
  await expect(centre.toast(title)).toBeVisible({ timeout: 10_000 });
  await expect(centre.toast(title)).toContainText('温水');
  // A menu the clerk opens is drawn over the toasts, and the toasts over dialogs and drawers (antd's
  // 1000): three toasts once covered a manager's "停用" confirmation (ui/theme.ts).
  const zIndex = (locator: Locator) => locator.evaluate((element) => Number(getComputedStyle(element).zIndex));
  const toasts = page.locator('.ant-notification').filter({ has: centre.toast(title) });
  await page.getByTestId('user-menu').click();
  const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)');
  await expect(menu).toBeVisible();
  expect(await zIndex(menu)).toBeGreaterThan(await zIndex(toasts));
  expect(await zIndex(toasts)).toBeGreaterThan(1000);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expectBellInStep(request, centre);
  await expect.poll(async () => (await webAlerts(page)).shown.map((alert) => alert.title)).toContain(title);

  // Alt+N opens the centre: newest first, unread.
  await centre.openWithKeyboard();
  await expect(centre.items().first()).toContainText(title);
  await expect(centre.item(title)).toHaveAttribute('data-unread', 'true');
  await centre.item(title).click();
  // It opens the board with that customer's card chosen.
  await expect(page).toHaveURL(/#\/board\/\d+$/);
  await expect(page.locator(`[data-ticket="${ticket}"]`)).toHaveAttribute('aria-current', 'true');
  await expect(centre.drawer()).toBeHidden();
  await expectBellInStep(request, centre);
  await centre.bell().click();
  await expect(centre.item(title)).toHaveAttribute('data-unread', 'false');
  await page.keyboard.press('Escape');
});

test('clicking a toast opens what it is about and marks it read; "mark all read" empties the badge', async ({ page, request }) => {
  const signIn = new SignInPage(page);
  await signIn.open('en');
  await signIn.signIn('陈晓雨');
  const centre = new NotificationCentre(page);
  // The first screen may be slow on a busy machine; the bell is what this test needs.
  await expect(centre.bell()).toBeVisible({ timeout: 15_000 });
  await expect(new TodayPage(page).heading()).toBeVisible({ timeout: 15_000 });
  await expectBellInStep(request, centre);

  const ticket = await overdueComfortTask(request, 'Toast Test', 'Magazines');
  const title = `Comfort overdue: ${ticket}`;
  await expect(centre.toast(title)).toBeVisible({ timeout: 10_000 });
  await expectBellInStep(request, centre);
  await centre.toast(title).click();
  await expect(page).toHaveURL(/#\/board\/\d+$/);
  await expect(centre.toast(title)).toBeHidden();
  await expectBellInStep(request, centre);

  // One more left unread, so there is something to mark whatever the demo day raised before.
  const second = `Comfort overdue: ${await overdueComfortTask(request, 'Blanket Test', 'Blanket')}`;
  await expect(centre.toast(second)).toBeVisible({ timeout: 10_000 });
  await expectBellInStep(request, centre);
  await centre.bell().click();
  await expect(centre.item(title)).toHaveAttribute('data-unread', 'false');
  await expect(centre.item(second)).toHaveAttribute('data-unread', 'true');
  await centre.drawer().getByRole('button', { name: 'Mark all read' }).click();
  // Everything raised until the click is read; the badge shows what the server still has unread
  // (nothing, unless the demo's time raised one since).
  await expect(centre.item(second)).toHaveAttribute('data-unread', 'false');
  await expect(centre.item(title)).toHaveAttribute('data-unread', 'false');
  await expectBellInStep(request, centre);
});
