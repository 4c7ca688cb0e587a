// antd's stylesheet in two parts (scripts/antd-styles.mjs, renderer/ui/whole-styles.ts): the first
// screen paints with the first part alone; anything drawn later waits for the whole file, so no
// component is ever drawn without its rules. The whole file is held back here until the test
// releases it, which makes "waits for" something a test can see.
import type { APIRequestContext, Page, Route } from '@playwright/test';
import postcss from 'postcss';
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
 * (before anything could restyle it): what a person would see in its first frame. Also records
 * whether antd's whole stylesheet was in the page by then.
 */
async function recordFirstStyle(page: Page, selector: string, property: string) {
  await page.addInitScript(
    ([wanted, name]) => {
      const observer = new MutationObserver(() => {
        const element = document.querySelector(wanted);
        if (!element) return;
        observer.disconnect();
        (window as unknown as { firstStyle: string }).firstStyle = getComputedStyle(element).getPropertyValue(name);
        (window as unknown as { wholeSheetIn: boolean }).wholeSheetIn = document.querySelector<HTMLLinkElement>('link[data-antd-whole-sheet]')?.sheet instanceof CSSStyleSheet;
      });
      observer.observe(document, { childList: true, subtree: true });
    },
    [selector, property] as const,
  );
  return {
    firstStyle: () => page.evaluate(() => (window as unknown as { firstStyle?: string }).firstStyle ?? null),
    wholeSheetIn: () => page.evaluate(() => (window as unknown as { wholeSheetIn?: boolean }).wholeSheetIn ?? null),
  };
}

/**
 * Waits until the module at `url` (a script the page has fetched) has been evaluated in the page:
 * importing it again returns the same module, once it has run. From then on, a build whose later
 * parts did not wait for antd's whole stylesheet would draw them at the next render.
 */
const evaluated = (page: Page, url: string) => page.evaluate(async (href) => void (await import(href)), url);

/**
 * Opens the console at `hash` as a receptionist with antd's whole stylesheet held back, recording
 * `property` of the first `selector` to appear and waiting for the script named `script`.
 */
async function openHeld(page: Page, request: APIRequestContext, hash: string, watch: { selector: string; property: string; script: RegExp }) {
  const token = await signInAs(request, '陈晓雨');
  await page.addInitScript((value) => sessionStorage.setItem('frontdesk.token', value), token);
  const held = await holdWholeStylesheet(page);
  const first = await recordFirstStyle(page, watch.selector, watch.property);
  const script = page.waitForResponse(watch.script);
  await page.goto(`/#/${hash}`);
  return { held, first, script };
}

test('the board paints with antd’s first part alone; the walk-in dialog waits for the whole stylesheet and is drawn styled', async ({ page, request }) => {
  const { held, first, script: dialogScript } = await openHeld(page, request, 'board', { selector: '.ant-form-item', property: 'margin-bottom', script: /\/assets\/walk-in-[\w-]+\.js$/ });

  // The board is drawn, and styled (antd's buttons from the first part), while the whole file is held.
  const walkInButton = page.getByRole('button', { name: /现场顾客/ });
  await expect(walkInButton).toBeVisible();
  await expect(page.getByTestId('lane-count').first()).toBeVisible();
  expect(await walkInButton.evaluate((element) => getComputedStyle(element).cursor)).toBe('pointer');
  // Once the first frame is painted, the whole file and the dialog's script are both asked for.
  await expect.poll(held.asked).toBe(true);
  await evaluated(page, (await dialogScript).url());

  // F4 while the whole file is held: the dialog's code has run, yet the dialog waits, and says so.
  // (A build that did not wait would draw the dialog here, with no "Opening…".)
  await page.keyboard.press('F4');
  await expect(page.getByTestId('part-waiting')).toHaveText('正在打开…');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  held.release();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByTestId('part-waiting')).toHaveCount(0);
  // antd's form item spacing, which only the whole file has, was there in the dialog's first frame.
  expect(await first.firstStyle()).not.toBe('0px');
  expect(await first.firstStyle()).not.toBeNull();
  expect(await first.wholeSheetIn()).toBe(true);
  // Every antd rule back in its place: antd's first part, the whole file, then the console's own.
  expect((await stylesheetOrder(page)).slice(0, 3)).toEqual(['antd-first', 'antd-whole', 'console']);
});

