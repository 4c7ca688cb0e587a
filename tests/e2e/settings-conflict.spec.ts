/**
 * Issue 19 part 6 on the settings: a manager's settings form saved after another manager changed
 * one of the same keys is refused, puts the other's value in the form and keeps this manager's
 * other edits; a second save then goes through. The clinic's name is put back at the end.
 */
import { apiCall, signInManager } from './api';
import { expect, test } from './fixtures';
import { SignInPage } from './pages/sign-in-page';

test('two managers on the settings: the later save of a key both changed is refused, the other’s value loaded, this one’s other edits kept', async ({ page, request, expectConsoleError }) => {
  const token = await signInManager(request);
  const original = await apiCall<{ clinicName: string; clinicPhone: string }>(request, 'settings.get', {}, token);

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('何芳');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.evaluate(() => (window.location.hash = '/settings'));
  const name = page.getByLabel('诊所名称', { exact: true });
  await expect(name).toHaveValue(original.clinicName);

  try {
    await name.fill('悦颜·这张表的名字');
    await page.getByLabel('交通指引', { exact: true }).fill('地铁 10 号线 B 口出，步行 3 分钟');
    // Another manager renames the clinic while this form is open.
    await apiCall(request, 'settings.update', { clinicName: '悦颜·另一位主管', expected: { clinicName: original.clinicName } }, token);
    expectConsoleError(/status of 409 \(Conflict\).*settings\.update/);
    await page.getByRole('button', { name: /保存设置$/ }).click();
    await expect(page.getByText(/另一位同事已改了其中的设置.*已载入对方保存的值：诊所名称/)).toBeVisible();
    await expect(name).toHaveValue('悦颜·另一位主管');
    await expect(page.getByLabel('交通指引', { exact: true })).toHaveValue('地铁 10 号线 B 口出，步行 3 分钟');
    const stored = await apiCall<{ clinicName: string; transportDirections: string }>(request, 'settings.get', {}, token);
    expect(stored.clinicName).toBe('悦颜·另一位主管');

    // Saved again: the directions go through, the other's name stays.
    await page.getByRole('button', { name: /保存设置$/ }).click();
    await expect(page.getByText('设置已保存')).toBeVisible();
    await expect.poll(async () => (await apiCall<{ transportDirections: string }>(request, 'settings.get', {}, token)).transportDirections).toBe('地铁 10 号线 B 口出，步行 3 分钟');
    expect((await apiCall<{ clinicName: string }>(request, 'settings.get', {}, token)).clinicName).toBe('悦颜·另一位主管');
  } finally {
    const now = await apiCall<Record<string, unknown>>(request, 'settings.get', {}, token);
    await apiCall(request, 'settings.update', { clinicName: original.clinicName, transportDirections: (original as Record<string, unknown>).transportDirections, expected: { clinicName: now.clinicName, transportDirections: now.transportDirections } }, token);
  }
});
