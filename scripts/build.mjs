// Builds everything that runs: the renderer with Vite (dist/renderer), and the main process,
// preload and standalone server bundled with esbuild into single CommonJS files that run with
// plain `node` and with `electron`. better-sqlite3 (a native addon) and electron stay external.
import { build as esbuild } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { buildRenderer } from './first-screen-chunk.mjs';
import { addAntdStyles } from './antd-styles.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const only = process.argv.slice(2);
// FRONTDESK_DIST lets two checkouts' worth of work build side by side (default: dist).
const outdir = process.env.FRONTDESK_DIST ?? 'dist';
const wanted = (name) => only.length === 0 || only.includes(name);
const started = Date.now();

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: 'linked',
  external: ['electron', 'better-sqlite3'],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  legalComments: 'none',
  outExtension: { '.js': '.cjs' },
};

const entries = {
  server: { entryPoints: { server: 'electron/server/serve.ts' } },
  main: { entryPoints: { main: 'electron/shell/main.ts' } },
  preload: { entryPoints: { preload: 'electron/shell/preload.ts' }, external: ['electron'] },
  // Playwright drives the browser rows from node_modules (it is not bundleable).
  bench: { entryPoints: { bench: 'bench/run.ts' }, external: ['electron', 'better-sqlite3', '@playwright/test', 'playwright-core'] },
};

for (const [name, options] of Object.entries(entries)) {
  if (!wanted(name)) continue;
  await esbuild({ ...common, ...options, outdir });
}
// The integrity check's worker thread (electron/db/integrity-check.ts) is a file of its own,
// loaded beside whichever bundle opens the database.
if (['server', 'main', 'bench'].some(wanted)) {
  mkdirSync(outdir, { recursive: true });
  copyFileSync('electron/db/quick-check-worker.cjs', resolve(outdir, 'quick-check-worker.cjs'));
}

/**
 * Every text file of the renderer also as `.br` and `.gz` beside it, which `serve` sends to a
 * browser that accepts them (@fastify/static's preCompressed): ~1.8 MB of script and stylesheet
 * travel as ~0.5 MB to the lobby TV and the guides' tablets, and nothing is compressed per request.
 */
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(js|css|html|svg|json)$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const content = readFileSync(file);
    if (content.length < 1024) continue;
    writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 10, [zlib.BROTLI_PARAM_SIZE_HINT]: content.length } }));
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  }
}
/**
 * The early requests (renderer/client/early-calls.ts) as a classic script of their own, bundled
 * apart from Vite's chunks so that it waits for nothing else, and named by its content like every
 * asset (cached for good, never stale). It goes in index.html's head after the module scripts
 * (the parser has asked for them by then) and before the stylesheet, which a classic script would
 * otherwise wait for: it runs as soon as it arrives, before the stylesheet's parse and the
 * modules' evaluation take the main thread.
 */
async function addEarlyScript(rendererOut) {
  const built = await esbuild({ entryPoints: ['renderer/early/early.ts'], bundle: true, format: 'iife', platform: 'browser', target: 'es2022', minify: true, write: false, legalComments: 'none', logLevel: 'warning' });
  const code = built.outputFiles[0].contents;
  const name = `early-${createHash('sha256').update(code).digest('base64url').slice(0, 8)}.js`;
  writeFileSync(join(rendererOut, 'assets', name), code);
  const page = join(rendererOut, 'index.html');
  const html = readFileSync(page, 'utf8');
  const at = html.indexOf('<link rel="stylesheet"');
  if (at < 0 || html.indexOf('<script type="module"') > at) throw new Error('index.html should have its module script before its stylesheet');
  writeFileSync(page, `${html.slice(0, at)}<script src="./assets/${name}"></script>\n    ${html.slice(at)}`);
}
if (wanted('renderer')) {
  const rendererOut = resolve(outdir, 'renderer');
  const firstScreen = await buildRenderer(rendererOut);
  addAntdStyles(rendererOut, firstScreen);
  await addEarlyScript(rendererOut);
  precompress(rendererOut);
}
console.log(`built ${only.length ? only.join(', ') : 'everything'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
