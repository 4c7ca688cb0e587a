import { expect, type Page } from '@playwright/test';

/** The sign-in and lock screens. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  root() {
    return this.page.getByTestId('sign-in');
  }

  lockScreen() {
    return this.page.getByTestId('lock-screen');
  }

  async open(language: 'zh-CN' | 'en' = 'zh-CN') {
    await this.page.goto(`/?lang=${language}`);
    await expect(this.root()).toBeVisible();
  }

  /** Picks a staff card by name and types the PIN. */
  async signIn(name: string, pin = '1234') {
    await this.page.getByRole('listitem').filter({ hasText: name }).click();
    await this.enterPin(pin);
  }

  async enterPin(pin: string) {
    const field = this.page.getByLabel(/^(PIN|PIN 码)$/);
    await field.fill(pin);
    await field.press('Enter');
  }

  alert() {
    return this.page.getByRole('alert');
  }
}
