import { apiCall, appointmentNow, signInManager } from './api';
import { expect, test } from './fixtures';
import { callCard } from './pages/room-check';
import { SignInPage } from './pages/sign-in-page';

test('a scanner checks a customer in from anywhere on the board; the card waits with a timer, then is called', async ({ page, request, expectConsoleError }) => {
  const manager = await signInManager(request);
  // A customer of this test's own, booked for now and not here yet.
  const appointment = await appointmentNow(request, manager, { name: '扫码到店', addressForm: '扫女士' });
  const greetName = '扫女士';

  // The page's clock and the server's read the suite's moment (fixtures.ts): the tea's "within 5
  // minutes" and the card's "0 minutes" below are counted on the same time.
  await new SignInPage(page).open();
  await new SignInPage(page).signIn('陈晓雨');
  await page.getByRole('menuitem', { name: /候诊看板/ }).click();
  await expect(page.getByTestId('lane-waiting')).toBeVisible();

  // Nothing focused: the scanner types the slip's code and Enter.
  await page.locator('body').click({ position: { x: 5, y: 1000 } });
  await page.keyboard.type(appointment.slipCode, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(page.getByText(new RegExp(`${greetName}到店，号码 [AF]\\d{3}`))).toBeVisible();

  const card = page.getByTestId('lane-waiting').getByTestId('board-card').filter({ hasText: appointment.customer.name });
  await expect(card).toBeVisible();
  await expect(card.getByTestId('wait-timer')).toHaveText('0 分钟');

  // Scanning the same slip again is refused, naming the ticket (a 409 answer, which the browser logs).
  expectConsoleError(/status of 409 \(Conflict\).*visits\.checkIn/);
  await page.locator('body').click({ position: { x: 5, y: 1000 } });
  await page.keyboard.type(appointment.slipCode, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(page.getByText(/该预约已签到，号码 [AF]\d{3}/)).toBeVisible();

  // Tea within five minutes: one click on the card's task.
  const tea = card.getByTestId('comfort-task').filter({ hasText: '奉上茶水或温水' });
  await expect(tea).toContainText('5 分钟内');
  await tea.getByRole('button').click();
  await expect(card.getByTestId('comfort-task').filter({ hasText: '奉上茶水或温水' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: /关怀 1\/3/ })).toBeVisible();

  await callCard(page, request, manager, card);
  await expect(page.getByTestId('lane-called').getByTestId('board-card').filter({ hasText: appointment.customer.name })).toBeVisible();
  await expect(page.getByTestId('lane-waiting').getByTestId('board-card').filter({ hasText: appointment.customer.name })).toHaveCount(0);
});

test('a follow-up closed within five minutes of the consultant asks why, and the reason closes it (seed 004 rule 11)', async ({ page, request, expectConsoleError }) => {
  const manager = await signInManager(request);
  // A follow-up visit of this test's own, in consultation now.
  const booked = await appointmentNow(request, manager, { name: '快速复诊', addressForm: '快女士', kind: 'followup' });
  const { visitId, ticket } = await apiCall<{ visitId: number; ticket: string }>(request, 'visits.checkIn', { appointmentId: booked.id }, manager);
  await apiCall(request, 'visits.transition', { visitId, to: 'called' }, manager);
  await apiCall(request, 'visits.transition', { visitId, to: 'in_consultation' }, manager);

  await new SignInPage(page).open();
  await new SignInPage(page).signIn('林佳');
  await page.getByRole('menuitem', { name: /候诊看板/ }).click();
  const card = page.locator(`[data-visit-id="${String(visitId)}"]`);
  await card.getByTestId('consultant-seen').click();
  await expect(card.getByTestId('follow-up-timer')).toHaveText('复诊已 0 分钟');

  // Done at once: the console refuses without a reason (a 400 the browser logs) and the board asks.
  expectConsoleError(/status of 400 \(Bad Request\).*visits\.transition/);
  await card.getByRole('button', { name: '完成', exact: true }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '复诊不足 5 分钟，请填写原因' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: /确\s*定|OK/ })).toBeDisabled();
  await dialog.getByRole('textbox').fill('顾客赶时间，恢复良好');
  // The reason goes with the closing move, as its note.
  const sent = page.waitForRequest((sending) => sending.url().endsWith('/api/visits.transition') && (sending.postData() ?? '').includes('顾客赶时间，恢复良好'));
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await sent;
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${ticket} → `)).toBeVisible();
  const { cards } = await apiCall<{ cards: { visitId: number; status: string }[] }>(request, 'visits.board', {}, manager);
  expect(cards.find((each) => each.visitId === visitId)?.status).toBe('done');
});
