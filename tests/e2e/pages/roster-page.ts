import { expect, type Page } from '@playwright/test';

/** The roster screen: the morning confirmation, one card per doctor. */
export class RosterPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/#/roster');
    await expect(this.page.getByRole('tab', { name: /晨间确认|Morning confirmation/ })).toBeVisible();
  }

  doctorCard(doctorId: number) {
    return this.page.getByTestId(`roster-doctor-${doctorId}`);
  }

  /** Absent puts a doctor's whole day at risk: the screen asks first (issue 13 part 3), and this says yes. */
  async markAbsent(doctorId: number) {
    await this.doctorCard(doctorId).getByRole('button', { name: /^(缺席|Absent)/ }).click();
    await this.page.getByTestId('roster-absent-ok').click();
  }

  affectedRow(doctorId: number, text: string) {
    return this.doctorCard(doctorId).getByRole('row').filter({ hasText: text });
  }
}
