import { uniquePhone } from './api';
import { expect, test } from './fixtures';
import { CustomersPage } from './pages/customers-page';
import { SignInPage } from './pages/sign-in-page';

test('register a new customer, find them by pinyin initials, open their page', async ({ page, expectConsoleError }) => {
  await new SignInPage(page).open();
  await new SignInPage(page).signIn('林佳');
  const customers = new CustomersPage(page);
  await customers.open();

  // A name no demo customer has (覃 reads qin as a surname): 覃若曦, initials qrx.
  // A number of this test's own, typed as people write it.
  const phone = uniquePhone();
  const [head, middle, tail] = [phone.slice(0, 3), phone.slice(3, 7), phone.slice(7)];
  await customers.newCustomerButton().click();
  await customers.fillForm({ name: '覃若曦', addressForm: '覃女士', phone: `+86 ${head}-${middle}-${tail}` });
  await customers.submitForm();
  await expect(customers.detail()).toBeVisible();
  await expect(customers.detail().getByTestId('customer-phone')).toHaveText(`${head} ${middle} ${tail}`);

  // Registering the same phone again offers to open the existing customer instead (a 409 answer).
  expectConsoleError(/status of 409 \(Conflict\).*customers\.create/);
  await customers.open();
  await customers.newCustomerButton().click();
  await customers.fillForm({ name: '秦若希', phone });
  await customers.submitForm();
  await expect(customers.form().getByRole('alert')).toContainText('覃若曦');
  await customers.form().getByRole('button', { name: '打开该顾客' }).click();
  await expect(customers.detail()).toContainText('覃若曦');

  // Back on the search: the initials find them, phone masked; ↓ Enter opens their page.
  await customers.open();
  // Found by her masked phone among the results: a run before this one (--repeat-each, or a
  // clerk's own test) may have registered another 覃若曦.
  const ours = () => customers.results().filter({ hasText: `${head}****${tail}` });
  await customers.search('QRX');
  await expect(ours()).toHaveCount(1);
  await expect(ours()).toContainText('覃若曦');
  await customers.search('qinruoxi');
  await expect(ours()).toHaveCount(1);
  await expect(customers.results().filter({ hasNotText: '覃若曦' })).toHaveCount(0);
  await customers.searchBox().press('Enter');
  await expect(customers.detail()).toContainText('覃女士');
  await expect(page).toHaveURL(/#\/customers\/\d+$/);
});
