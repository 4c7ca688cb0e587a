/**
 * Issue 19 part 6 on the comfort rules: a manager's dialog saved after another manager changed the
 * same rule is refused, lists what changed with the value now, and loads the newer rule on request.
 * The other manager's change is an English label only, put back at the end: other specs use the rules.
 */
import { apiCall, signInManager } from './api';
import { expect, test } from './fixtures';
import { SignInPage } from './pages/sign-in-page';

interface Rule {
  id: number;
  code: string;
  version: number;
  labelZh: string;
  labelEn: string;
  appliesTo: string;
  dueMinutes: number;
  repeatMinutes: number | null;
  active: boolean;
}

test('a comfort rule saved on an older version is refused, says what changed, and loads the newer rule', async ({ page, request, expectConsoleError }) => {
  const token = await signInManager(request);
  const ruleNow = async () => (await apiCall<{ rules: Rule[] }>(request, 'comfortRules.list', {}, token)).rules.find((rule) => rule.code === 'tea') as Rule;
  const saveRule = (rule: Rule, labelEn: string) =>
    apiCall(request, 'comfortRules.save', { id: rule.id, expectedVersion: rule.version, labelZh: rule.labelZh, labelEn, appliesTo: rule.appliesTo, dueMinutes: rule.dueMinutes, repeatMinutes: rule.repeatMinutes, active: rule.active }, token);
  const original = await ruleNow();

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('何芳');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.evaluate(() => (window.location.hash = '/settings'));
  const table = page.getByTestId('settings-comfort-rules');
  await table.getByRole('button', { name: `编辑 ${original.labelZh}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();

  try {
    // Another manager saves the same rule while the dialog is open.
    await saveRule(original, 'Tea or water, by another manager');
    expectConsoleError(/status of 409 \(Conflict\).*comfortRules\.save/);
    await dialog.getByRole('button', { name: /保存规则$/ }).click();
    const failure = dialog.getByTestId('comfort-rule-failure');
    await expect(failure).toContainText('这条关怀规则刚被何芳修改过');
    await expect(failure).toContainText('英文内容：Tea or water, by another manager');
    await failure.getByRole('button', { name: '载入最新资料' }).click();
    await expect(failure).toHaveCount(0);
    await expect(dialog.getByLabel('英文内容')).toHaveValue('Tea or water, by another manager');
  } finally {
    await saveRule(await ruleNow(), original.labelEn);
  }
});
