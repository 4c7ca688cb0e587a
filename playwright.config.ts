/**
 * End-to-end: the real renderer in Debian's Chromium against `serve --demo --now <the suite's moment>`
 * on a temporary data directory (a real SQLite file). `npm test` builds first; this only starts the
 * server. The server's clock and every page's clock (tests/e2e/fixtures.ts) read the same moment
 * and run on from it, whatever the machine's date, hour or time zone: docs/testing.md.
 */
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_NOW } from './tests/helpers/test-moment';

// Made once in the main process; workers inherit it through the environment.
process.env.FRONTDESK_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'frontdesk-e2e-'));
const port = Number(process.env.FRONTDESK_E2E_PORT ?? 5191);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Bounds, not timings: generous enough for a machine whose two cores are kept busy by others
  // (issue 12 asks the suite to pass so); a test that passes only on an idle machine is a defect.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: process.env.FRONTDESK_E2E_OUTPUT ?? 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1920, height: 1080 },
    // The machine asks for less motion, and the console honours it (use-reduced-motion.ts): antd's
    // lists and dialogs enter with a keyframe paused at 80 % scale, which Playwright takes for
    // "stable"; on a loaded machine the list then grew under the pointer between the measure and
    // the click, and the click picked nothing (ward-journey, docs/testing.md). reduced-motion.spec.ts
    // proves both settings.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    // The demo clinic's day played up to the suite's moment (FRONTDESK_TEST_NOW, by default a
    // Tuesday at 10:30 in the clinic); the server's clock reads that moment and runs on from it.
    // Specs create what they need through the API: what the demo holds differs from moment to moment.
    command: `node ${process.env.FRONTDESK_DIST ?? 'dist'}/server.cjs --demo --now ${TEST_NOW} --data ${process.env.FRONTDESK_E2E_DATA} --port ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
    // Every output checked against the whole contract, as in the Node tests (output-shape.ts).
    // The test clock (serve.ts): a spec may move the console to "the next morning" and back.
    env: { FRONTDESK_CHECK_OUTPUTS: 'full', FRONTDESK_TEST_CLOCK: '1' },
  },
});
