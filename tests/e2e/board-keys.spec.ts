import { apiCall, appointmentNow, freshCustomer, signInManager, walkInNow } from './api';
import { expect, test } from './fixtures';
import { searchSettled } from './pickers';
import { SignInPage } from './pages/sign-in-page';

interface Card {
  visitId: number;
  ticket: string;
  status: string;
  customer: { name: string };
}

test('a long lane keeps only the cards in view in the page, and scrolling brings the rest', async ({ page, request }) => {
  const manager = await signInManager(request);
  // Forty walk-ins who gave up waiting: the "left" lane gets long.
  const tickets: string[] = [];
  for (let index = 0; index < 40; index++) {
    const visit = await walkInNow(request, manager, { name: `测试长队${String(index)}` });
    await apiCall(request, 'visits.transition', { visitId: visit.visitId, to: 'left' }, manager);
    tickets.push(visit.ticket);
  }

  await new SignInPage(page).open();
  await new SignInPage(page).signIn('陈晓雨');
  await page.getByRole('menuitem', { name: /候诊看板/ }).click();
  const lane = page.getByTestId('lane-left');
  const laneCount = async () => Number(await lane.getByTestId('lane-count').textContent());
  await expect.poll(laneCount).toBeGreaterThanOrEqual(40);
  const count = await laneCount();
  await expect(lane.getByTestId('board-card').first()).toBeVisible();
  const rendered = await lane.getByTestId('board-card').count();
  expect(rendered).toBeLessThan(count);

  // Those who have gone are listed latest first: the last walk-in on top, the first one at the
  // bottom, out of the page until the lane is scrolled.
  await expect(lane.getByTestId('board-card').first()).toHaveAttribute('data-ticket', tickets[tickets.length - 1]!);
  const first = tickets[0]!;
  await expect(lane.locator(`[data-ticket="${first}"]`)).toHaveCount(0);
  // Scrolled a page at a time until she is drawn: earlier specs (or this one run again) may have
  // left more who gave up below ours, so she need not be the lane's last card.
  const body = lane.locator('[class*="laneBody"]');
  for (let step = 0; step < count && (await lane.locator(`[data-ticket="${first}"]`).count()) === 0; step++) {
    await body.evaluate(
      (element) =>
        new Promise((drawn) => {
          element.scrollBy({ top: element.clientHeight * 0.8 });
          requestAnimationFrame(() => requestAnimationFrame(drawn));
        }),
    );
  }
  await expect(lane.locator(`[data-ticket="${first}"]`)).toBeVisible();
});

