/**
 * The lobby display (issue 5, item 3) in Chromium: what the lobby can read never names or dials
 * anybody, checked against the database itself; and a call made on the console reaches the TV
 * without a reload (how fast is a benchmark row, not a timed assertion here).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { maskName } from '../../shared/domain/masking';
import { apiCall, appointmentNow, emptyWaitingLane, freshCustomer, signInManager } from './api';
import { expect, test } from './fixtures';
import { DisplayPage } from './pages/display-page';
import { callCard } from './pages/room-check';
import { SignInPage } from './pages/sign-in-page';

interface Card {
  visitId: number;
  ticket: string;
  status: string;
  customer: { id: number; name: string };
  room: { name: string; nameEn: string; floor: number } | null;
}

/** The e2e server's database, read-only: every customer the display must never reveal. */
function readPeople() {
  const file = join(process.env.FRONTDESK_E2E_DATA ?? '', 'frontdesk.sqlite');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const customers = db.prepare('SELECT id, name, phone, notes FROM customers').all() as { id: number; name: string; phone: string; notes: string }[];
    const items = db.prepare('SELECT name, name_en FROM items').all() as { name: string; name_en: string }[];
    const rooms = db.prepare("SELECT id, name, name_en, floor FROM rooms WHERE kind = 'consultation' ORDER BY id").all() as { id: number; name: string; name_en: string; floor: number }[];
    return { customers, items, rooms };
  } finally {
    db.close();
  }
}

/** What of anybody's full name, phone (any 7 digits of it), notes or items the text shows. */
function leaksIn(text: string, people: ReturnType<typeof readPeople>): string[] {
  // Phones may be printed with spaces or dashes between digit groups.
  const digits = text.replace(/(\d)[\s\-–]+(?=\d)/g, '$1');
  const leaks: string[] = [];
  for (const customer of people.customers) {
    if (text.includes(customer.name)) leaks.push(`name ${customer.name}`);
    const phone = customer.phone.replace(/\D/g, '');
    for (let start = 0; start + 7 <= phone.length; start += 1) {
      if (digits.includes(phone.slice(start, start + 7))) {
        leaks.push(`phone of ${customer.id}`);
        break;
      }
    }
    const note = customer.notes.trim();
    if (note.length >= 4 && text.includes(note)) leaks.push(`note of ${customer.id}`);
  }
  for (const item of people.items) {
    if (text.includes(item.name) || text.includes(item.name_en)) leaks.push(`item ${item.name}`);
  }
  return leaks;
}

test('for every status a visit can be in, the lobby display shows no full name, phone, note or item of anyone on file', async ({ page, request }) => {
  const manager = await signInManager(request);
  const before = await apiCall<{ displayWaitingCount: number; displayNameMode: string }>(request, 'settings.get', {}, manager);
  // Every waiting ticket on screen, so the new ones are among what is checked.
  await apiCall(request, 'settings.update', { displayWaitingCount: 20 }, manager);
  try {
    // Seven customers of this test's own, with notes that must never reach the lobby.
    const fresh = [];
    for (let index = 0; index < 7; index++) {
      fresh.push(await freshCustomer(request, manager, { name: `大堂测试${String(index)}`, notes: `私密备注 ${String(index)}：担心术后肿胀` }));
    }
    const people = readPeople();

    const display = new DisplayPage(page);
    await display.openAndSignIn();
    expect(leaksIn(await display.text(), people)).toEqual([]);

    // Seven walk-ins, each taken to one of the seven statuses; the called ones to a consultation room.
    const visits: { visitId: number; ticket: string }[] = [];
    for (const customer of fresh) visits.push(await apiCall(request, 'visits.checkIn', { walkIn: { customerId: customer.id } }, manager));
    await expect(display.waiting()).toContainText(visits[6]!.ticket);
    await expect(display.waiting()).toContainText(maskName(fresh[0]!.name));
    expect(leaksIn(await display.text(), people)).toEqual([]);

    const room = people.rooms[0]!;
    const paths: { to: string[]; shown: 'called' | 'waiting' | 'gone' }[] = [
      { to: [], shown: 'waiting' },
      { to: ['called'], shown: 'called' },
      { to: ['called', 'escorting'], shown: 'called' },
      { to: ['called', 'in_consultation'], shown: 'gone' },
      { to: ['called', 'in_consultation', 'pre_op_exam'], shown: 'gone' },
      { to: ['called', 'in_consultation', 'done'], shown: 'gone' },
      { to: ['left'], shown: 'gone' },
    ];
    for (const [index, path] of paths.entries()) {
      const visit = visits[index]!;
      for (const to of path.to) {
        await apiCall(request, 'visits.transition', { visitId: visit.visitId, to, ...(to === 'called' ? { roomId: room.id } : {}) }, manager);
      }
      // Wait for the screen to follow (pushed), then read it all.
      const listed = display.root().getByText(visit.ticket, { exact: true });
      if (path.shown === 'gone') await expect(listed).toHaveCount(0);
      else await expect(path.shown === 'called' ? display.now().or(display.recent()).getByText(visit.ticket) : display.waiting().getByText(visit.ticket)).toBeVisible();
      expect(leaksIn(await display.text(), people), `after ${path.to.join(' → ') || 'check-in'}`).toEqual([]);
    }

    // Tickets only: not even the masked names remain.
    await apiCall(request, 'settings.update', { displayNameMode: 'ticketOnly' }, manager);
    await expect(display.root()).not.toContainText(maskName(fresh[0]!.name));
    await expect(display.root()).toContainText('仅显示号码');
    expect(leaksIn(await display.text(), people)).toEqual([]);
  } finally {
    await apiCall(request, 'settings.update', { displayWaitingCount: before.displayWaitingCount, displayNameMode: before.displayNameMode }, manager);
  }
});

