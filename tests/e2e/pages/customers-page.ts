import type { Page } from '@playwright/test';

/** The customers search, the registration form and a customer's page. */
export class CustomersPage {
  constructor(private readonly page: Page) {}

  /** Goes to the customers search through the menu (a reload would end the session). */
  async open() {
    await this.page.getByRole('menuitem', { name: /顾客|Customers/ }).click();
    await this.searchBox().waitFor();
  }

  searchBox() {
    return this.page.getByTestId('customer-search');
  }

  results() {
    return this.page.getByTestId('customer-results').locator('tbody tr[data-row-key]');
  }

  async search(text: string) {
    await this.searchBox().fill(text);
  }

  newCustomerButton() {
    return this.page.getByRole('button', { name: /新顾客|New customer/ });
  }

  form() {
    return this.page.getByTestId('customer-form');
  }

  /** Fills the registration form's text fields by their labels. */
  async fillForm(fields: { name: string; addressForm?: string; phone: string }) {
    const form = this.form();
    await form.getByLabel(/^(姓名|Name)$/).fill(fields.name);
    if (fields.addressForm) await form.getByLabel(/^(称呼|Form of address)$/).fill(fields.addressForm);
    await form.getByLabel(/^(电话|Phone)$/).fill(fields.phone);
  }

  async submitForm() {
    await this.form().getByRole('button', { name: /^(登记|Register|保存|Save)$/ }).click();
  }

  detail() {
    return this.page.getByTestId('customer-detail');
  }
}
