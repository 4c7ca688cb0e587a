/**
 * Issue 13 part 6, small things a clerk notices all day: F4 then typing goes into the walk-in's
 * customer search; the greeting toast leaves the header (bell, language, lock, user) free; Alt+L
 * says the clerk locked it, not "after inactivity". And the lock screen's code waits for a quiet moment.
 */
import { freshCustomer, signInAs, signInManager } from './api';
import { expect, test } from './fixtures';
import { searchSettled } from './pickers';
import { SignInPage } from './pages/sign-in-page';

test('F4 then typing searches for the walk-in; her greeting does not cover the header; Alt+L says who locked', async ({ page, request }) => {
  test.slow();
  const manager = await signInManager(request);
  const walkIn = await freshCustomer(request, manager, { name: '焦点测试', addressForm: '焦女士' });
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('陈晓雨');
  await page.getByRole('menuitem', { name: /候诊看板/ }).click();
  await expect(page.getByTestId('lane-waiting')).toBeVisible();

  // F4, then her phone typed at once: it lands in the customer search, not on the close button.
  await page.keyboard.press('F4');
  const dialog = page.getByRole('dialog').filter({ hasText: '现场顾客签到' });
  await expect(dialog.getByTestId('customer-picker').locator('input')).toBeFocused();
  await page.keyboard.type(walkIn.phone.slice(-8));
  await searchSettled(dialog.getByTestId('customer-picker'));
  await page.locator('.ant-select-item-option').filter({ hasText: walkIn.name }).click();
  await dialog.getByRole('button', { name: '签到' }).click();

  // The greeting is shown, and the header's controls stay uncovered and usable.
  const greeting = page.locator('.ant-notification-notice').filter({ hasText: '焦女士到店' });
  await expect(greeting).toBeVisible();
  const header = await page.locator('.ant-layout-header').boundingBox();
  const toast = await greeting.boundingBox();
  if (!header || !toast) throw new Error('no header or greeting on screen');
  expect(toast.y).toBeGreaterThanOrEqual(header.y + header.height);
  await expect(page.getByTestId('user-menu')).toBeVisible();

  // Alt+L: the lock screen says the clerk locked it by hand.
  await page.keyboard.press('Alt+l');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('lock-reason')).toContainText('陈晓雨 已手动锁屏');
  await expect(page.getByTestId('lock-reason')).not.toContainText('长时间无操作');
});

test('a console reopened with its session fetches the lock screen only once nobody has typed for ten seconds', async ({ page, request }) => {
  // A reload of a signed-in tab: the session is in the tab, the sign-in page was never drawn.
  const token = await signInAs(request, '陈晓雨');
  await page.addInitScript((value) => sessionStorage.setItem('frontdesk.token', value), token);
  const lockScreenAsked: string[] = [];
  page.on('request', (sent) => {
    if (/\/assets\/sign-in-page-[\w-]+\.js$/.test(new URL(sent.url()).pathname)) lockScreenAsked.push(sent.url());
  });
  await page.goto('/#/customers');
  const box = page.getByTestId('customer-search');
  await expect(box).toBeVisible();

  // A clerk typing a name, a key every three seconds on the page's clock: the code waits.
  for (const key of 'wangli') {
    await box.press(key);
    await page.clock.runFor(3_000);
  }
  await expect(box).toHaveValue('wangli');
  expect(lockScreenAsked, 'nothing fetched while the clerk types').toEqual([]);

  // Ten quiet seconds: the lock screen's code is fetched, ready for a lock whatever the server does.
  await page.clock.runFor(10_000);
  await expect.poll(() => lockScreenAsked.length).toBe(1);
});
