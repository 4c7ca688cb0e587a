import type { Page } from '@playwright/test';

/** Today's appointments and the frame around it. */
export class TodayPage {
  constructor(private readonly page: Page) {}

  table() {
    return this.page.getByTestId('today-table');
  }

  rows() {
    return this.table().locator('tbody tr.ant-table-row');
  }

  heading() {
    return this.page.getByRole('heading', { level: 3 });
  }

  async switchLanguage(label: '中文' | 'EN') {
    await this.page.locator('header').getByText(label, { exact: true }).click();
  }

  async signOut() {
    await this.page.getByTestId('user-menu').click();
    await this.page.getByRole('menuitem', { name: /退出登录|Sign out/ }).click();
  }
}
