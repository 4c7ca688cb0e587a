import { expect, test } from '@playwright/test';
import { apiCall, staffId } from './api';
import { SignInPage } from './pages/sign-in-page';

interface Card {
  visitId: number;
  ticket: string;
  status: string;
  customer: { name: string };
}

test('a long lane keeps only the cards in view in the page, and scrolling brings the rest', async ({ page, request }) => {
  const manager = await apiCall<{ token: string }>(request, 'auth.signIn', { staffId: await staffId(request, '何芳'), pin: '1234' });
  // Forty walk-ins who gave up waiting: the "left" lane gets long.
  const tickets: string[] = [];
  for (let index = 0; index < 40; index++) {
    const customer = await apiCall<{ id: number }>(request, 'customers.create', { name: `测试长队${String(index)}`, phone: `1390000${String(index).padStart(4, '0')}` }, manager.token);
    const visit = await apiCall<{ visitId: number; ticket: string }>(request, 'visits.checkIn', { walkIn: { customerId: customer.id } }, manager.token);
    await apiCall(request, 'visits.transition', { visitId: visit.visitId, to: 'left' }, manager.token);
    tickets.push(visit.ticket);
  }

  await new SignInPage(page).open();
  await new SignInPage(page).signIn('陈晓雨');
  await page.getByRole('menuitem', { name: /候诊看板/ }).click();
  const lane = page.getByTestId('lane-left');
  const count = Number(await lane.getByTestId('lane-count').textContent());
  expect(count).toBeGreaterThanOrEqual(40);
  await expect(lane.getByTestId('board-card').first()).toBeVisible();
  const rendered = await lane.getByTestId('board-card').count();
  expect(rendered).toBeLessThan(count);

  // The lane is sorted by arrival: the last walk-in is at the bottom, reached by scrolling.
  const last = tickets[tickets.length - 1]!;
  await expect(lane.locator(`[data-ticket="${last}"]`)).toHaveCount(0);
  await lane.locator('[class*="laneBody"]').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(lane.locator(`[data-ticket="${last}"]`)).toBeVisible();
});

test('the keyboard runs the board: arrows choose a card, Enter calls, Space serves the tea; the status filter hides lanes', async ({ page, request }) => {
  const manager = await apiCall<{ token: string }>(request, 'auth.signIn', { staffId: await staffId(request, '何芳'), pin: '1234' });
  const customer = await apiCall<{ id: number }>(request, 'customers.create', { name: '键盘测试', addressForm: '键女士', phone: '13900019999' }, manager.token);
  const visit = await apiCall<{ visitId: number; ticket: string }>(request, 'visits.checkIn', { walkIn: { customerId: customer.id } }, manager.token);

  await new SignInPage(page).open();
  await new SignInPage(page).signIn('陈晓雨');
  await page.getByRole('menuitem', { name: /候诊看板/ }).click();

  // Only the waiting lane: the status filter.
  await page.getByTestId('status-filter').click();
  await page.locator('.ant-select-item-option[title="等候中"]').click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lane-called')).toHaveCount(0);
  const waiting = page.getByTestId('lane-waiting');
  await expect(waiting).toBeVisible();

  // Arrows from nothing chosen: the first card of the first lane, then down to ours.
  await page.locator('body').click({ position: { x: 5, y: 1000 } });
  const ours = waiting.locator(`[data-ticket="${visit.ticket}"]`);
  await expect(ours).toBeVisible();
  const waitingCount = Number(await waiting.getByTestId('lane-count').textContent());
  for (let step = 0; step < waitingCount; step++) {
    await page.keyboard.press('ArrowDown');
    if ((await ours.getAttribute('aria-current', { timeout: 1000 })) === 'true') break;
  }
  await expect(ours).toHaveAttribute('aria-current', 'true');

  // Space: the first comfort task due (tea) is done.
  await expect(ours.getByTestId('comfort-task').filter({ hasText: '奉上茶水或温水' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(ours.getByTestId('comfort-task').filter({ hasText: '奉上茶水或温水' })).toHaveCount(0);

  // Enter: the card's next step — called. It leaves the (only shown) waiting lane.
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${visit.ticket} → 已叫号`)).toBeVisible();
  await expect(ours).toHaveCount(0);
  const board = await apiCall<{ cards: Card[] }>(request, 'visits.board', {}, manager.token);
  expect(board.cards.find((card) => card.visitId === visit.visitId)?.status).toBe('called');
});
