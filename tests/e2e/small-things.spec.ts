/**
 * Issue 13 part 6, small things a clerk notices all day: F4 then typing goes into the walk-in's
 * customer search; the greeting toast leaves the header (bell, language, lock, user) free; Alt+L
 * says the clerk locked it, not "after inactivity".
 */
import { freshCustomer, signInManager } from './api';
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
