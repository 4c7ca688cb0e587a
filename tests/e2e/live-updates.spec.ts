import { expect, test } from '@playwright/test';
import { apiCall, staffId } from './api';
import { SignInPage } from './pages/sign-in-page';
import { TodayPage } from './pages/today-page';

test('a change made by another client reaches the console within a second, without a reload', async ({ page, request }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('陈晓雨');
  await expect(new TodayPage(page).rows().first()).toBeVisible();
  const header = page.locator('header');
  await expect(header).toContainText('悦颜医疗美容门诊部');

  const manager = await apiCall<{ token: string }>(request, 'auth.signIn', { staffId: await staffId(request, '何芳'), pin: '1234' });
  await apiCall(request, 'settings.update', { clinicName: '悦颜医美·旗舰店' }, manager.token);
  await expect(header).toContainText('悦颜医美·旗舰店', { timeout: 1000 });

  await apiCall(request, 'settings.update', { clinicName: '悦颜医疗美容门诊部' }, manager.token);
  await expect(header).toContainText('悦颜医疗美容门诊部', { timeout: 1000 });
});
