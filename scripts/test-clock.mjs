// `npm run test:clock`: the time-sensitive tests at every moment the suite must pass at.
//
// Each run sets FRONTDESK_TEST_NOW (the suite's one moment: docs/testing.md) and the machine's TZ,
// then runs the Node tests (vitest: every worker's Date and createTestCore's clock read the moment,
// the shell's main process starts at it) and the end-to-end suite (the server plays the demo day to
// the moment; every page's clock is installed at the server's). Builds once, into its own folder.
//
//   npm run test:clock                 every moment below
//   npm run test:clock -- --only e2e   one half (e2e | node)
//   npm run test:clock -- --moment 2026-12-31T23:58:00+08:00 --tz America/Los_Angeles
//
// Ends with one line: "test:clock: N passed, N failed" (runs, not tests). A failed end-to-end
// test's trace is kept in .tmp/test-clock-results/<moment>-<TZ>/ (each moment's folder its own).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/** The moments of issue 12: each with the clinic's zone, and two where the machine's zone is another. */
const MOMENTS = [
  { moment: '2026-11-30T00:01:00+08:00', tz: 'Asia/Shanghai', why: 'just after midnight, on a month’s last day' },
  { moment: '2026-12-06T07:55:00+08:00', tz: 'Asia/Shanghai', why: 'a Sunday, 07:55 before the clinic opens' },
  { moment: '2026-11-24T12:40:00+08:00', tz: 'Asia/Shanghai', why: '12:40, demo rounds falling due' },
  { moment: '2028-02-29T17:59:00+08:00', tz: 'Asia/Shanghai', why: '29 February of a leap year, 17:59 at closing' },
  { moment: '2026-12-31T23:58:00+08:00', tz: 'Asia/Shanghai', why: '31 December, 23:58' },
  { moment: '2026-11-24T10:30:00+08:00', tz: 'America/Los_Angeles', why: 'the default moment, machine in another zone' },
  { moment: '2026-12-31T23:58:00+08:00', tz: 'America/Los_Angeles', why: '31 December 23:58 in the clinic, still the 31st morning on the machine' },
];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    moment: { type: 'string' },
    tz: { type: 'string', default: 'Asia/Shanghai' },
  },
  strict: true,
});
if (values.only !== undefined && values.only !== 'e2e' && values.only !== 'node') throw new Error('--only takes e2e or node');
const runs = values.moment ? [{ moment: values.moment, tz: values.tz, why: 'asked for' }] : MOMENTS;

const node = process.execPath;
mkdirSync('.tmp', { recursive: true });
const dist = mkdtempSync(join('.tmp', 'test-clock-dist-'));
const results = [];

function run(label, args, env) {
  const begin = Date.now();
  const result = spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { label, ok: result.status === 0, seconds: (Date.now() - begin) / 1000 };
}

function count(file, read) {
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return '?';
  }
}

try {
  if (values.only !== 'node') {
    console.log('▶ build (once, for every moment)');
    if (!run('build', ['scripts/build.mjs'], { FRONTDESK_DIST: dist }).ok) process.exit(1);
  }
  for (const { moment, tz, why } of runs) {
    console.log(`\n━━ ${moment} (TZ=${tz}): ${why}`);
    const env = { FRONTDESK_TEST_NOW: moment, TZ: tz, FRONTDESK_DIST: dist, FRONTDESK_E2E_DATA: '' };
    if (values.only !== 'e2e') {
      const outcome = run('node', ['node_modules/vitest/vitest.mjs', 'run', '--reporter=dot', '--reporter=json', '--outputFile.json=.tmp/clock-vitest.json'], env);
      results.push({ moment, tz, ...outcome, tests: count('.tmp/clock-vitest.json', (report) => `${report.numPassedTests}/${report.numTotalTests}`) });
    }
    if (values.only !== 'node') {
      // A fresh data folder per moment: the demo day is played anew at each.
      const data = mkdtempSync(join('.tmp', 'test-clock-e2e-'));
      // Each moment's failures (trace, screenshot) in a folder of its own, kept after the run.
      const output = join('.tmp', 'test-clock-results', `${moment.replace(/[^0-9T]/g, '')}-${tz.replace('/', '-')}`);
      const outcome = run('e2e', ['node_modules/@playwright/test/cli.js', 'test', '--reporter=dot,json'], {
        ...env,
        FRONTDESK_E2E_DATA: data,
        FRONTDESK_E2E_OUTPUT: output,
        PLAYWRIGHT_JSON_OUTPUT_NAME: '.tmp/clock-playwright.json',
      });
      rmSync(data, { recursive: true, force: true });
      results.push({ moment, tz, ...outcome, tests: count('.tmp/clock-playwright.json', (report) => `${report.stats.expected}/${report.stats.expected + report.stats.unexpected + report.stats.flaky}`) });
    }
  }
} finally {
  rmSync(dist, { recursive: true, force: true });
}

console.log('\nmoment                     TZ                   part  tests     seconds  result');
for (const result of results) {
  console.log(
    `${result.moment.padEnd(26)} ${result.tz.padEnd(20)} ${result.label.padEnd(5)} ${String(result.tests).padEnd(9)} ${result.seconds.toFixed(0).padStart(7)}  ${result.ok ? 'passed' : 'FAILED'}`,
  );
}
const failed = results.filter((result) => !result.ok).length;
console.log(`test:clock: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
