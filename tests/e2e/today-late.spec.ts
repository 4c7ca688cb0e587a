/**
 * Issue 13 part 10 on Today, with Playwright's clock: a booking whose time passes with no arrival
 * is flagged late by the minute, then (past the clinic's 15 minutes) reception is told to call and
 * the phone is one click away; a customer who arrived shows their ticket instead.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiCall, appointmentNow, signInManager } from './api';
import { SignInPage } from './pages/sign-in-page';
import { TodayPage } from './pages/today-page';

/** Lets `minutes` pass on the page, with the clerk moving the mouse now and then (the idle lock is 5 minutes). */
async function letPass(page: Page, minutes: number) {
  for (let left = minutes; left > 0; left -= 4) {
    await page.clock.fastForward(`${String(Math.min(4, left)).padStart(2, '0')}:00`);
    await page.mouse.move(200 + left, 300);
  }
}

test('a booking not arrived is flagged late, then a call is suggested with the phone; an arrival shows the ticket', async ({ page, request }) => {
  const manager = await signInManager(request);
  // Due two minutes on from the current minute: not late yet, however many seconds of that minute
  // had gone (booked at the minute itself, it was late a few seconds later, before the page showed).
  const late = await appointmentNow(request, manager, { name: '迟到测试', addressForm: '迟女士', inMinutes: 2 });
  const here = await appointmentNow(request, manager, { name: '到店测试', addressForm: '到女士' });
  const { ticket } = await apiCall<{ ticket: string }>(request, 'visits.checkIn', { appointmentId: here.id }, manager);

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('林佳');
  const today = new TodayPage(page);
  const lateRow = today.rows().filter({ hasText: late.customer.name });
  const hereRow = today.rows().filter({ hasText: here.customer.name });
  await expect(today.rows().first()).toBeVisible();
  await expect(lateRow).toBeVisible();
  await expect(lateRow.getByTestId('today-late')).toHaveCount(0);
  await expect(hereRow.getByTestId('today-ticket')).toHaveText(`${ticket} · 等候中`);

  // Six minutes on: 4–5 minutes past its time (and as many more as the page really took).
  await letPass(page, 6);
  await expect(lateRow.getByTestId('today-late')).toHaveText(/^迟到 [3-7] 分钟$/);
  await expect(lateRow.getByTestId('today-call')).toHaveCount(0);

  await letPass(page, 12);
  await expect(lateRow.getByTestId('today-late')).toHaveText(/^迟到 1[5-9] 分钟 · 建议致电$/);
  await lateRow.getByTestId('today-call').click();
  await expect(page.getByTestId('today-phone')).toContainText(late.customer.phone.slice(-4));
  // The one who arrived is never flagged.
  await expect(hereRow.getByTestId('today-late')).toHaveCount(0);
});
