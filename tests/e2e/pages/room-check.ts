import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { apiCall } from '../api';

/**
 * Presses a card's Call (叫号). The room may be taken at the suite's moment (the demo day has
 * people in consultation): the server is asked first, and when someone holds the room the dialog
 * must name them, and the clerk calls anyway (issue 13 part 10).
 */
export async function callCard(page: Page, request: APIRequestContext, token: string, card: Locator): Promise<void> {
  const visitId = Number(await card.getAttribute('data-visit-id'));
  const occupancy = await apiCall<{ occupants: { ticket: string }[] }>(request, 'visits.roomOccupancy', { visitId }, token);
  await card.getByRole('button', { name: '叫号' }).click();
  if (occupancy.occupants.length === 0) return;
  const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('room-taken') });
  await expect(dialog).toContainText(occupancy.occupants[0]!.ticket);
  await dialog.getByRole('button', { name: /仍然叫号|Call anyway/ }).click();
}
