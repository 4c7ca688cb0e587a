/**
 * Issue 16 end to end (part of it): the consultant closes a consultation in the outcome dialog,
 * the nurse does a round on the ward board on a tablet-sized page, and prints the aftercare sheet
 * (its page as the browser mode serves it). Data through the API; the screen is taken over the API.
 */
import { apiCall, signInAs, walkInNow } from './api';
import { expect, test } from './fixtures';
import { SignInPage } from './pages/sign-in-page';
import { admitToFreeBed, wardTablet } from './ward-helpers';

test('close a consultation, admit, do a round on the ward board at 768×1024, print the aftercare sheet', async ({ page, request, newContext }) => {
  const reception = await signInAs(request, '林佳');
  const { visitId, customer } = await walkInNow(request, reception, { name: '顾晓', addressForm: '顾姐' });
  await apiCall(request, 'visits.transition', { visitId, to: 'called' }, reception);
  await apiCall(request, 'visits.transition', { visitId, to: 'in_consultation' }, reception);

  const signIn = new SignInPage(page);
  await signIn.open('zh-CN');
  await signIn.signIn('周雅');
  await expect(signIn.root()).toBeHidden();
  await page.goto('/#/board');
  const card = page.locator(`[data-visit-id="${String(visitId)}"]`);
  await card.getByTestId('record-outcome').click();
  await expect(page.getByTestId('outcome-form')).toBeVisible();
  await page.getByText('再考虑', { exact: true }).click();
  await page.getByTestId('outcome-save').click();
  await expect(page.getByText('咨询结果已保存')).toBeVisible();

  const { stayId, bed: bedNumber, nurse } = await admitToFreeBed(request, customer.id);

  // The nurse's tablet: a screen of its own, 768×1024.
  const { context: tabletContext, tablet, bed } = await wardTablet(newContext, bedNumber, customer.name);
  const round = bed.locator('[data-testid="ward-task"][data-kind="round"], [data-testid="ward-task"][data-kind="night_round"]').first();
  await round.getByRole('button', { name: '开始查房' }).click();
  await round.getByRole('button', { name: '结束' }).click();
  // Closed at once: recorded, with the warning of rule 12.
  await expect(tablet.getByText(/规定至少 10 分钟/)).toBeVisible();
  await tablet.screenshot({ path: '.tmp/e2e/ward-tablet-zh.png' });

  const sheet = await tabletContext.newPage();
  const response = await sheet.goto(`/print/aftercare/${String(stayId)}?paper=a5`);
  expect(response?.status()).toBe(200);
  await expect(sheet.getByText(customer.name, { exact: false }).first()).toBeVisible();
  const printed = await apiCall<{ aftercareAgainAt: string }>(request, 'aftercare.recordPrint', { stayId }, nurse);
  expect(printed.aftercareAgainAt).toMatch(/T02:00:00\.000Z$/);
});
