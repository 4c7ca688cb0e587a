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

test('a check-in at another desk joins the board by its own card, not a reread of the day; a finished card’s comfort opens on demand', async ({ page, request }) => {
  const manager = await apiCall<{ token: string }>(request, 'auth.signIn', { staffId: await staffId(request, '何芳'), pin: '1234' });
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('陈晓雨');
  await page.getByRole('menuitem', { name: /候诊看板/ }).click();
  await expect(page.getByTestId('lane-waiting')).toBeVisible();
  await expect(page.getByTestId('board-card').first()).toBeVisible();

  const reads: string[] = [];
  page.on('request', (sent) => {
    // The board's reads, and the day's appointments (the check-in box reads them only while in use).
    const method = /\/api\/((?:visits|comfort)\.\w+|appointments\.listDay)$/.exec(sent.url())?.[1];
    if (method) reads.push(method);
  });
  const day = await apiCall<{ appointments: { id: number; status: string; customer: { name: string } }[] }>(request, 'appointments.listDay', {}, manager.token);
  const booked = day.appointments.filter((row) => row.status === 'booked' || row.status === 'confirmed');
  const appointment = booked[booked.length - 1]!;
  await apiCall(request, 'visits.checkIn', { appointmentId: appointment.id }, manager.token);
  const card = page.getByTestId('lane-waiting').getByTestId('board-card').filter({ hasText: appointment.customer.name });
  await expect(card).toBeVisible({ timeout: 1000 });
  await expect(card.getByTestId('wait-timer')).toHaveText('0 分钟');
  expect(reads).toEqual(['visits.cards']);

  // A finished visit's card counts its comfort; its timeline is read when opened.
  const doneCard = page.getByTestId('lane-done').getByTestId('board-card').filter({ has: page.getByRole('button', { name: /关怀 \d+\/\d+/ }) }).first();
  await doneCard.getByRole('button', { name: /关怀 \d+\/\d+/ }).click();
  await expect(page.locator('.ant-popover .ant-timeline-item').first()).toBeVisible();
  expect(reads).toEqual(['visits.cards', 'comfort.timeline']);
});
