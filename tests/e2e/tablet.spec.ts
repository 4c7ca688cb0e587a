/**
 * Issue 13, part 9: every page a guide, a consultant or a nurse can open works on a 768×1024 touch
 * tablet, upright and on its side: nothing makes the document scroll sideways, every button, link and
 * field is at least 44×44 px (WCAG 2.5.5; antd's sizes grow on coarse pointers), and no keyboard
 * shortcut is advertised to someone without a keyboard. The pages come from renderer/routes.tsx, so
 * a new page is walked the day it is added.
 */
import type { Role } from '../../shared/domain/roles';
import { emptyWaitingLane, freshCustomer, signInAs, signInManager, walkInNow } from './api';
import { expect, test } from './fixtures';
import { horizontalOverflow, openPath, shortcutHints, smallTouchTargets } from './page-survey';
import { SignInPage } from './pages/sign-in-page';
import { readRoutes, routesOf } from './route-table';

/** The demo's people who carry a tablet. */
const TABLET_STAFF: { role: Role; name: string }[] = [
  { role: 'guide', name: '赵敏' },
  { role: 'consultant', name: '周雅' },
  { role: 'nurse', name: '冯静' },
];

const ORIENTATIONS = [
  { name: 'portrait', viewport: { width: 768, height: 1024 } },
  { name: 'landscape', viewport: { width: 1024, height: 768 } },
] as const;

test('the route table is read from renderer/routes.tsx and names pages for every tablet role', () => {
  const routes = readRoutes();
  expect(routes.map((route) => route.key)).toContain('board');
  for (const { role } of TABLET_STAFF) expect(routesOf(role, routes).length).toBeGreaterThan(0);
});

for (const { role, name } of TABLET_STAFF) {
  for (const orientation of ORIENTATIONS) {
    test(`every page a ${role} opens works on a touch tablet (${orientation.name})`, async ({ newContext, request }) => {
      test.setTimeout(180_000);
      const customer = await freshCustomer(request, await signInManager(request), { name: '平板', addressForm: '平女士' });
      // A customer's record is a page of its own for those who may open records.
      const detailPaths: Record<string, string[]> = { customers: [`customers/${customer.id}`] };
      const context = await newContext({ viewport: orientation.viewport, hasTouch: true, isMobile: true });
      const page = await context.newPage();
      const signIn = new SignInPage(page);
      await signIn.open();
      expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'the tablet reports a coarse pointer').toBe(true);
      const problems = (await smallTouchTargets(page)).map((small) => `sign-in: small touch target ${small}`);
      await signIn.signIn(name);
      await expect(page.getByTestId('user-menu')).toBeVisible();

      const paths = routesOf(role).flatMap((key) => [key, ...(detailPaths[key] ?? [])]);
      for (const path of paths) {
        await openPath(page, path);
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) problems.push(`${path}: the page scrolls sideways by ${overflow}px`);
        for (const small of await smallTouchTargets(page)) problems.push(`${path}: small touch target ${small}`);
        for (const hint of await shortcutHints(page)) problems.push(`${path}: shortcut hint "${hint}"`);
      }
      expect(problems, `${role} on a ${orientation.name} tablet`).toEqual([]);
    });
  }
}

/**
 * The board at the lobby PC (1920×1080) and on a guide's tablet, with seven customers of the spec's
 * own waiting (each with the comfort rounds a check-in plans): at 1920 px the waiting lane shows at
 * least six whole cards without scrolling and the comfort chip row says it scrolls (it fades out
 * on the right); on the tablet the lanes scroll in their own strip, and no comfort task's label is
 * cut ("送上杂…").
 */
test('the board is dense at 1920 px and readable on a tablet', async ({ newContext, request }) => {
  test.setTimeout(120_000);
  const desk = await signInAs(request, '陈晓雨');
  await emptyWaitingLane(request, desk);
  for (let index = 0; index < 7; index += 1) await walkInNow(request, desk, { name: `密度${'甲乙丙丁戊己庚'[index]}`, addressForm: `密女士${index + 1}` });

  const lobby = await (await newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  const desktop = new SignInPage(lobby);
  await desktop.open();
  await desktop.signIn('陈晓雨');
  await lobby.evaluate(() => (window.location.hash = '#/board'));
  const waitingLane = lobby.getByTestId('lane-waiting');
  await expect(waitingLane.getByTestId('lane-count')).toHaveText('7');
  await expect(waitingLane.getByTestId('comfort-task').first()).toBeVisible();
  const inView = await waitingLane.evaluate((lane) => {
    const body = lane.querySelector('[role=list]')?.parentElement;
    if (!body) return 0;
    const box = body.getBoundingClientRect();
    return Array.from(body.querySelectorAll('[data-testid=board-card]')).filter((card) => {
      const rect = card.getBoundingClientRect();
      return rect.top >= box.top - 0.5 && rect.bottom <= box.bottom + 0.5;
    }).length;
  });
  expect(inView, 'whole waiting cards in view at 1920×1080').toBeGreaterThanOrEqual(6);
  await expect(lobby.getByTestId('comfort-chips'), 'the comfort chips say there are more to the right').toHaveAttribute('data-more', 'true');

  const tablet = await (await newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true })).newPage();
  const guide = new SignInPage(tablet);
  await guide.open();
  await guide.signIn('赵敏');
  await tablet.evaluate(() => (window.location.hash = '#/board'));
  await expect(tablet.getByTestId('lane-waiting').getByTestId('comfort-label').first()).toBeVisible();
  expect(await horizontalOverflow(tablet), 'the page does not scroll sideways').toBe(0);
  const strip = await tablet.getByTestId('lane-waiting').evaluate((lane) => {
    const lanes = lane.parentElement!;
    return { scrolls: lanes.scrollWidth > lanes.clientWidth, overflowX: getComputedStyle(lanes).overflowX };
  });
  expect(strip, 'the lanes scroll sideways in their own strip').toEqual({ scrolls: true, overflowX: 'auto' });
  const cut = await tablet.getByTestId('comfort-label').evaluateAll((labels) =>
    labels.filter((label) => label.getBoundingClientRect().width > 0 && (label.scrollWidth > label.clientWidth + 1 || label.scrollHeight > label.clientHeight + 1)).map((label) => label.textContent),
  );
  expect(cut, 'comfort labels shown whole').toEqual([]);
});
