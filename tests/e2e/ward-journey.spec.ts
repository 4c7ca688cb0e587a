/**
 * Issue 16 end to end, the whole way: the consultant closes a consultation as decided and books the
 * pre-op exam and the surgery in the outcome dialog; after the surgery the nurse admits her; on the
 * ward board of a 768×1024 tablet the nurse does a round and prints the aftercare sheet; when the
 * tablet's clock reaches the next morning, the task "explain the aftercare again" (seed 004 rule 13)
 * is on her bed. Data of the spec's own through the API: a doctor of its own with hours today, so
 * no booking of another spec (or the demo day) is in the way.
 */
import type { Locator, Page } from '@playwright/test';
import { apiCall, clinicNow, doctorOnDuty, moveServerClock, signInAs, signInManager, walkInNow } from './api';
import { expect, serverNow, test } from './fixtures';
import { SignInPage } from './pages/sign-in-page';
import { admitToFreeBed, wardTablet } from './ward-helpers';

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Picks `name` in an antd Select once no other dropdown is still closing. */
async function pick(page: Page, select: Locator, name: string) {
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await select.click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(name, { exact: true }).click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

test.setTimeout(180_000); // a whole journey on two screens: a bound, not a timing

test('decided → pre-op and surgery booked → admitted → a round on a 768×1024 ward board → aftercare printed → the next morning the re-explanation is due', async ({ page, request, newContext, baseURL }) => {
  const manager = await signInManager(request);
  const { date, time } = await clinicNow(request, manager);
  // The spec's own doctor, on duty today from now to late evening.
  const from = Math.floor(minutesOf(time) / 30) * 30;
  const { name: doctorName } = await doctorOnDuty(request, manager, { prefix: '术医', specialty: '眼整形', date, start: clock(from), end: clock(Math.min(from + 8 * 60, 23 * 60 + 30)) });
  const preOpAt = clock(from + 60);
  const surgeryAt = clock(from + 150);

  const reception = await signInAs(request, '林佳');
  const { visitId, customer } = await walkInNow(request, reception, { name: '程晓', addressForm: '程姐' });
  await apiCall(request, 'visits.transition', { visitId, to: 'called' }, reception);
  await apiCall(request, 'visits.transition', { visitId, to: 'in_consultation' }, reception);
  // Screened with her before surgery is talked about (a negative BDDQ-AS).
  const consultant = await signInAs(request, '周雅');
  await apiCall(request, 'screenings.record', { customerId: customer.id, answers: { q1: true, q2: false } }, consultant);

  // The consultant closes the consultation on the lobby PC: decided, pre-op and surgery in one dialog.
  const signIn = new SignInPage(page);
  await signIn.open('zh-CN');
  await signIn.signIn('周雅');
  await expect(signIn.root()).toBeHidden();
  await page.goto('/#/board');
  await page.locator(`[data-visit-id="${String(visitId)}"]`).getByTestId('record-outcome').click();
  const form = page.getByTestId('outcome-form');
  await expect(form).toBeVisible();
  await expect(form.getByText('决定手术', { exact: true })).toBeVisible();
  const preOp = form.getByTestId('preop-fields');
  await pick(page, preOp.locator('.ant-select'), doctorName);
  await preOp.locator('input[type="date"]').fill(date);
  await preOp.locator('input[type="time"]').fill(preOpAt);
  const surgery = form.getByTestId('surgery-fields');
  await pick(page, surgery.locator('.ant-select'), doctorName);
  await surgery.locator('input[type="date"]').fill(date);
  await surgery.locator('input[type="time"]').fill(surgeryAt);
  await page.screenshot({ path: '.tmp/e2e/outcome-dialog-zh.png' });
  await form.getByTestId('outcome-save').click();
  await expect(page.getByText('咨询结果已保存')).toBeVisible();
  await expect(page.getByTestId('outcome-form')).toBeHidden();

  // Both booked for her, with the doctor named; the card moved on to the pre-op exam.
  const day = await apiCall<{ appointments: { customer: { id: number }; kind: string }[] }>(request, 'appointments.listDay', { date }, manager);
  const hers = day.appointments.filter((row) => row.customer.id === customer.id).map((row) => row.kind).sort();
  expect(hers).toEqual(['preop', 'surgery']);

  // After the surgery the nurse admits her to a free bed (her surgery of today is the stay's).
  const { stayId, bed: bedNumber, nurse } = await admitToFreeBed(request, customer.id);

  // The nurse's tablet, 768×1024 portrait.
  const { context: tabletContext, tablet, signIn: tabletSignIn, bed } = await wardTablet(newContext, bedNumber, customer.name);
  await expect(bed.locator('[data-testid="ward-task"][data-kind="surgery_day_care"]').first()).toBeVisible();
  // Her first round: a day round, or — admitted in the evening (test:clock at 17:59), after the day's
  // rounds — the night round; both are started and ended (seed 004 rules 4 and 12).
  const ROUND = '[data-testid="ward-task"]:is([data-kind="round"], [data-kind="night_round"])';
  const round = bed.locator(ROUND).first();
  await round.getByRole('button', { name: '开始查房' }).click();
  await expect(round.getByRole('button', { name: '结束' })).toBeVisible();
  await round.getByRole('button', { name: '结束' }).click();
  await expect(tablet.getByText(/规定至少 10 分钟/)).toBeVisible();
  await expect(bed.locator(`${ROUND}[data-state="done"]`)).toHaveCount(1);
  // Nothing to explain again yet.
  await expect(bed.locator('[data-testid="ward-task"][data-kind="explain_aftercare"]')).toHaveCount(0);

  // The aftercare sheet: its page names her; printing it is recorded and sets tomorrow's task.
  const sheet = await tabletContext.newPage();
  const response = await sheet.goto(`/print/aftercare/${String(stayId)}?paper=a5`);
  expect(response?.status()).toBe(200);
  await expect(sheet.getByText(customer.name, { exact: false }).first()).toBeVisible();
  await sheet.close();
  const printed = await apiCall<{ aftercareAgainAt: string }>(request, 'aftercare.recordPrint', { stayId }, nurse);
  await expect(bed.getByTestId('ward-tomorrow')).toBeVisible();
  await tablet.screenshot({ path: '.tmp/e2e/ward-journey-tablet-zh.png', fullPage: true });

  // The next morning at 08:00 on the tablet: the console has locked itself overnight; the morning
  // nurse signs in and finds the re-explanation on the bed, due at 10:00.
  const { date: today } = await clinicNow(request, nurse);
  const health = (await (await request.get('/api/health')).json()) as { now: string };
  const [year, month, dayOfMonth] = today.split('-').map(Number) as [number, number, number];
  const nextMorning = Date.UTC(year, month - 1, dayOfMonth + 1, 0, 0); // 08:00 in the clinic (UTC+8)
  // The console's clock moves too (the suite's test clock), and is put back for the specs after this one.
  const moved = nextMorning - Date.parse(health.now);
  await moveServerClock(request, new Date(nextMorning));
  try {
    await tablet.clock.fastForward(moved);
    await expect(tabletSignIn.lockScreen()).toBeVisible();
    await tabletSignIn.signIn('郑丽');
    await expect(tabletSignIn.lockScreen()).toHaveCount(0);
    // The server's next day: her second day of stay, the re-explanation due today at 10:00.
    await expect(bed).toContainText('住院第 2 天');
    const again = bed.locator('[data-testid="ward-task"][data-kind="explain_aftercare"]');
    await expect(again).toHaveCount(1);
    await expect(again).toContainText('10:00');
    await expect(again).toContainText('再次讲解术后注意事项');
    expect(printed.aftercareAgainAt).toBe(new Date(Date.UTC(year, month - 1, dayOfMonth + 1, 2, 0)).toISOString());
    await tablet.screenshot({ path: '.tmp/e2e/ward-journey-next-morning-zh.png', fullPage: true });
  } finally {
    await moveServerClock(request, new Date((await serverNow(baseURL ?? '')).getTime() - moved));
  }
});
