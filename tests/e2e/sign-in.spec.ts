import { randomInt } from 'node:crypto';
import { apiCall, appointmentNow, signInAs, signInManager } from './api';
import { expect, test } from './fixtures';
import { SignInPage } from './pages/sign-in-page';
import { TodayPage } from './pages/today-page';

test('reception signs in with the demo PIN, sees today, switches to English and signs out', async ({ page, request }) => {
  // At least one appointment today, whatever day of the week the suite's moment falls on.
  await appointmentNow(request, await signInManager(request), { name: '今日预约' });
  const signIn = new SignInPage(page);
  const today = new TodayPage(page);
  await signIn.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await signIn.signIn('陈晓雨');

  await expect(today.heading()).toHaveText('今日预约');
  // The demo's appointments, as the API lists them, are all on the page in time order.
  const reception = await signInAs(request, '林佳');
  const listed = await apiCall<{ appointments: { customer: { name: string } }[] }>(request, 'appointments.listDay', {}, reception);
  expect(listed.appointments.length).toBeGreaterThanOrEqual(1);
  await expect(today.rows()).toHaveCount(listed.appointments.length);
  await expect(today.rows().first()).toContainText(listed.appointments[0]!.customer.name);
  await expect(page.getByText(`共 ${listed.appointments.length} 个预约`)).toBeVisible();

  await today.switchLanguage('EN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(today.heading()).toHaveText("Today's appointments");
  await expect(page.getByRole('columnheader', { name: 'Item of interest' })).toBeVisible();

  await today.signOut();
  await expect(signIn.root()).toBeVisible();
  await expect(page.getByText('Who is signing in?')).toBeVisible();
  // The token is gone: a reload lands on sign-in again, in the chosen language.
  await page.reload();
  await expect(signIn.root()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('five wrong PINs lock the account, and the sixth try is refused even with the right PIN', async ({ page, request, expectConsoleError }) => {
  // A refused PIN is a refused request: the browser logs each 401/423 answer, as it should.
  expectConsoleError(/Failed to load resource: the server responded with a status of 4(01|03|23|29)/);
  // A nurse of the spec's own: a demo member locked here would stay locked for the specs after it.
  const name = `锁定护士${String(randomInt(100, 999))}`;
  await apiCall(request, 'staff.create', { name, role: 'nurse', pin: '1234' }, await signInManager(request));
  const signIn = new SignInPage(page);
  await signIn.open('en');
  await page.getByRole('listitem').filter({ hasText: name }).click();
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await signIn.enterPin('9999');
    await expect(signIn.alert()).toContainText(`Wrong PIN; ${5 - attempt} ${5 - attempt === 1 ? 'try' : 'tries'} left`);
  }
  await signIn.enterPin('9999');
  await expect(signIn.alert()).toContainText('the account is locked');
  await signIn.enterPin('1234');
  await expect(signIn.alert()).toContainText('the account is locked');
  await expect(page.getByTestId('today-table')).toHaveCount(0);
});

test('the console locks itself after the idle time and keeps the screen for the next sign-in', async ({ page, request }) => {
  await appointmentNow(request, await signInManager(request), { name: '锁屏前后' });
  const listed = await apiCall<{ appointments: unknown[] }>(request, 'appointments.listDay', {}, await signInAs(request, '林佳'));
  // The page's clock is Playwright's (fixtures.ts): five idle minutes pass in an instant.
  const signIn = new SignInPage(page);
  const today = new TodayPage(page);
  await signIn.open();
  await signIn.signIn('林佳');
  await expect(today.rows()).toHaveCount(listed.appointments.length);

  await page.clock.fastForward('04:00');
  await expect(signIn.lockScreen()).toHaveCount(0);
  await page.clock.fastForward('01:05');
  await expect(signIn.lockScreen()).toBeVisible();
  await expect(page.getByText('已锁屏')).toBeVisible();
  await expect(today.table()).toBeHidden();

  await signIn.signIn('林佳');
  await expect(signIn.lockScreen()).toHaveCount(0);
  await expect(today.rows()).toHaveCount(listed.appointments.length);
});

test('a session ended elsewhere locks the console without a console error, and signing in again brings the screen back', async ({ page, request }) => {
  const signIn = new SignInPage(page);
  const today = new TodayPage(page);
  await signIn.open();
  await signIn.signIn('林佳');
  await expect(today.heading()).toBeVisible();

  // The session ends on the server (signed out from another tab, or expired): the page's own token.
  const token = await page.evaluate(() => sessionStorage.getItem('frontdesk.token'));
  expect(token).toBeTruthy();
  await apiCall(request, 'auth.signOut', {}, token ?? '');

  // The event stream says so at once: the console locks — not an error screen, not a retry loop,
  // and before any of its own requests could answer 401 in the console …
  await expect(signIn.lockScreen()).toBeVisible();
  // … and a reload with the ended token is an answer ("not signed in"), not a 401 in the console.
  await page.reload();
  await expect(signIn.root()).toBeVisible();
  await signIn.signIn('林佳');
  await expect(today.heading()).toBeVisible();
});