test('a page that is not the board waits for the whole stylesheet: its table is never drawn without its rules', async ({ page, request }) => {
  // antd's table header background: transparent without the table's rules, which only the whole file has.
  const { held, first, script: pageScript } = await openHeld(page, request, 'today', { selector: '.ant-table-thead th', property: 'background-color', script: /\/assets\/today-page-[\w-]+\.js$/ });

  // The page's code has run; the page shows that it is loading, and waits for the stylesheet.
  await evaluated(page, (await pageScript).url());
  await expect.poll(held.asked).toBe(true);
  await expect(page.getByTestId('page-loading')).toBeVisible();
  await expect(page.getByTestId('today-table')).toHaveCount(0);

  held.release();
  await expect(page.getByTestId('today-table').locator('.ant-table-thead th').first()).toBeVisible();
  await expect(page.getByTestId('page-loading')).toHaveCount(0);
  // The table entered the page only with the whole stylesheet in it, and with its header's rules.
  expect(await first.wholeSheetIn()).toBe(true);
  expect(await first.firstStyle()).not.toBeNull();
  expect(await first.firstStyle()).not.toBe('rgba(0, 0, 0, 0)');
});

test('a part whose script cannot be fetched says so, leaves the console up, and can be dismissed', async ({ page, request, expectConsoleError }) => {
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

  // Alt+N: no centre, a message that says what to do, and the board, its header and its bell still there.
  await page.keyboard.press('Alt+n');
  const failed = page.getByTestId('part-failed');
  await expect(failed).toContainText('没能打开');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('lane-count').first()).toBeVisible();
  await expect(page.getByTestId('notification-bell')).toBeVisible();

  // Dismissed, it goes; asked for again while the network is still down, it says so again.
  await failed.getByRole('button', { name: '关闭' }).click();
  await expect(failed).toHaveCount(0);
  await page.keyboard.press('Alt+n');
  await expect(failed).toBeVisible();
  // The network back, Reload fetches it: Alt+N opens the centre.
  await page.unroute(centreScript);
  await failed.getByRole('button', { name: '重新加载' }).click();
  await expect(page.getByTestId('lane-count').first()).toBeVisible();
  await page.keyboard.press('Alt+n');
  await expect(page.getByRole('dialog')).toBeVisible();
});

test('the first part, as served, holds only the whole file’s rules, in the whole file’s order', async ({ request }) => {
  // The files the page is given, not the build function's output: what a browser cascades.
  const html = await (await request.get('/')).text();
  const link = /<link rel="stylesheet" href="\.\/(assets\/antd-first-[\w-]+\.css)" data-antd-whole="\.\/(assets\/antd-[\w-]+\.css)">/.exec(html);
  expect(link, 'index.html links antd’s first part and names the whole file').not.toBeNull();
  const [, firstPath, wholePath] = link!;
  // Each rule with its at-rule context and its declarations: a rule moved, changed or added would show.
  const rulesOf = (css: string) => {
    const rules: string[] = [];
    postcss.parse(css).walkRules((rule) => {
      const context: string[] = [];
      for (let parent = rule.parent; parent && parent.type === 'atrule'; parent = parent.parent) context.unshift(`@${(parent as postcss.AtRule).name} ${(parent as postcss.AtRule).params}`);
      rules.push(`${context.join(' ')} ${rule.selector} { ${rule.nodes.map((node) => node.toString()).join('; ')} }`);
    });
    return rules;
  };
  const first = rulesOf(await (await request.get(`/${firstPath}`)).text());
  const whole = rulesOf(await (await request.get(`/${wholePath}`)).text());
  expect(first.length).toBeGreaterThan(100);
  expect(first.length).toBeLessThan(whole.length);
  let at = 0;
  for (const rule of first) {
    at = whole.indexOf(rule, at);
    expect(at, rule).toBeGreaterThanOrEqual(0);
    at += 1;
  }
});
