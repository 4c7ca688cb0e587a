import { expect, test } from '@playwright/test';
import { apiCall, staffId } from './api';
import { SignInPage } from './pages/sign-in-page';

test('a scanner checks a customer in from anywhere on the board; the card waits with a timer, then is called', async ({ page, request }) => {
  const manager = await apiCall<{ token: string }>(request, 'auth.signIn', { staffId: await staffId(request, '何芳'), pin: '1234' });
  const day = await apiCall<{ appointments: { id: number; status: string; customer: { name: string; addressForm: string | null } }[] }>(
    request,
    'appointments.listDay',
    {},
    manager.token,
  );
  const board = await apiCall<{ cards: { customer: { name: string } }[] }>(request, 'visits.board', {}, manager.token);
  const here = new Set(board.cards.map((card) => card.customer.name));
  const expected = day.appointments.filter((row) => (row.status === 'booked' || row.status === 'confirmed') && !here.has(row.customer.name));
  const appointment = expected[expected.length - 1]!;
  const greetName = appointment.customer.addressForm ?? appointment.customer.name;

  // The server plays the demo morning to 10:30 (`--demo-at`) and its clock reads that time, hours
  // away from this browser's: the tea's "within 5 minutes" below holds only because the board
  // counts comfort tasks by the server's clock.
  await new SignInPage(page).open();
  await new SignInPage(page).signIn('陈晓雨');
  await page.getByRole('menuitem', { name: /候诊看板/ }).click();
  await expect(page.getByTestId('lane-waiting')).toBeVisible();

  // Nothing focused: the scanner types the slip's code and Enter.
  await page.locator('body').click({ position: { x: 5, y: 1000 } });
  await page.keyboard.type(`FD-${String(appointment.id).padStart(6, '0')}`, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(page.getByText(new RegExp(`${greetName}到店，号码 [AF]\\d{3}`))).toBeVisible();

  const card = page.getByTestId('lane-waiting').getByTestId('board-card').filter({ hasText: appointment.customer.name });
  await expect(card).toBeVisible();
  await expect(card.getByTestId('wait-timer')).toHaveText('0 分钟');

  // Scanning the same slip again is refused, naming the ticket.
  await page.locator('body').click({ position: { x: 5, y: 1000 } });
  await page.keyboard.type(`FD-${String(appointment.id).padStart(6, '0')}`, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(page.getByText(/该预约已签到，号码 [AF]\d{3}/)).toBeVisible();

  // Tea within five minutes: one click on the card's task.
  const tea = card.getByTestId('comfort-task').filter({ hasText: '奉上茶水或温水' });
  await expect(tea).toContainText('5 分钟内');
  await tea.getByRole('button').click();
  await expect(card.getByTestId('comfort-task').filter({ hasText: '奉上茶水或温水' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: /关怀 1\/3/ })).toBeVisible();

  await card.getByRole('button', { name: '叫号' }).click();
  await expect(page.getByTestId('lane-called').getByTestId('board-card').filter({ hasText: appointment.customer.name })).toBeVisible();
  await expect(page.getByTestId('lane-waiting').getByTestId('board-card').filter({ hasText: appointment.customer.name })).toHaveCount(0);
});
