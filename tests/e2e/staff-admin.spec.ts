/**
 * Issue 13 part 8: a manager adds a nurse; she signs in with the first PIN and must choose her
 * own before anything else; deactivated, her open console locks at once and her name leaves the
 * sign-in list. Part 5: each role sees only what it may do.
 */
import { randomInt } from 'node:crypto';
import { apiCall, signInManager } from './api';
import { expect, test } from './fixtures';
import { SignInPage } from './pages/sign-in-page';

test('a manager adds a nurse; her first PIN must be changed; deactivated, her console locks at once', async ({ page, newContext, request }) => {
  const name = `林晓雯${String(randomInt(100, 999))}`;
  const signIn = new SignInPage(page);
  await signIn.open();
  test.slow();
  await signIn.signIn('何芳');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.goto('/#/staff');
  await page.getByRole('button', { name: '添加员工' }).click();
  const form = page.getByTestId('staff-form');
  await form.getByLabel('姓名').fill(name);
  await form.getByLabel('PIN 码').fill('2580');
  await page.getByRole('button', { name: '保存' }).click();
  const row = page.getByTestId('staff-table').getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('护士');
  await expect(row).toContainText('待改 PIN');

  // She signs in on her own screen with the first PIN: only the change-PIN screen.
  const herContext = await newContext();
  const her = await herContext.newPage();
  const herSignIn = new SignInPage(her);
  await herSignIn.open();
  await herSignIn.signIn(name, '2580');
  const change = her.getByTestId('change-pin');
  await expect(change).toBeVisible();
  await change.getByLabel('当前 PIN').fill('2580');
  await change.getByLabel('新 PIN', { exact: true }).fill('2580');
  await change.getByLabel('再次输入新 PIN').fill('2580');
  await change.getByRole('button', { name: '设置并继续' }).click();
  await expect(change.getByText('新 PIN 不能与当前 PIN 相同')).toBeVisible();
  await change.getByLabel('新 PIN', { exact: true }).fill('1357');
  await change.getByLabel('再次输入新 PIN').fill('1357');
  await change.getByRole('button', { name: '设置并继续' }).click();
  await expect(her.getByTestId('user-menu')).toContainText(name);
  await expect(row).not.toContainText('待改 PIN');

  // Deactivated by the manager: her console locks at once and her name is gone from the list.
  await row.getByRole('button', { name: `停用 ${name}` }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '停用' }).click();
  await expect(her.getByTestId('lock-screen')).toBeVisible();
  await expect(her.getByTestId('lock-screen').getByRole('listitem').filter({ hasText: name })).toHaveCount(0);
  // Her history stays: the audit log names her sign-in.
  const manager = await signInManager(request);
  const staff = await apiCall<{ staff: { id: number; name: string; active: boolean }[] }>(request, 'staff.list', {}, manager);
  const nurse = staff.staff.find((member) => member.name === name);
  expect(nurse?.active).toBe(false);
  const log = await apiCall<{ entries: { method: string }[] }>(request, 'audit.list', { staffId: nurse?.id }, manager);
  expect(log.entries.map((entry) => entry.method)).toEqual(expect.arrayContaining(['auth.signIn', 'auth.changePin']));
});

test('consultants and nurses see no check-in box or walk-in button; a guide is told the roster is read-only, with no buttons', async ({ page }) => {
  test.slow();
  const signIn = new SignInPage(page);
  for (const name of ['吴倩', '冯静']) {
    await signIn.open();
    await signIn.signIn(name);
    await expect(page.getByTestId('user-menu')).toBeVisible();
    await page.goto('/#/board');
    await expect(page.getByTestId('board-summary')).toBeVisible();
    await expect(page.locator('#board-check-in')).toHaveCount(0);
    await expect(page.getByRole('button', { name: '现场顾客' })).toHaveCount(0);
    await expect(page.getByText(/F2 签到/)).toHaveCount(0);
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
  }
  await signIn.open();
  await signIn.signIn('孙婷');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.goto('/#/roster');
  await expect(page.getByTestId('roster-read-only')).toContainText('前台、主管');
  await expect(page.getByRole('button', { name: /到岗/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /缺席/ })).toHaveCount(0);
  // A reception clerk still checks in.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await signIn.open();
  await signIn.signIn('陈晓雨');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.goto('/#/board');
  await expect(page.locator('#board-check-in')).toBeVisible();
});
