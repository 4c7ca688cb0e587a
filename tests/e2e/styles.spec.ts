// antd's stylesheet in two parts (scripts/antd-styles.mjs, renderer/ui/whole-styles.ts): the first
// screen paints with the first part alone; anything drawn later waits for the whole file, so no
// component is ever drawn without its rules. The whole file is held back here until the test
// releases it, which makes "waits for" something a test can see.
import type { APIRequestContext, Page, Route } from '@playwright/test';
import { signInAs } from './api';
import { expect, test } from './fixtures';

/** Holds antd's whole stylesheet (not its first part) until `release` is called. */
async function holdWholeStylesheet(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/assets\/antd-(?!first-)[\w-]+\.css$/, async (route: Route) => {
    asked = true;
    await released;
    await route.continue();
  });
  return { release, asked: () => asked };
}

/** The page's stylesheets in document order: antd's first part, antd's whole file, the console's own (then any page's). */
const stylesheetOrder = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')].map((link) => {
      const name = new URL(link.href).pathname.split('/').pop() ?? '';
      return name.startsWith('antd-first-') ? 'antd-first' : name.startsWith('antd-') ? 'antd-whole' : name.startsWith('index-') ? 'console' : 'a page’s own';
    }),
  );

/**
 * Records one style of the first element matching `selector`, read the moment it enters the page
 * (before anything could restyle it): what a person would see in its first frame.
 */
async function recordFirstStyle(page: Page, selector: string, property: string) {
  await page.addInitScript(
    ([wanted, name]) => {
      const observer = new MutationObserver(() => {
        const element = document.querySelector(wanted);
        if (!element) return;
        observer.disconnect();
        (window as unknown as { firstStyle: string }).firstStyle = getComputedStyle(element).getPropertyValue(name);
      });
      observer.observe(document, { childList: true, subtree: true });
    },
    [selector, property] as const,
  );
  return () => page.evaluate(() => (window as unknown as { firstStyle?: string }).firstStyle ?? null);
}

/**
 * Twenty of the page's frames (a third of a second at 60 Hz). Nothing the test waits for happens
 * in them: they are the time a build that did not wait for the whole stylesheet would take to
 * draw what it should not, so that such a build fails here rather than only now and then.
 */
const twentyFrames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        let left = 20;
        const next = () => (--left === 0 ? resolve(null) : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
  );

/**
 * Opens the console at `hash` as a receptionist with antd's whole stylesheet held back, recording
 * `property` of the first `selector` to appear and waiting for the script named `script`.
 */
async function openHeld(page: Page, request: APIRequestContext, hash: string, watch: { selector: string; property: string; script: RegExp }) {
  const token = await signInAs(request, '陈晓雨');
  await page.addInitScript((value) => sessionStorage.setItem('frontdesk.token', value), token);
  const held = await holdWholeStylesheet(page);
  const firstStyle = await recordFirstStyle(page, watch.selector, watch.property);
  const script = page.waitForResponse(watch.script);
  await page.goto(`/#/${hash}`);
  return { held, firstStyle, script };
}

test('the board paints with antd’s first part alone; the walk-in dialog waits for the whole stylesheet and is drawn styled', async ({ page, request }) => {
  const { held, firstStyle: firstMargin, script: dialogScript } = await openHeld(page, request, 'board', { selector: '.ant-form-item', property: 'margin-bottom', script: /\/assets\/walk-in-[\w-]+\.js$/ });

  // The board is drawn, and styled (antd's buttons from the first part), while the whole file is held.
  const walkInButton = page.getByRole('button', { name: /现场顾客/ });
  await expect(walkInButton).toBeVisible();
  await expect(page.getByTestId('lane-count').first()).toBeVisible();
  expect(await walkInButton.evaluate((element) => getComputedStyle(element).cursor)).toBe('pointer');
  // Once the first frame is painted, the whole file and the dialog's script are both asked for.
  await expect.poll(held.asked).toBe(true);
  await dialogScript;

  // F4 while the whole file is held: the dialog's script is here, but the dialog is not drawn.
  await page.keyboard.press('F4');
  await twentyFrames(page);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  held.release();
  await expect(page.getByRole('dialog')).toBeVisible();
  // antd's form item spacing, which only the whole file has, was there in the dialog's first frame.
  expect(await firstMargin()).not.toBe('0px');
  expect(await firstMargin()).not.toBeNull();
  // Every antd rule back in its place: antd's first part, the whole file, then the console's own.
  expect((await stylesheetOrder(page)).slice(0, 3)).toEqual(['antd-first', 'antd-whole', 'console']);
});

test('a page that is not the board waits for the whole stylesheet: its table is never drawn without its rules', async ({ page, request }) => {
  // antd's table header background: transparent without the table's rules, which only the whole file has.
  const { held, firstStyle: firstBackground, script: pageScript } = await openHeld(page, request, 'today', { selector: '.ant-table-thead th', property: 'background-color', script: /\/assets\/today-page-[\w-]+\.js$/ });

  // The page's script is here; the page waits for the stylesheet it asked for.
  await pageScript;
  await expect.poll(held.asked).toBe(true);
  await twentyFrames(page);
  await expect(page.getByTestId('today-table')).toHaveCount(0);

  held.release();
  await expect(page.getByTestId('today-table').locator('.ant-table-thead th').first()).toBeVisible();
  expect(await firstBackground()).not.toBeNull();
  expect(await firstBackground()).not.toBe('rgba(0, 0, 0, 0)');
});

test('a part whose script cannot be fetched draws nothing and leaves the console up', async ({ page, request, expectConsoleError }) => {
  // The LAN dropping just as the notification centre's script is fetched.
  expectConsoleError(/notification-centre|dynamically imported module|Failed to fetch|ERR_INTERNET_DISCONNECTED/i);
  const token = await signInAs(request, '陈晓雨');
  await page.addInitScript((value) => sessionStorage.setItem('frontdesk.token', value), token);
  const centreScript = /\/assets\/notification-centre-[\w-]+\.js$/;
  await page.route(centreScript, (route) => route.abort('internetdisconnected'));
  const asked = page.waitForRequest(centreScript);
  await page.goto('/#/board');
  await expect(page.getByTestId('lane-count').first()).toBeVisible();
  // Fetched (and failed) after the first frame, as every later part is.
  await asked;

  // Alt+N: no centre, and the board, its header and its bell are all still there.
  await page.keyboard.press('Alt+n');
  await twentyFrames(page);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('lane-count').first()).toBeVisible();
  await expect(page.getByTestId('notification-bell')).toBeVisible();
});
