/**
 * Issue 20 end to end: reception records a consent on a tablet-sized page; a manager opens the
 * customer, sees who has looked, exports her copy, erases her after typing her name, and she is
 * gone from search.
 */
import { readFileSync } from 'node:fs';
import { freshCustomer, signInAs } from './api';
import { expect, test } from './fixtures';
import { CustomersPage } from './pages/customers-page';
import { SignInPage } from './pages/sign-in-page';

test('record a consent on a tablet, see who looked, export, erase, and find her gone from search', async ({ page, newContext, request, expectConsoleError }) => {
  test.setTimeout(150_000);
  const customer = await freshCustomer(request, await signInAs(request, '林佳'), { name: '隐私', notes: '对青霉素过敏' });

  // Reception, on a 768×1024 touch tablet: the customer's page, her medical-information consent signed on the tablet.
  const tablet = await (await newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true })).newPage();
  const tabletSignIn = new SignInPage(tablet);
  await tabletSignIn.open();
  await tabletSignIn.signIn('林佳');
  await expect(tablet.getByTestId('user-menu')).toBeVisible();
  await tablet.evaluate((id) => (window.location.hash = `/customers/${id}`), customer.id);
  const card = tablet.getByTestId('privacy-card');
  await expect(card).toContainText(/尚未签署医疗信息同意书|No medical-information consent yet/);
  await card.getByRole('row', { name: /医疗信息|Medical information/ }).getByRole('button', { name: /登记同意|Record consent/ }).click();
  const dialog = tablet.getByRole('dialog');
  await expect(dialog).toContainText(/第 1 版|version 1/);
  await dialog.getByRole('radio', { name: /平板签字|Signed on a tablet/ }).check();
  // Not yet signed: the dialog asks for the signature and records nothing.
  await dialog.getByRole('button', { name: /登记同意|Record consent/ }).click();
  await expect(dialog.getByRole('alert')).toContainText(/签名框还是空的|still empty/);
  // She signs in the box with her finger (a stroke across it).
  const box = dialog.getByTestId('signature-box');
  const area = await box.boundingBox();
  if (!area) throw new Error('the signature box has no size');
  await tablet.mouse.move(area.x + 30, area.y + area.height * 0.6);
  await tablet.mouse.down();
  for (let step = 1; step <= 12; step += 1) await tablet.mouse.move(area.x + 30 + step * 20, area.y + area.height * (0.6 - 0.3 * Math.sin(step / 2)), { steps: 2 });
  await tablet.mouse.up();
  await expect(box).toHaveAttribute('data-empty', 'false');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: /登记同意|Record consent/ }).click();
  const medicalRow = card.getByRole('row', { name: /医疗信息|Medical information/ });
  await expect(medicalRow).toContainText(/有效|In force/);
  // Her signature is shown beside the consent.
  await expect(medicalRow.getByRole('img', { name: /顾客在平板上的签名|signature on the tablet/ })).toBeVisible();
  await expect(card).not.toContainText(/尚未签署医疗信息同意书|No medical-information consent yet/);

  // A manager at the lobby PC: who has looked (reception's read from her page, then the manager's own).
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('何芳');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.evaluate((id) => (window.location.hash = `/customers/${id}`), customer.id);
  const log = page.getByTestId('access-log');
  await log.getByRole('button').first().click();
  await expect(log).toContainText('林佳');
  await expect(log).toContainText('何芳');

  // Her copy: a JSON file with her card and her consent.
  const download = page.waitForEvent('download');
  await page.getByTestId('privacy-export').click();
  const file = await (await download).path();
  const copy = JSON.parse(readFileSync(file, 'utf8')) as { tables: Record<string, Record<string, unknown>[]> };
  expect(copy.tables.customers?.[0]).toMatchObject({ id: customer.id, name: customer.name, notes: '对青霉素过敏' });
  expect(copy.tables.consents?.[0]).toMatchObject({ purpose: 'medical', method: 'tablet', signature: expect.stringMatching(/^data:image\/png;base64,iVBORw0KGgo/) as unknown });

  // Erase: the button waits for her name.
  await page.getByTestId('privacy-erase').click();
  const erase = page.getByRole('dialog');
  await expect(erase).toContainText(/没有治疗记录|no treatment records/);
  const confirm = erase.getByRole('button', { name: /^(删 除|删除|Erase)$/ });
  await expect(confirm).toBeDisabled();
  await erase.getByRole('textbox').fill(customer.name);
  // The tablet still shows her page: once she is erased its reads of her are refused (404, 409),
  // which the browser logs, and the page says she is gone.
  expectConsoleError(/status of 404 \(Not Found\).*customers\.get/);
  expectConsoleError(/status of 409 \(Conflict\).*privacy\./);
  await confirm.click();
  await expect(page.getByText(/已删除该顾客的个人信息|personal data is erased/)).toBeVisible();
  await expect(page.getByTestId('customer-search')).toBeVisible();
  await expect(tablet.getByText(/这位顾客的资料已删除|data has been erased/).first()).toBeVisible();

  // Gone from search, by name and by phone.
  const customers = new CustomersPage(page);
  await customers.search(customer.name);
  await expect(page.getByText(/没有找到|Nobody matches/).first()).toBeVisible();
  await expect(customers.results()).toHaveCount(0);
  await customers.search(customer.phone);
  await expect(customers.results()).toHaveCount(0);
});
