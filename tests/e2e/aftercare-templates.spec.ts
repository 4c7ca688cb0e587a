/**
 * Issue 16 part 4 on the settings page: a manager edits an item's aftercare template (zh and en);
 * when another manager saved it meanwhile, the save is refused with the newest version named, and
 * loading the newest shows the other manager's text. The item is the demo's last; its template is
 * the spec's own (no other spec prints an item's sheet).
 */
import { apiCall, signInManager } from './api';
import { expect, test } from './fixtures';
import { SignInPage } from './pages/sign-in-page';

test('an item’s aftercare template is saved from settings; a stale save is a 409 that offers the newest version', async ({ page, request, expectConsoleError }) => {
  const manager = await signInManager(request);
  const items = await apiCall<{ id: number; nameZh: string }[]>(request, 'items.list', {}, manager);
  const item = items.at(-1);
  if (!item) throw new Error('the demo clinic has no items');

  const signIn = new SignInPage(page);
  await signIn.open('zh-CN');
  await signIn.signIn('何芳');
  await expect(signIn.root()).toBeHidden();
  await page.goto('/#/settings');
  const card = page.getByTestId('settings-aftercare');
  await card.scrollIntoViewIfNeeded();
  await card.locator(`[data-testid="aftercare-template-tab"][data-item="${String(item.id)}"]`).click();
  const editor = card.getByRole('tabpanel');
  await expect(editor.getByText('新模板')).toBeVisible();
  await editor.getByTestId('aftercare-woundCare').fill('术后48小时内冰敷，每次15分钟；保持伤口干燥。');
  await editor.getByTestId('aftercare-template-save').click();
  await expect(page.getByText('模板已保存（第 1 版）')).toBeVisible();
  await expect(editor.getByText('第 1 版', { exact: true })).toBeVisible();

  // Another manager saves the same template meanwhile.
  const templates = await apiCall<{ templates: { id: number; itemId: number | null; version: number; woundCare: string; woundCareEn: string; foodToAvoid: string; foodToAvoidEn: string; comeBack: string; comeBackEn: string }[] }>(request, 'aftercare.templates', {}, manager);
  const mine = templates.templates.find((template) => template.itemId === item.id);
  if (!mine) throw new Error('the template was not saved');
  const texts = { woundCare: mine.woundCare, woundCareEn: mine.woundCareEn, foodToAvoidEn: mine.foodToAvoidEn, comeBack: mine.comeBack, comeBackEn: mine.comeBackEn };
  await apiCall(request, 'aftercare.saveTemplate', { itemId: item.id, expectedVersion: 1, ...texts, foodToAvoid: '一周内忌酒、忌辛辣。' }, manager);

  // The browser logs the refused request itself: expected here.
  expectConsoleError(/status of 409 \(Conflict\).*aftercare\.saveTemplate/);
  await editor.getByTestId('aftercare-foodToAvoid').fill('两周内忌海鲜。');
  await editor.getByTestId('aftercare-template-save').click();
  const conflict = editor.getByTestId('aftercare-template-conflict');
  await expect(conflict).toContainText('第 2 版');
  await page.screenshot({ path: '.tmp/e2e/aftercare-template-conflict-zh.png' });
  await conflict.getByRole('button', { name: '载入最新版本' }).click();
  await expect(editor.getByText('第 2 版', { exact: true })).toBeVisible();
  await expect(editor.getByTestId('aftercare-foodToAvoid')).toHaveValue('一周内忌酒、忌辛辣。');
  await expect(editor.getByTestId('aftercare-template-conflict')).toHaveCount(0);
});
