/**
 * Issue 19 part 6 on screen: two desks open the same customer's card to edit it. The first saves;
 * the second's save, made on the card as it was, is refused — it says what the first changed, with
 * the value now, and loads the newer card on request; nothing is overwritten.
 */
import type { Page } from '@playwright/test';
import { freshCustomer, signInAs } from './api';
import { expect, test } from './fixtures';
import { CustomersPage } from './pages/customers-page';
import { SignInPage } from './pages/sign-in-page';

async function openEditor(page: Page, staffName: string, customerId: number): Promise<CustomersPage> {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(staffName);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.evaluate((id) => (window.location.hash = `/customers/${id}`), customerId);
  const customers = new CustomersPage(page);
  await expect(customers.detail()).toBeVisible();
  await page.getByRole('button', { name: /(编辑|Edit)$/ }).click();
  await expect(customers.form()).toBeVisible();
  return customers;
}

test('two desks edit one customer: the later save is refused, says what changed, and loads the newer card', async ({ page, newContext, request, expectConsoleError }) => {
  test.setTimeout(150_000);
  const customer = await freshCustomer(request, await signInAs(request, '林佳'), { name: '冲突' });
  const first = await openEditor(page, '林佳', customer.id);
  const secondPage = await (await newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  const second = await openEditor(secondPage, '陈晓雨', customer.id);

  await first.form().getByLabel(/^(称呼|Form of address)$/).fill('冲姐');
  await first.submitForm();
  await expect(first.form()).toHaveCount(0);
  await expect(first.detail()).toContainText('冲姐');

  // The refusal is a 409 answer, which the browser logs.
  expectConsoleError(/status of 409 \(Conflict\).*customers\.update/);
  await second.form().getByLabel(/^(备注|Notes)$/).fill('怕疼，请多安抚');
  await second.submitForm();
  const notice = second.form().getByTestId('customer-changed-meanwhile');
  await expect(notice).toContainText('这位顾客的资料刚被他人修改');
  await expect(notice).toContainText('称呼：冲姐');
  await expect(second.form()).toBeVisible();

  // Loading the newer card keeps the first desk's change; the note is typed again on top of it.
  await notice.getByRole('button', { name: '载入最新资料' }).click();
  await expect(second.form().getByLabel(/^(称呼|Form of address)$/)).toHaveValue('冲姐');
  await second.form().getByLabel(/^(备注|Notes)$/).fill('怕疼，请多安抚');
  // Seen here: after the refused save the button's accessible name reads "loading 保存" though no
  // spinner shows (antd's collapsed loading icon), so it is matched by its end.
  await second.form().getByRole('button', { name: /(保存|Save)$/ }).click();
  await expect(second.form()).toHaveCount(0);
  await expect(second.detail()).toContainText('冲姐');
  await expect(second.detail()).toContainText('怕疼，请多安抚');
});
