/**
 * Issue 13, part 9: every page a guide, a consultant or a nurse can open works on a 768×1024 touch
 * tablet, upright and on its side: nothing makes the document scroll sideways, every button, link and
 * field is at least 44×44 px (WCAG 2.5.5; antd's sizes grow on coarse pointers), and no keyboard
 * shortcut is advertised to someone without a keyboard. The pages come from renderer/routes.tsx, so
 * a new page is walked the day it is added.
 */
import type { Role } from '../../shared/domain/roles';
import { freshCustomer, signInManager } from './api';
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
