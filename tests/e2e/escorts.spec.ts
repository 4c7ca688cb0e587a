/**
 * Issue 14 end to end, three screens at once: reception on the lobby PC (1920×1080), a guide's
 * tablet (768×1024) and the room view at the consultation room door. The desk calls a customer;
 * the guide takes, picks up and delivers her; the room acknowledges; the board says "in
 * consultation" — every screen sees every step pushed to it, without a reload. The pages run on
 * Playwright's clock at the server's moment (fixtures.ts).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { apiCall, freshCustomer, clinicNow, signInAs, signInManager } from './api';
import { expect, test } from './fixtures';
import { SignInPage } from './pages/sign-in-page';
import { callCard } from './pages/room-check';

async function signedIn(context: BrowserContext, name: string, hash: string): Promise<Page> {
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(name);
  await expect(page.locator('header')).toBeVisible();
  await page.evaluate((route) => (window.location.hash = route), hash);
  return page;
}

test('call → take → pick up → deliver → acknowledge, seen live on the desk, the guide’s tablet and the room', async ({ page, request, newContext }) => {
  test.setTimeout(120_000);
  const manager = await signInManager(request);
  // A consultation with a doctor on today's roster (so in a room) booked now, checked in: her card
  // waits on the board. Not a named doctor: on a Sunday only two work (test:clock at 07:55 on 6 December).
  const customer = await freshCustomer(request, manager, { name: '陪同测试', addressForm: '陪姐' });
  const { date, time } = await clinicNow(request, manager);
  const day = await apiCall<{ doctors: { id: number; name: string; room: { id: number } | null; confirmation: string | null }[] }>(request, 'appointments.dayView', { date }, manager);
  const doctor = day.doctors.find((member) => member.room !== null && member.confirmation !== 'absent');
  if (!doctor) throw new Error(`no doctor with a room on the roster of ${date}`);
  const minutes = Math.min(Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)), 23 * 60 + 54);
  const slot = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const booked = await apiCall<{ id: number }>(request, 'appointments.create', { customerId: customer.id, doctorId: doctor.id, kind: 'consultation', channel: 'phone', date, time: slot, durationMinutes: 5, override: true }, manager);
  const { visitId, ticket } = await apiCall<{ visitId: number; ticket: string }>(request, 'visits.checkIn', { appointmentId: booked.id }, manager);
  const [card0] = (await apiCall<{ cards: { room: { id: number; name: string } | null }[] }>(request, 'visits.cards', { ids: [visitId] }, manager)).cards;
  expect(card0?.room, `the appointment has ${doctor.name}’s room`).not.toBeNull();
  // The consultant receives at that room (the room view's choice, made once).
  const consultantToken = await signInAs(request, '周雅');
  await apiCall(request, 'escorts.receiveAt', { roomId: card0!.room!.id }, consultantToken);

  await page.setViewportSize({ width: 1920, height: 1080 });
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('陈晓雨');
  await page.getByRole('menuitem', { name: /候诊看板/ }).click();
  const desk = page;
  const card = () => desk.locator(`[data-testid="board-card"][data-ticket="${ticket}"]`);
  await expect(card()).toBeVisible();

  const guide = await signedIn(await newContext({ viewport: { width: 768, height: 1024 } }), '赵敏', '#/escorts');
  const room = await signedIn(await newContext({ viewport: { width: 768, height: 1024 } }), '周雅', '#/room');
  await expect(guide.getByTestId('escorts-page')).toBeVisible();
  await expect(room.getByTestId('room-page')).toBeVisible();
  const roomRow = () => room.locator(`[data-testid="room-row"][data-ticket="${ticket}"]`);
  const guideEscort = () => guide.locator(`[data-testid="escort"][data-ticket="${ticket}"]`);

  // 1. The desk calls her: an escort is requested, and every screen shows it.
  // The room may be held by other customers at the suite's moment: the desk is asked and calls anyway.
  await callCard(desk, request, manager, card());
  await expect(desk.getByTestId('lane-called').locator(`[data-ticket="${ticket}"]`).getByTestId('card-escort')).toHaveAttribute('data-step', 'requested');
  await expect(guideEscort()).toHaveAttribute('data-status', 'requested');
  await expect(guideEscort()).toContainText('陪姐');
  await expect(roomRow()).toHaveAttribute('data-place', 'coming');

  // 2. The guide takes it.
  await guideEscort().getByRole('button', { name: '接单' }).click();
  await expect(card().getByTestId('card-escort')).toContainText('赵敏 已接单');
  await expect(roomRow()).toContainText('赵敏');
  await guide.getByRole('tab', { name: /我的任务/ }).click();
  await expect(guideEscort()).toHaveAttribute('data-status', 'taken');

  // 3. Picked up: the card moves to "with a guide".
  await guideEscort().getByRole('button', { name: '已接到顾客' }).click();
  await expect(desk.getByTestId('lane-escorting').locator(`[data-ticket="${ticket}"]`).getByTestId('card-escort')).toContainText('赵敏 陪同中');
  await expect(roomRow()).toContainText('陪同中');

  // 4. At the door: not finished until the room acknowledges.
  await guideEscort().getByRole('button', { name: '已送到门口' }).click();
  await expect(card().getByTestId('card-escort')).toHaveAttribute('data-step', 'delivered');
  await expect(roomRow()).toHaveAttribute('data-place', 'atDoor');
  await expect(guideEscort()).toHaveAttribute('data-status', 'delivered');
  await expect(desk.getByTestId('lane-escorting').locator(`[data-ticket="${ticket}"]`)).toBeVisible();

  // The room reads the note before she walks in, then acknowledges with what she will do first.
  await roomRow().getByRole('button', { name: '交接单' }).click();
  await expect(room.getByTestId('handoff-view')).toBeVisible();
  await room.keyboard.press('Escape');
  await roomRow().getByRole('button', { name: '确认接收' }).click();
  await room.getByLabel('您将先做什么（选填）').fill('先看她带来的照片');
  await room.getByTestId('confirm-acknowledge').click();

  // 5. Every screen: in consultation.
  await expect(desk.getByTestId('lane-in_consultation').locator(`[data-ticket="${ticket}"]`)).toBeVisible();
  await expect(card().getByTestId('card-escort')).toHaveCount(0);
  await expect(roomRow()).toHaveAttribute('data-place', 'inside');
  await expect(guideEscort()).toHaveCount(0);

  for (const [name, shown] of [['desk', desk], ['guide', guide], ['room', room]] as const) {
    await shown.screenshot({ path: `.tmp/e2e/escorts-${name}.png` });
  }
});
