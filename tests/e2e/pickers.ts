import { expect, type Locator } from '@playwright/test';

/**
 * Waits until a search-as-you-type box (the customer picker, the board's check-in box) shows the
 * answer to everything typed: an option clicked while a later answer is on its way can move from
 * under the pointer as the list re-orders, and the click then picks nothing (seen once in CI:
 * board-keys, a walk-in's 签到 left disabled). `box` is the element with the box's test id.
 */
export async function searchSettled(box: Locator): Promise<void> {
  await expect(box).toHaveAttribute('data-searching', 'false');
}
