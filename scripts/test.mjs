// `npm test`: everything a change must pass, in order, on a fresh machine.
//   1. the machine's own tools for browser and PDF tests: Debian's chromium, CJK fonts, poppler
//      (installed when missing and we are root; otherwise it says exactly what to install)
//   2. typecheck (each runtime), 3. lint (zero warnings), 4. build,
//   5. unit and integration tests (vitest, real SQLite), 6. end to end (Playwright in Chromium)
//      — then one closing line: "test: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const APT_PACKAGES = ['chromium', 'fonts-noto-cjk', 'poppler-utils'];
const started = Date.now();
const timings = [];

function run(label, command, args, env = {}) {
  const begin = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = (Date.now() - begin) / 1000;
  timings.push(`${label} ${seconds.toFixed(1)} s`);
  return result.status === 0;
}

function has(command, args = ['--version']) {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

function missingSystemPackages() {
  const missing = [];
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) missing.push('chromium');
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  if (fonts.status !== 0 || !/Noto Sans CJK|Noto Serif CJK/.test(fonts.stdout)) missing.push('fonts-noto-cjk');
  if (!has('pdftoppm', ['-v'])) missing.push('poppler-utils');
  return missing;
}

function ensureSystemPackages() {
  const missing = missingSystemPackages();
  if (missing.length === 0) return true;
  const command = `apt-get install -y ${APT_PACKAGES.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    console.error(`\nMissing for the browser and PDF tests: ${missing.join(', ')}.\nInstall them as root, then run npm test again:\n\n  sudo ${command}\n`);
    return false;
  }
  console.log(`\n▶ installing ${missing.join(', ')} (${command})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let ok = spawnSync('apt-get', ['install', '-y', ...APT_PACKAGES], { stdio: 'inherit', env }).status === 0;
  if (!ok) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    ok = spawnSync('apt-get', ['install', '-y', ...APT_PACKAGES], { stdio: 'inherit', env }).status === 0;
  }
  if (!ok || missingSystemPackages().length > 0) {
    console.error(`\nCould not install ${missing.join(', ')}. Run as root: ${command}`);
    return false;
  }
  return true;
}

function finish(passed, failed) {
  console.log(`\n${timings.join(' · ')} · total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`test: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

mkdirSync('.tmp', { recursive: true });
if (!ensureSystemPackages()) finish(0, 1);

const node = process.execPath;
if (!run('typecheck', node, ['scripts/typecheck.mjs'])) finish(0, 1);
if (!run('lint', node, ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', '.'])) finish(0, 1);
if (!run('build', node, ['scripts/build.mjs'])) finish(0, 1);

const unitOk = run('unit and integration (vitest)', node, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.tmp/vitest.json',
]);
const e2eOk = run('end to end (playwright)', node, ['node_modules/@playwright/test/cli.js', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: '.tmp/playwright.json',
});

// The benchmark's quick version, so it keeps working (the real run is `npm run bench`).
const benchOk = run('bench smoke', node, ['dist/bench.cjs', '--smoke', '--out', '.tmp/bench-smoke.json']);

let passed = 0;
let failed = 0;
try {
  const unit = JSON.parse(readFileSync('.tmp/vitest.json', 'utf8'));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
} catch {
  failed += unitOk ? 0 : 1;
}
try {
  const e2e = JSON.parse(readFileSync('.tmp/playwright.json', 'utf8'));
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + (e2e.stats.flaky ?? 0);
} catch {
  failed += e2eOk ? 0 : 1;
}
if (!benchOk) failed += 1;
if ((!unitOk || !e2eOk) && failed === 0) failed = 1;
finish(passed, failed);
