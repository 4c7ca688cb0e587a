import { expect, type Page } from '@playwright/test';

/** The daily checklists screen (#/checklists). */
export class ChecklistsPage {
  constructor(private readonly page: Page) {}

  /** Opens the screen from the menu (after sign-in: a reload before the session is kept would sign out). */
  async open() {
    await this.page.getByRole('menuitem', { name: /每日检查单|Daily checklists/ }).click();
    await expect(this.page.getByRole('heading', { name: /每日检查单|Daily checklists/ })).toBeVisible();
  }

  /** The card of a checklist by its id. */
  card(templateId: number) {
    return this.page.getByTestId(`checklist-${templateId}`);
  }

  async tickOk(templateId: number, itemLabel: string) {
    await this.card(templateId).getByRole('button', { name: `正常 ${itemLabel}` }).click();
  }

  async markMissing(templateId: number, itemLabel: string, note: string) {
    await this.card(templateId).getByRole('button', { name: `缺少 ${itemLabel}` }).click();
    await this.page.getByLabel('备注（缺什么、缺多少）').fill(note);
    await this.page.getByRole('button', { name: '登记' }).click();
  }

  async complete(templateId: number) {
    await this.card(templateId).getByRole('button', { name: '完成' }).click();
  }
}