test('the keyboard runs the board: arrows choose a card, Enter calls, Space serves the tea; the status filter hides lanes', async ({ page, request }) => {
  const manager = await signInManager(request);
  const visit = await walkInNow(request, manager, { name: '键盘测试', addressForm: '键女士' });

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
  // Each press moves the choice one card on; wait for the move to show before the next press, so
  // a slow machine cannot drop a key. Our card is the newest waiting one, but the demo (and specs
  // before this one) may hold more, enough that ours is drawn only once the choice reaches it.
  const chosen = page.locator('[data-testid="board-card"][aria-current="true"]');
  const laneCount = async () => Number(await waiting.getByTestId('lane-count').textContent());
  await expect.poll(laneCount).toBeGreaterThan(0);
  const waitingCount = await laneCount();
  let previous: string | null = null;
  for (let step = 0; step <= waitingCount; step++) {
    await page.keyboard.press('ArrowDown');
    await expect(chosen).toHaveCount(1);
    await expect(chosen).not.toHaveAttribute('data-ticket', previous ?? '');
    previous = await chosen.getAttribute('data-ticket');
    if (previous === visit.ticket) break;
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
  await expect
    .poll(async () => (await apiCall<{ cards: Card[] }>(request, 'visits.board', {}, manager)).cards.find((card) => card.visitId === visit.visitId)?.status)
    .toBe('called');
});

test('the check-in box finds today’s appointment by phone digits, and a customer with none as a walk-in', async ({ page, request }) => {
  const manager = await signInManager(request);
  const appointment = await appointmentNow(request, manager, { name: '电话查找', addressForm: '电女士' });
  const { customer } = appointment;
  const stranger = await freshCustomer(request, manager, { name: '散客查找', addressForm: '查先生' });

  await new SignInPage(page).open();
  await new SignInPage(page).signIn('陈晓雨');
  await page.getByRole('menuitem', { name: /候诊看板/ }).click();
  // The board's keys work once the board is there (its code loads on first visit).
  await expect(page.getByTestId('lane-waiting')).toBeVisible();

  // The full phone's last eight digits: today's appointment, under its heading.
  // F2 focuses the check-in box; the digits are typed once it has the focus (a busy page may take
  // a moment, and keys pressed before would go to the board).
  const box = page.locator('#board-check-in');
  await page.keyboard.press('F2');
  await expect(box).toBeFocused();
  await page.keyboard.type(customer.phone.slice(-8));
  await expect(box).toHaveValue(customer.phone.slice(-8));
  await searchSettled(page.getByTestId('check-in-input'));
  const option = page.locator('.ant-select-item-option').filter({ hasText: appointment.customer.name });
  await expect(option).toBeVisible();
  await expect(page.locator('.ant-select-item-group').filter({ hasText: '今日预约' })).toBeVisible();
  await option.click();
  await expect(page.getByText(/电女士到店，号码 [AF]\d{3}/)).toBeVisible();

  // Someone with no appointment today, found by phone: checked in as a walk-in (W ticket).
  await page.keyboard.press('F2');
  await expect(box).toBeFocused();
  await page.keyboard.type(stranger.phone.slice(-8));
  await expect(box).toHaveValue(stranger.phone.slice(-8));
  await searchSettled(page.getByTestId('check-in-input'));
  const walkIn = page.locator('.ant-select-item-option').filter({ hasText: '散客查找' });
  await expect(page.locator('.ant-select-item-group').filter({ hasText: '今日无预约' })).toBeVisible();
  await walkIn.click();
  await expect(page.getByText(/查先生到店，号码 W\d{3}/)).toBeVisible();
  await expect
    .poll(async () => (await apiCall<{ cards: (Card & { customer: { id: number } })[] }>(request, 'visits.board', {}, manager)).cards.find((card) => card.customer.id === stranger.id)?.ticket)
    .toMatch(/^W\d{3}$/);
});

test('a scan delivered slowly by a busy PC still checks in; slow typing that is no slip code does nothing', async ({ page, request }) => {
  const manager = await signInManager(request);
  const appointment = await appointmentNow(request, manager, { name: '慢扫到店', addressForm: '慢女士' });
  // Every toast (antd message) the page shows, recorded as it appears.
  await page.addInitScript(() => {
    // The nodes, read when asked: a notice's text may be filled in just after it is added.
    const shown: HTMLElement[] = [];
    Object.defineProperty(window, 'shownToasts', { get: () => shown.map((node) => node.textContent ?? '') });
    new MutationObserver((changes) => {
      for (const change of changes) {
        for (const node of change.addedNodes) {
          if (node instanceof HTMLElement && (node.matches('.ant-message-notice, .ant-notification-notice') || node.querySelector('.ant-message-notice, .ant-notification-notice'))) shown.push(node);
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });

  await new SignInPage(page).open();
  await new SignInPage(page).signIn('陈晓雨');
  await page.getByRole('menuitem', { name: /候诊看板/ }).click();
  await expect(page.getByTestId('lane-waiting')).toBeVisible();

  // Someone typing letters at 150 ms a key, then Enter: not a scan, nothing happens.
  await page.locator('body').click({ position: { x: 5, y: 1000 } });
  await page.keyboard.type('hello', { delay: 150 });
  await page.keyboard.press('Enter');

  // The slip's code arriving at 150 ms a key (a scan the page received late): checked in.
  await page.keyboard.type(appointment.slipCode, { delay: 150 });
  await page.keyboard.press('Enter');
  await expect(page.getByText(/慢女士到店，号码 [AF]\d{3}/)).toBeVisible();
  const cards = await apiCall<{ cards: (Card & { customer: { id: number } })[] }>(request, 'visits.board', {}, manager);
  expect(cards.cards.filter((card) => card.customer.id === appointment.customer.id)).toHaveLength(1);
  // The "hello" was taken for nothing: no warning was ever shown about it (every toast the page
  // showed was recorded, so one that came and went is seen too).
  const toasts = await page.evaluate(() => (window as unknown as { shownToasts: string[] }).shownToasts);
  expect(toasts.some((text) => text.includes('慢女士到店'))).toBe(true);
  expect(toasts.filter((text) => text.includes('hello'))).toEqual([]);
});

test('a customer already on the board is offered as her card, never a second check-in; a double-clicked walk-in makes one visit', async ({ page, request }) => {
  const manager = await signInManager(request);
  const here = await walkInNow(request, manager, { name: '已在看板', addressForm: '看女士' });
  const stranger = await freshCustomer(request, manager, { name: '双击签到', addressForm: '双女士' });
  const visitsOf = async (customerId: number) =>
    (await apiCall<{ cards: (Card & { customer: { id: number } })[] }>(request, 'visits.board', {}, manager)).cards.filter((card) => card.customer.id === customerId);

  await new SignInPage(page).open();
  await new SignInPage(page).signIn('陈晓雨');
  await page.getByRole('menuitem', { name: /候诊看板/ }).click();
  await expect(page.getByTestId('lane-waiting')).toBeVisible();

  // Her name typed into the check-in box: her card, under "already here", with her ticket.
  const box = page.locator('#board-check-in');
  await page.keyboard.press('F2');
  await expect(box).toBeFocused();
  // Her whole name (with its random last character): a second run on the same server has another 已在看板….
  await page.keyboard.type(here.customer.name);
  await searchSettled(page.getByTestId('check-in-input'));
  const option = page.locator('.ant-select-item-option').filter({ hasText: here.customer.name });
  await expect(option).toContainText(here.ticket);
  await expect(page.locator('.ant-select-item-group').filter({ hasText: '今天已到' })).toBeVisible();
  await expect(page.locator('.ant-select-item-group').filter({ hasText: '今日无预约' })).toHaveCount(0);
  await option.click();
  await expect(page).toHaveURL(new RegExp(`#/board/${String(here.visitId)}$`));
  expect(await visitsOf(here.customer.id)).toHaveLength(1);

  // The walk-in dialog's 签到, double-clicked: one visit.
  await page.getByRole('button', { name: '现场顾客' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '现场顾客签到' });
  await dialog.getByTestId('customer-picker').click();
  await page.keyboard.type(stranger.phone.slice(-8));
  await searchSettled(dialog.getByTestId('customer-picker'));
  await page.locator('.ant-select-item-option').filter({ hasText: stranger.name }).click();
  await dialog.getByRole('button', { name: '签到' }).dblclick();
  await expect(page.getByText(/双女士到店，号码 W\d{3}/)).toBeVisible();
  await expect.poll(async () => (await visitsOf(stranger.id)).length).toBe(1);
  // And the server refuses a second one anyway, naming her ticket.
  const again = await request.post('/api/visits.checkIn', { data: { walkIn: { customerId: stranger.id } }, headers: { authorization: `Bearer ${manager}` } });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/今天已签到，号码 W\d{3}/);
});
