import { apiCall, appointmentNow, emptyWaitingLane, signInManager, walkInNow } from './api';
import { watchApi } from './api-watch';
import { expect, test } from './fixtures';
import { SignInPage } from './pages/sign-in-page';
import { TodayPage } from './pages/today-page';

test('a change made by another client reaches the console without a reload', async ({ page, request }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('陈晓雨');
  await expect(new TodayPage(page).heading()).toBeVisible();
  const header = page.locator('header');
  await expect(header).toContainText('悦颜医疗美容门诊部');

  // Pushed over the event stream (how fast it arrives is a benchmark row, `npm run bench`, never a
  // timed assertion on a machine that may be busy).
  const manager = await signInManager(request);
  await apiCall(request, 'settings.update', { clinicName: '悦颜医美·旗舰店' }, manager);
  await expect(header).toContainText('悦颜医美·旗舰店');

  await apiCall(request, 'settings.update', { clinicName: '悦颜医疗美容门诊部' }, manager);
  await expect(header).toContainText('悦颜医疗美容门诊部');
});

test('a check-in at another desk joins the board by its own card, not a reread of the day; a finished card’s comfort opens on demand', async ({ page, request }) => {
  const manager = await signInManager(request);
  // A finished visit of this test's own, so the done lane has a card whatever the demo day holds.
  const finished = await walkInNow(request, manager, { name: '已看完' });
  // Her tea was served before she was seen: a finished card shows the comfort it counted.
  const { tasks } = await apiCall<{ tasks: { id: number; doneAt: string | null }[] }>(request, 'comfort.timeline', { visitId: finished.visitId }, manager);
  await apiCall(request, 'comfort.complete', { taskId: tasks[0]!.id }, manager);
  for (const to of ['called', 'in_consultation', 'done']) await apiCall(request, 'visits.transition', { visitId: finished.visitId, to }, manager);
  const appointment = await appointmentNow(request, manager, { name: '另一台签到' });
  // Its card must come into view in the waiting lane, whatever earlier specs left waiting.
  await emptyWaitingLane(request, manager);
  // Watched from the page's start: its socket opens once, early (renderer/client/call-socket.ts).
  const reads: string[] = [];
  let counting = false;
  watchApi(page, {
    // The board's reads, and the day's appointments (the check-in box reads them only while in use).
    onCall: (method) => {
      if (counting && /^((visits|comfort)\.\w+|appointments\.listDay)$/.test(method)) reads.push(method);
    },
  });
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('陈晓雨');
  await page.getByRole('menuitem', { name: /候诊看板/ }).click();
  await expect(page.getByTestId('lane-waiting')).toBeVisible();
  await expect(page.getByTestId('board-card').first()).toBeVisible();

  reads.length = 0;
  counting = true;
  await apiCall(request, 'visits.checkIn', { appointmentId: appointment.id }, manager);
  const card = page.getByTestId('lane-waiting').getByTestId('board-card').filter({ hasText: appointment.customer.name });
  await expect(card).toBeVisible();
  await expect(card.getByTestId('wait-timer')).toHaveText('0 分钟');
  expect(reads).toEqual(['visits.cards']);

  // A finished visit's card counts its comfort; its timeline is read when opened.
  const doneCard = page.getByTestId('lane-done').locator(`[data-ticket="${finished.ticket}"]`);
  await doneCard.getByRole('button', { name: /关怀 \d+\/\d+/ }).click();
  await expect(page.locator('.ant-popover .ant-timeline-item').first()).toBeVisible();
  expect(reads).toEqual(['visits.cards', 'comfort.timeline']);
});

test('a reload of the board asks who is signed in and for the day once each, and still takes a check-in made meanwhile', async ({ page, request }) => {
  const manager = await signInManager(request);
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('陈晓雨');
  await page.getByRole('menuitem', { name: /候诊看板/ }).click();
  await expect(page.getByTestId('board-card').first()).toBeVisible();

  const reads: string[] = [];
  watchApi(page, {
    onCall: (method) => {
      if (/^(auth\.session|visits\.board|events)$/.test(method)) reads.push(method);
    },
  });
  // Nothing happens meanwhile: the snapshot is kept (no second read when the stream opens).
  await page.reload();
  await expect(page.getByTestId('board-card').first()).toBeVisible();
  // A notice the page shows proves its stream open (and the snapshot checked against its start).
  await apiCall(request, 'settings.update', { clinicName: '悦颜医美·重载' }, manager);
  await expect(page.locator('header').first()).toContainText('悦颜医美·重载');
  await apiCall(request, 'settings.update', { clinicName: '悦颜医疗美容门诊部' }, manager);
  await expect(page.locator('header').first()).toContainText('悦颜医疗美容门诊部');
  // Once each, asked before the modules load (renderer/client/early-calls.ts): the session, then the
  // board, then the stream, which starts from where the board was read.
  expect(reads.slice(0, 3)).toEqual(['auth.session', 'visits.board', 'events']);
  expect(reads.filter((method) => method !== 'events')).toEqual(['auth.session', 'visits.board']);

  // A check-in made the moment a reload starts lands in the snapshot or arrives on the stream (or
  // the snapshot is asked again, when its notice fell between it and the stream's start): either
  // way its card is on the board without another reload.
  const appointment = await appointmentNow(request, manager, { name: '重载时签到' });
  await emptyWaitingLane(request, manager);
  await Promise.all([page.reload(), apiCall(request, 'visits.checkIn', { appointmentId: appointment.id }, manager)]);
  await expect(page.getByTestId('lane-waiting').getByTestId('board-card').filter({ hasText: appointment.customer.name })).toBeVisible();
});
