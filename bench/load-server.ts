/**
 * The server under load (`npm run bench -- --load`): `dist/server.cjs` as a child process on a demo
 * clinic at a fixed moment, and what is watched from outside it without touching its database — the
 * write-ahead log's size and header, and the process's resident memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../electron/core/data-dir';

export interface LoadServer {
  pid: number;
  base: string;
  databaseFile: string;
  /** Ends the server with SIGTERM (its clean shutdown) and waits for it. */
  stop(): Promise<void>;
}

/**
 * Starts `serverFile` on an empty `dataDir` with `--demo --now <now>` on a free port, and resolves
 * once it says where it listens. The scheduler ticks every 5 s instead of 30 s so that a minute's
 * run also carries its notification writes.
 */
export function startLoadServer(serverFile: string, dataDir: string, now: string): Promise<LoadServer> {
  const child = spawn(process.execPath, [serverFile, '--demo', '--now', now, '--data', dataDir, '--port', '0'], {
    env: { ...process.env, FRONTDESK_SCHEDULER_INTERVAL_MS: '5000', FRONTDESK_CHECK_OUTPUTS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const failed = (why: string) => {
      child.kill('SIGKILL');
      reject(new Error(`${why}\n${output}`));
    };
    const timer = setTimeout(() => failed('the server did not start within 120 s'), 120_000);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/[^\s]+) in a browser/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', listen);
      resolve({
        pid: child.pid as number,
        base: match[1].replace('localhost', '127.0.0.1').replace(/\/$/, ''),
        databaseFile: join(dataDir, DATABASE_FILE),
        stop: () => stopChild(child),
      });
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      failed(`the server exited with ${String(code)} before listening`);
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The resident set size of a process in bytes, from /proc (Linux), or null where there is none. */
export function residentBytes(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export interface WalReading {
  bytes: number;
  /**
   * The WAL header's salt-1 (bytes 16–19): SQLite changes it each time the log restarts from its
   * beginning, which it does only after a checkpoint copied every frame back into the database and
   * no reader still needed them. A new salt is a completed checkpoint.
   */
  salt: number | null;
}

/** The WAL file's size and header salt, read from outside (no connection, no lock). */
export function readWal(databaseFile: string): WalReading {
  const file = `${databaseFile}-wal`;
  if (!existsSync(file)) return { bytes: 0, salt: null };
  const bytes = statSync(file).size;
  if (bytes < 32) return { bytes, salt: null };
  const header = Buffer.alloc(32);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 32, 0);
  } finally {
    closeSync(fd);
  }
  return { bytes, salt: header.readUInt32BE(16) };
}

/** The database's page size, from its file header (bytes 16–17; 1 means 65536). */
export function pageSizeOf(databaseFile: string): number {
  const header = Buffer.alloc(18);
  const fd = openSync(databaseFile, 'r');
  try {
    readSync(fd, header, 0, 18, 0);
  } finally {
    closeSync(fd);
  }
  const size = header.readUInt16BE(16);
  return size === 1 ? 65536 : size;
}

export interface Watch {
  walMaxBytes: number;
  walResets: number;
  walSamples: Array<{ atMs: number; bytes: number }>;
  rssSamples: Array<{ atMs: number; bytes: number }>;
  databaseBytesAtStart: number;
  databaseBytesAtEnd: number;
  stop(): void;
}

/** Samples the WAL every 100 ms and the server's RSS every second from `startMs` (performance.now()). */
export function watchServer(server: LoadServer, startMs: number): Watch {
  const watch: Watch = {
    walMaxBytes: 0,
    walResets: 0,
    walSamples: [],
    rssSamples: [],
    databaseBytesAtStart: statSync(server.databaseFile).size,
    databaseBytesAtEnd: 0,
    stop: () => {
      clearInterval(walTimer);
      clearInterval(rssTimer);
      watch.databaseBytesAtEnd = statSync(server.databaseFile).size;
    },
  };
  let lastSalt: number | null = readWal(server.databaseFile).salt;
  const readWalNow = () => {
    const reading = readWal(server.databaseFile);
    watch.walMaxBytes = Math.max(watch.walMaxBytes, reading.bytes);
    if (reading.salt !== null && lastSalt !== null && reading.salt !== lastSalt) watch.walResets += 1;
    if (reading.salt !== null) lastSalt = reading.salt;
    return reading;
  };
  readWalNow();
  let walTick = 0;
  const walTimer = setInterval(() => {
    const reading = readWalNow();
    // Every sample counts for the maximum and the resets; one a second is kept for the report.
    if (walTick++ % 10 === 0) watch.walSamples.push({ atMs: performance.now() - startMs, bytes: reading.bytes });
  }, 100);
  const readRss = () => {
    const bytes = residentBytes(server.pid);
    if (bytes !== null) watch.rssSamples.push({ atMs: performance.now() - startMs, bytes });
  };
  readRss();
  const rssTimer = setInterval(readRss, 1000);
  return watch;
}