test('a scanner checks a customer in at the desk, tea is served, the customer is called, and the lobby TV shows it', async ({ newContext, request }) => {
  // Two browser profiles and a board on a machine shared with other runs.
  test.setTimeout(90_000);
  const manager = await signInManager(request);
  // The TV lists the first eight waiting: this spec's customer must be among them.
  await emptyWaitingLane(request, manager);
  const appointment = await appointmentNow(request, manager, { name: '大堂叫号' });
  const name = appointment.customer.name;

  // Two screens, two browser profiles: the desk's console and the lobby TV.
  const deskContext = await newContext({ viewport: { width: 1920, height: 1080 } });
  const lobbyContext = await newContext({ viewport: { width: 1920, height: 1080 } });
  {
    const desk = await deskContext.newPage();
    const lobby = await lobbyContext.newPage();
    const display = new DisplayPage(lobby);
    await display.openAndSignIn();
    // A TV has nobody to tap it; a person may, once, where the browser blocks sound until then.
    await lobby.mouse.click(960, 540);
    await expect(lobby.getByTestId('display-sound-hint')).toHaveCount(0);
    const chimesBefore = Number(await display.root().getAttribute('data-chimes'));

    await new SignInPage(desk).open();
    await new SignInPage(desk).signIn('陈晓雨');
    await desk.getByRole('menuitem', { name: /候诊看板/ }).click();
    await expect(desk.getByTestId('lane-waiting')).toBeVisible();

    // The scanner types the slip's code and Enter, nothing focused.
    await desk.locator('body').click({ position: { x: 5, y: 1000 } });
    await desk.keyboard.type(appointment.slipCode, { delay: 5 });
    await desk.keyboard.press('Enter');
    const card = desk.getByTestId('lane-waiting').getByTestId('board-card').filter({ hasText: name });
    await expect(card).toBeVisible();
    await expect(card.getByTestId('wait-timer')).toHaveText('0 分钟');

    const visit = (await apiCall<{ cards: Card[] }>(request, 'visits.board', {}, manager)).cards.find((row) => row.customer.id === appointment.customer.id)!;
    // Checked in: the lobby lists the ticket as waiting, masked.
    await expect(display.waiting()).toContainText(visit.ticket);

    const tea = card.getByTestId('comfort-task').filter({ hasText: '奉上茶水或温水' });
    await tea.getByRole('button').click();
    await expect(card.getByTestId('comfort-task').filter({ hasText: '奉上茶水或温水' })).toHaveCount(0);

    await callCard(desk, request, manager, card);
    await expect(desk.getByTestId('lane-called').getByTestId('board-card').filter({ hasText: name })).toBeVisible();

    // The lobby shows the ticket big, the masked name and where to go, pushed without a reload.
    const now = display.now();
    await expect(now).toContainText(visit.ticket);
    await expect(now).toContainText(maskName(name));
    const called = (await apiCall<{ cards: Card[] }>(request, 'visits.board', {}, manager)).cards.find((row) => row.visitId === visit.visitId)!;
    if (called.room) {
      await expect(now).toContainText(`请到 ${called.room.floor} 楼`);
      await expect(now).toContainText(called.room.name.replace(/^\d+\s*楼\s*/, ''));
    } else {
      await expect(now).toContainText('请到前台');
    }
    await expect(display.waiting()).not.toContainText(visit.ticket);
    await expect(display.root()).toHaveAttribute('data-chimes', String(chimesBefore + 1));
    expect(await display.text()).not.toContain(name);
  }
});

test('the lobby TV stays signed in across a reload, and /display is the page a TV opens', async ({ page }) => {
  const display = new DisplayPage(page);
  await display.openAndSignIn();
  await page.reload();
  await expect(display.root()).toBeVisible();
  await expect(page.getByTestId('sign-in')).toHaveCount(0);
  // A new tab of the same browser (a TV that rebooted) opens /display signed in; the console does not.
  const again = await page.context().newPage();
  await again.goto('/display');
  await expect(again.getByTestId('lobby-display')).toBeVisible();
  const deskTab = await page.context().newPage();
  await deskTab.goto('/');
  await expect(deskTab.getByTestId('sign-in')).toBeVisible();
});
