import { expect, test } from '@playwright/test';
import { CustomersPage } from './pages/customers-page';
import { SignInPage } from './pages/sign-in-page';

test('register a new customer, find them by pinyin initials, open their page', async ({ page }) => {
  await new SignInPage(page).open();
  await new SignInPage(page).signIn('林佳');
  const customers = new CustomersPage(page);
  await customers.open();

  // A name no demo customer has (覃 reads qin as a surname): 覃若曦, initials qrx.
  await customers.newCustomerButton().click();
  await customers.fillForm({ name: '覃若曦', addressForm: '覃女士', phone: '+86 139-2718-0642' });
  await customers.submitForm();
  await expect(customers.detail()).toBeVisible();
  await expect(customers.detail().getByTestId('customer-phone')).toHaveText('139 2718 0642');

  // Registering the same phone again offers to open the existing customer instead.
  await customers.open();
  await customers.newCustomerButton().click();
  await customers.fillForm({ name: '秦若希', phone: '13927180642' });
  await customers.submitForm();
  await expect(customers.form().getByRole('alert')).toContainText('覃若曦');
  await customers.form().getByRole('button', { name: '打开该顾客' }).click();
  await expect(customers.detail()).toContainText('覃若曦');

  // Back on the search: the initials find them, phone masked; ↓ Enter opens their page.
  await customers.open();
  await customers.search('QRX');
  await expect(customers.results().first()).toContainText('覃若曦');
  await expect(customers.results().first()).toContainText('139****0642');
  await customers.search('qinruoxi');
  await expect(customers.results()).toHaveCount(1);
  await customers.searchBox().press('Enter');
  await expect(customers.detail()).toContainText('覃女士');
  await expect(page).toHaveURL(/#\/customers\/\d+$/);
});
