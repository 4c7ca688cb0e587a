/**
 * The one `test` every spec imports. It gives each browser context two things:
 *
 * - **The server's moment.** Before a page loads, its clock is installed at the time the server's
 *   clock reads now (`/api/health`), and both run on at the same speed: a timer on a card and the
 *   server's "overdue" agree, at whatever moment the suite runs (FRONTDESK_TEST_NOW).
 * - **A clean console.** Any console error, page error or unhandled rejection fails the test after
 *   it ran, unless the test said it expects it (`expectConsoleError(/…/)`).
 *
 * Contexts a spec makes itself (two screens at once) come from `newContext()`, which does the same.
 *
 * - **Room for a booking now.** A clinic day's last minutes hold no booking (the shortest is five
 *   minutes, and a day's bookings end by midnight), yet many specs book "now". A test that would
 *   start in the clinic's last ten minutes of a day starts at the next day's first minute instead:
 *   the console's test clock moves on before any page's clock is installed, as the minutes would
 *   pass anyway (`FRONTDESK_TEST_NOW=…T23:58`, docs/testing.md). The Node tests still run at 23:58.
 */
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
// From the day's last ten minutes on, a test starts at the next day's first minute (see above).
import { workingMoment } from '../helpers/test-moment';

export { expect };

interface ConsoleWatch {
  problems: string[];
  expected: RegExp[];
}

/** The server's clock now, as the console itself learns it. */
export async function serverNow(baseURL: string): Promise<Date> {
  const response = await fetch(new URL('/api/health', baseURL));
  const body = (await response.json()) as { now?: string };
  if (!body.now) throw new Error(`${baseURL}/api/health did not say the server's time`);
  return new Date(body.now);
}

/** Moves the console's clock past midnight when a test would start in the day's last minutes. */
async function roomForABookingNow(baseURL: string): Promise<void> {
  const now = await serverNow(baseURL);
  // The demo clinic's zone (its setting); the suite never changes it.
  const working = workingMoment(now);
  if (working.getTime() === now.getTime()) return;
  const response = await fetch(new URL('/test/clock', baseURL), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to: working.toISOString() }) });
  if (!response.ok) throw new Error(`${baseURL} has no test clock (FRONTDESK_TEST_CLOCK=1) to move past the day's last minutes: ${String(response.status)}`);
}

/** Installs the server's moment and the console watch on a context. */
async function prepare(context: BrowserContext, baseURL: string, watch: ConsoleWatch): Promise<void> {
  await context.clock.install({ time: await serverNow(baseURL) });
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location();
    watch.problems.push(`console.error: ${message.text()}${where.url ? ` (${where.url}:${String(where.lineNumber)})` : ''}`);
  });
  // Uncaught exceptions and unhandled rejections of every page of the context.
  context.on('weberror', (error) => watch.problems.push(`page error: ${error.error().message}`));
}

interface Fixtures {
  /** Says this test expects a console error matching `pattern` (any number of times). */
  expectConsoleError: (pattern: RegExp) => void;
  /** A second browser profile (another screen: the lobby TV beside the desk), prepared like `context`. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  consoleWatch: ConsoleWatch;
  /** The console's clock moved past a day's last minutes, if the test would start in them. */
  roomForABooking: void;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  consoleWatch: async ({}, use) => {
    const watch: ConsoleWatch = { problems: [], expected: [] };
    await use(watch);
    const unexpected = watch.problems.filter((problem) => !watch.expected.some((pattern) => pattern.test(problem)));
    expect(unexpected, 'the browser console stays clean: no errors the test did not expect').toEqual([]);
  },
  expectConsoleError: async ({ consoleWatch }, use) => {
    await use((pattern) => consoleWatch.expected.push(pattern));
  },
  // Before the context's clock is installed: the page and the console then read the same moment.
  roomForABooking: [
    async ({ baseURL }, use) => {
      await roomForABookingNow(baseURL ?? '');
      await use();
    },
    { auto: true },
  ],
  context: async ({ context, baseURL, consoleWatch, roomForABooking: _room }, use) => {
    await prepare(context, baseURL ?? '', consoleWatch);
    await use(context);
  },
  newContext: async ({ browser, baseURL, consoleWatch, roomForABooking: _room }, use) => {
    const made: BrowserContext[] = [];
    await use(async (options) => {
      // As the suite's own context: less motion (playwright.config.ts), unless the test asks otherwise.
      const context = await (browser as Browser).newContext({ reducedMotion: 'reduce', ...options, baseURL: options?.baseURL ?? baseURL });
      made.push(context);
      await prepare(context, options?.baseURL ?? baseURL ?? '', consoleWatch);
      return context;
    });
    for (const context of made) await context.close();
  },
});
