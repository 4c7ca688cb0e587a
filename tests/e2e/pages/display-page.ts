import { expect, type Page } from '@playwright/test';

/** The lobby display at /display, signed in as the display account. */
export class DisplayPage {
  constructor(private readonly page: Page) {}

  root() {
    return this.page.getByTestId('lobby-display');
  }

  now() {
    return this.page.getByTestId('display-now');
  }

  recent() {
    return this.page.getByTestId('display-recent');
  }

  waiting() {
    return this.page.getByTestId('display-waiting');
  }

  /** Opens /display; the sign-in list starts at the display accounts; picks one and types the PIN. */
  async openAndSignIn(account = '大堂显示屏', pin = '1234') {
    await this.page.goto('/display');
    await this.page.getByRole('listitem').filter({ hasText: account }).click();
    const field = this.page.getByLabel(/^(PIN|PIN 码)$/);
    await field.fill(pin);
    await field.press('Enter');
    await expect(this.root()).toBeVisible();
    // Pushed notices reach it from here on.
    await expect(this.root()).toHaveAttribute('data-live', 'true');
  }

  /** Everything a person in the lobby can read on the screen. */
  text() {
    return this.page.locator('body').innerText();
  }
}
