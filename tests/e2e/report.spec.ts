/**
 * Issue 18 end to end: the manager opens the demo day's report, switches to the week, opens a
 * chart's numbers, exports a table as CSV (BOM, Chinese intact, the same numbers as on screen) and
 * the whole report for PDF (the A4 document the print dialog saves); reception has no report in
 * its menu, cannot open it by its address, and is refused by the server.
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../shared/report/csv';
import { TEST_NOW_INSTANT } from '../helpers/test-moment';
import { clinicDateOf } from '../../shared/domain/clinic-time';
import { apiCall, clinicNow, signInAs, signInManager, walkInNow } from './api';
import { expect, test } from './fixtures';
import { SignInPage } from './pages/sign-in-page';

/** A day of the suite, for the refusals below (any day is refused to reception). */
const today = clinicDateOf(TEST_NOW_INSTANT, 'Asia/Shanghai');

test('a manager opens the day’s report, switches to the week, opens a chart’s numbers, exports CSV and PDF', async ({ page, request }) => {
  // Nine sections with eleven charts, drawn twice (the day, the week) and printed: on a loaded
  // 2-core machine the walk took 62–70 s of browser work (the server answered each report in ~0.3 s).
  test.setTimeout(150_000);
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('何芳');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  const manager = await signInManager(request);
  // The day's own arrival, called: a wait to report at any moment the suite runs, just after
  // midnight too, whichever specs ran before.
  const walkIn = await walkInNow(request, manager, { name: '报表到店' });
  const board = await apiCall<{ cards: { visitId: number; version: number }[] }>(request, 'visits.board', {}, manager);
  const card = board.cards.find((entry) => entry.visitId === walkIn.visitId)!;
  await apiCall(request, 'visits.transition', { visitId: walkIn.visitId, to: 'called', expectedVersion: card.version }, manager);
  const before = (await clinicNow(request, manager)).date;
  await page.getByRole('menuitem', { name: '运营报表' }).click();
  // The day's report, its period in the address: the clinic's day when it opened (a run started at
  // 23:58 may cross midnight here).
  await expect(page).toHaveURL(/#\/report\/(\d{4}-\d{2}-\d{2})\/\1$/);
  const shown = /#\/report\/([\d-]+)\//.exec(page.url())![1]!;
  expect([before, (await clinicNow(request, manager)).date]).toContain(shown);
  const headline = page.getByTestId('report-headline');
  await expect(headline).toContainText('到诊人次');
  await expect(page.getByTestId('figure-arrivals.total').first()).not.toContainText(/^到诊人次0/);
  await expect(page.getByTestId('chart-waits-waitsByHour').locator('svg')).toBeVisible();

  // The week, Monday to Sunday.
  await page.getByTestId('report-kind').getByText('周', { exact: true }).click();
  await expect(page).toHaveURL(/#\/report\/(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/);
  const [, from, to] = /#\/report\/([\d-]+)\/([\d-]+)$/.exec(page.url())!;
  expect(new Date(`${from}T12:00:00Z`).getUTCDay()).toBe(1);
  expect((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000).toBe(6);
  await expect(page.getByTestId('report-period')).toHaveText(`${from} – ${to}`);

  // A chart's numbers, a click away.
  const waits = page.getByTestId('section-waits');
  await waits.getByTestId('toggle-waits-waitsByHour').getByText('查看数据表').click();
  await expect(waits.getByRole('columnheader', { name: '签到→叫号 中位数' }).first()).toBeVisible();
  const firstHour = await waits.getByRole('row').nth(1).getByRole('cell').first().textContent();
  expect(firstHour).toMatch(/^\d{2}:00$/);

  // The table as CSV: UTF-8 with a BOM, Chinese headers, the hours the table shows.
  const [download] = await Promise.all([page.waitForEvent('download'), waits.getByTestId('csv-waits-byHour').click()]);
  expect(download.suggestedFilename()).toBe(`report-${from}-${to}-waits-byHour.csv`);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = parseCsv(csv);
  expect(rows[0]).toEqual(['时段', '人次', '签到→叫号 中位数', '签到→叫号 P90', '签到→叫号 最长', '叫号→接诊 中位数', '叫号→接诊 P90', '叫号→接诊 最长']);
  expect(rows[1]![0]).toBe(firstHour);

  // The whole report for PDF: the A4 document the print dialog saves, with the clinic's name.
  const [document] = await Promise.all([page.waitForResponse((response) => response.url().includes(`/print/report/${from}/${to}`)), page.getByTestId('report-pdf').click()]);
  expect(document.status()).toBe(200);
  const html = await document.text();
  expect(html).toContain('悦颜医疗美容门诊部');
  expect(html).toContain('<svg');
  expect(html).toContain('counter(pages)');
});

test('other roles cannot open the report: no menu entry, the address shows their own page, the server refuses', async ({ page, request }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('陈晓雨');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  // The menu is drawn the frame after the first page (use-after-first-paint.ts): the entry's
  // absence is read once the menu is there.
  await expect(page.getByRole('menuitem', { name: /候诊看板/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '运营报表' })).toHaveCount(0);
  await page.evaluate((day) => (window.location.hash = `/report/${day}/${day}`), today);
  await expect(page.getByTestId('report-page')).toHaveCount(0);

  const token = await signInAs(request, '陈晓雨');
  const refused = await request.post('/api/report.get', { data: { from: today, to: today }, headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(403);
  const printed = await request.get(`/print/report/${today}/${today}`, { headers: { authorization: `Bearer ${token}` } });
  expect(printed.status()).toBe(403);
  expect(await printed.text()).not.toContain('<svg');
});
