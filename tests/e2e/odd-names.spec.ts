/**
 * Odd names on the lobby TV (issue 19): a foreign customer registered with a long Latin name once
 * blanked the display for the whole day. Here she, an Arabic name and the longest Chinese name
 * the form takes are checked in (she is called), and the TV, at both sizes it is used at, shows
 * every one masked, on one line within its row (the recent calls too), and never a full name.
 */
import { maskName } from '../../shared/domain/masking';
import { customerFieldsSchema } from '../../shared/contract/customers';
import { apiCall, freshCustomer, signInManager } from './api';
import { expect, test } from './fixtures';
import { DisplayPage } from './pages/display-page';

const LONGEST = customerFieldsSchema.shape.name.maxLength ?? 40;
const NAMES = ['Alexandra Katherine Montgomery-Smithson', 'محمد بن سلمان آل سعود', '爱'.repeat(LONGEST)];

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  test(`the lobby display shows odd names masked and within their rows at ${viewport.width}×${viewport.height}`, async ({ page, request }) => {
    await page.setViewportSize(viewport);
    const manager = await signInManager(request);
    await apiCall(request, 'settings.update', { displayWaitingCount: 20, displayNameMode: 'maskedName' }, manager);
    const visits: { visitId: number; ticket: string }[] = [];
    for (const name of NAMES) {
      const customer = await freshCustomer(request, manager, { name, exactName: true });
      visits.push(await apiCall(request, 'visits.checkIn', { walkIn: { customerId: customer.id } }, manager));
    }
    // A long Latin name called before her is among the recent calls; she is called last: the large line at the top.
    const earlier = await freshCustomer(request, manager, { name: 'Jean-Pierre Anne-Sophie Smithson-Lee', exactName: true });
    const earlierVisit = await apiCall<{ visitId: number; ticket: string }>(request, 'visits.checkIn', { walkIn: { customerId: earlier.id } }, manager);
    await apiCall(request, 'visits.transition', { visitId: earlierVisit.visitId, to: 'called' }, manager);
    await apiCall(request, 'visits.transition', { visitId: visits[0]!.visitId, to: 'called' }, manager);

    const display = new DisplayPage(page);
    await display.openAndSignIn();
    await expect(display.now()).toContainText(visits[0]!.ticket);
    await expect(display.now()).toContainText(maskName(NAMES[0]!));
    for (const [index, visit] of visits.slice(1).entries()) {
      const row = display.waiting().getByRole('listitem').filter({ hasText: visit.ticket });
      await expect(row).toContainText(maskName(NAMES[index + 1]!));
    }
    const text = await display.text();
    for (const name of NAMES) expect(text).not.toContain(name);

    // Each masked name stays on one line inside its row: nothing cut off or pushed out.
    await expect(display.recent().getByRole('listitem').filter({ hasText: earlierVisit.ticket })).toContainText(maskName(earlier.name));
    const names = page.getByTestId('display-name');
    expect(await names.count()).toBeGreaterThan(NAMES.length - 1);
    for (const element of await names.all()) {
      const fits = await element.evaluate((node) => {
        const box = node.getBoundingClientRect();
        const row = (node.closest('li') ?? node.parentElement)!.getBoundingClientRect();
        // One box (an inline element wrapping onto a second line has two), inside the row.
        return node.getClientRects().length === 1 && box.right <= row.right + 1 && box.left >= row.left - 1;
      });
      expect(fits, await element.innerText()).toBe(true);
    }
    await page.screenshot({ path: `${process.env.FRONTDESK_E2E_OUTPUT ?? '.tmp/e2e-out'}/odd-names-${viewport.width}.png` });
  });
}
