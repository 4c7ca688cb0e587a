/**
 * The real server (`dist/server.cjs`) as a child process that a crash test can start, call over
 * HTTP and SIGKILL: no clean shutdown, no `finally`, exactly what a power cut or a killed
 * process leaves behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where the built server is; `node scripts/build.mjs server` makes it. */
export const SERVER_BUNDLE = resolve(process.env.FRONTDESK_DIST ?? 'dist', 'server.cjs');

export function serverBundleBuilt(): boolean {
  return existsSync(SERVER_BUNDLE);
}

export interface ServerProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` once ready. */
  base: string;
  /** Everything it printed so far (stdout and stderr), for a failure's message. */
  output(): string;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  /** The moment the server's clock starts at (ISO 8601 with its offset). */
  now: string;
  /** A hang guard, not a timing assertion: a start that takes longer fails the round. */
  readyWithinMs?: number;
}

/** Spawns the server (with the demo clinic, on a free port); resolves when it says where it listens. */
export function spawnServer(options: Pick<StartOptions, 'dataDir' | 'now'> & { demo?: boolean }): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const demo = options.demo === false ? [] : ['--demo'];
  const child = spawn(process.execPath, [SERVER_BUNDLE, ...demo, '--now', options.now, '--data', options.dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Node's compile cache: the 4 MB bundle starts in about half the time on a busy machine.
    env: { ...process.env, FRONTDESK_CHECK_OUTPUTS: 'full', NODE_COMPILE_CACHE: join(tmpdir(), 'frontdesk-crash-compile-cache') },
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

/** Kills a child with SIGKILL and waits until it is gone. */
export async function killHard(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await exited;
}

export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const { child, output, exited } = spawnServer(options);
  const base = await new Promise<string>((done, fail) => {
    const guard = setTimeout(() => fail(new Error(`the server did not start within ${String(options.readyWithinMs ?? 60_000)} ms:\n${output()}`)), options.readyWithinMs ?? 60_000);
    const look = () => {
      const found = /Open http:\/\/(?:localhost|127\.0\.0\.1):(\d+)/.exec(output());
      if (found) {
        clearTimeout(guard);
        child.stdout?.off('data', look);
        done(`http://127.0.0.1:${found[1] ?? ''}`);
      }
    };
    child.stdout?.on('data', look);
    void exited.then((code) => {
      clearTimeout(guard);
      fail(new Error(`the server exited (${String(code)}) before it was ready:\n${output()}`));
    });
  });
  return { child, base, output, kill: () => killHard(child, exited) };
}

/** An API error answer: its code, or `network` when no answer came (the server died). */
export class CallFailed extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    message: string,
  ) {
    super(`${method}: ${code}: ${message}`);
  }
}

/** Calls one method over HTTP; resolves only with an acknowledged (2xx) answer. */
export async function callApi<T>(base: string, method: string, input: unknown, token?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input),
    });
  } catch (error) {
    throw new CallFailed(method, 'network', error instanceof Error ? error.message : String(error));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    // The connection died mid-answer: not acknowledged.
    throw new CallFailed(method, 'network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } }).error;
    throw new CallFailed(method, error?.code ?? String(response.status), error?.message ?? '');
  }
  return body as T;
}
