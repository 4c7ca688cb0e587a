/**
 * The target of the bad-input fuzzing: the real HTTP server in this process on a real SQLite
 * file with the demo clinic in it, a session of every role, a checksum of every table, and one
 * function that sends a case and says what was wrong with the answer (nothing, or a sentence).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { createCore, type ConsoleCore } from '../../electron/core/create-core';
import { manualClock, type Clock } from '../../electron/core/clock';
import { seedDemoClinic } from '../../electron/demo/seed-demo';
import { DEMO_PIN } from '../../electron/demo/demo-data';
import { createHttpServer } from '../../electron/server/http-server';
import type { MethodSpec } from '../../shared/contract/define';
import { findMethod } from '../../shared/contract/index';
import { clinicDateOf } from '../../shared/domain/clinic-time';
import { ROLES, type Role } from '../../shared/domain/roles';
import type { BadCase } from './bad-inputs';

/** How long an answer may take before it counts as a hang (a guard, not a timing assertion). */
export const HANG_MS = 10_000;
/** A stalled body is answered 408 after the request timeout, at Node's next look (a quarter of it). */
const STALL_HANG_MS = HANG_MS;

export interface Answer {
  status: number;
  /** The parsed JSON body, or the text when it is not JSON. */
  body: unknown;
  hung: boolean;
}

export interface Verdict {
  answer: Answer;
  /** Null when the answer is what the case expects; otherwise what was wrong. */
  problem: string | null;
  /** Whether a table changed on a refused call. */
  changed: boolean;
}

export interface FuzzServer {
  send(badCase: BadCase): Promise<Verdict>;
  /** The methods' calls that write on a refusal by design: a wrong PIN is counted (lockout). */
  close(): Promise<void>;
  errors: unknown[];
}

/** sha256 of every row of every table in sqlite_master, by a second (read-only) connection. */
function tableChecksum(reader: BetterSqlite3.Database): string {
  const hash = createHash('sha256');
  const tables = reader.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    const rows = reader.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw().all() as unknown[][];
    const lines = rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : typeof value === 'bigint' ? String(value) : value)));
    lines.sort();
    hash.update(`${name}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}

/** A refusal of these writes on purpose (seed rule: a wrong PIN counts towards the lockout). */
// A wrong PIN is counted; a stale save of a customer's card answers with the card as stored now,
// and every look at a card is audited (PIPL), refusal or not.
const WRITES_WHEN_REFUSED = new Set(['auth.signIn', 'customers.update']);

/** The fuzz server's request timeout: short, so a stalled body is answered within the test. */
const FUZZ_REQUEST_TIMEOUT_MS = 2_000;

export async function startFuzzServer(options: { now?: string } = {}): Promise<FuzzServer> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-fuzz-'));
  const file = join(dir, 'frontdesk.sqlite');
  const clock = manualClock(options.now ?? new Date().toISOString());
  const errors: unknown[] = [];
  const core: ConsoleCore = await createCore({ file, clock: clock as Clock, logError: (error) => errors.push(error) });
  await seedDemoClinic(core.database.db, clinicDateOf(clock.now(), 'Asia/Shanghai'), clock.now());
  const server: FastifyInstance = await createHttpServer({ core, version: 'fuzz', requestTimeoutMs: FUZZ_REQUEST_TIMEOUT_MS });
  const base = new URL(await server.listen({ port: 0, host: '127.0.0.1' }));
  const reader = new BetterSqlite3(file, { readonly: true });
  const dataVersion = reader.prepare('PRAGMA data_version').pluck();

  const post = (method: string, body: string | null, headers: Record<string, string>, slow?: BadCase['slowChunks'], stall = false) =>
    new Promise<Answer>((resolve) => {
      const length = stall && body !== null ? { 'content-length': String(Buffer.byteLength(body)) } : {};
      const request = httpRequest({ host: base.hostname, port: base.port, path: `/api/${encodeURIComponent(method)}`, method: 'POST', headers: { 'accept-language': 'en', ...headers, ...length } });
      const timer = setTimeout(() => {
        request.destroy();
        resolve({ status: 0, body: null, hung: true });
      }, stall ? STALL_HANG_MS : HANG_MS);
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Kept as text: the verdict says the answer was not JSON.
          }
          resolve({ status: response.statusCode ?? 0, body: parsed, hung: false });
        });
      });
      // The server may answer (413) and close before the whole body is sent.
      request.on('error', () => undefined);
      if (body === null) return void request.end();
      if (stall) return void request.write(body.slice(0, Math.floor(body.length / 2)));
      if (!slow) return void request.end(body);
      const size = Math.ceil(body.length / slow.count);
      let sent = 0;
      const next = () => {
        if (sent >= body.length) return void request.end();
        request.write(body.slice(sent, sent + size));
        sent += size;
        setTimeout(next, slow.gapMs);
      };
      next();
    });

  // A session of every role, by the sign-in list and the demo PIN.
  const staff = (await post('auth.staff', '{}', { 'content-type': 'application/json' })).body as { id: number; role: Role }[];
  const tokens = new Map<Role, string>();
  const signIn = async (role: Role) => {
    const member = staff.find((candidate) => candidate.role === role);
    if (!member) throw new Error(`the demo clinic has no ${role}`);
    const answer = await post('auth.signIn', JSON.stringify({ staffId: member.id, pin: DEMO_PIN }), { 'content-type': 'application/json' });
    tokens.set(role, (answer.body as { token: string }).token);
  };
  for (const role of ROLES) await signIn(role);

  const roleFor = (spec: MethodSpec, as: BadCase['as']): Role | null => {
    if (as === 'nobody' || spec.roles === 'public') return null;
    if (as === 'forbidden') return ROLES.find((role) => !(spec.roles as readonly Role[]).includes(role)) ?? null;
    return spec.roles.includes('manager') ? 'manager' : (spec.roles[0] as Role);
  };

  let checksum = tableChecksum(reader);
  let seenVersion = dataVersion.get() as number;

  async function send(badCase: BadCase): Promise<Verdict> {
    const spec = findMethod(badCase.method);
    const role = spec ? roleFor(spec, badCase.as) : 'manager';
    const headers = { ...badCase.headers, ...(role ? { authorization: `Bearer ${tokens.get(role) ?? ''}` } : {}) };
    const answer = await post(badCase.method, badCase.body, headers, badCase.slowChunks, badCase.stall);

    // A commit by anyone moves data_version; only then can a table differ (and is hashed again).
    const version = dataVersion.get() as number;
    let changed = false;
    if (version !== seenVersion) {
      seenVersion = version;
      const after = tableChecksum(reader);
      changed = after !== checksum;
      checksum = after;
    }
    // Signing out (or in) as a role ends or makes a session: the next case gets a fresh one.
    if (answer.status === 200 && badCase.method === 'auth.signOut' && role) await signIn(role);
    if (answer.status === 200 && badCase.method === 'auth.signOut') {
      seenVersion = dataVersion.get() as number;
      checksum = tableChecksum(reader);
    }
    return { answer, changed, problem: judge(badCase, answer, changed) };
  }

  return {
    send,
    errors,
    async close() {
      reader.close();
      await server.close();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function samePrefix(prefix: readonly (string | number)[], path: unknown): boolean {
  return Array.isArray(path) && prefix.every((segment, index) => path[index] === segment);
}

/** What is wrong with an answer to a case, or null. */
export function judge(badCase: BadCase, answer: Answer, changed: boolean): string | null {
  if (answer.hung) return `no answer within ${String(HANG_MS / 1000)} s`;
  if (answer.status >= 500 || answer.status < 200) return `answered ${String(answer.status)}`;
  const error = (answer.body as { error?: { code?: unknown; message?: unknown; path?: unknown } } | null)?.error;
  const refused = answer.status >= 400;
  // Node itself answers a stalled request (408) and closes; no route ran, so there is no JSON.
  if (badCase.stall) return answer.status === 408 && !changed ? null : `a stalled body answered ${String(answer.status)}`;
  if (refused && changed && !WRITES_WHEN_REFUSED.has(badCase.method)) return `refused with ${String(answer.status)} but a table changed`;
  if (refused && (!error || typeof error.code !== 'string' || typeof error.message !== 'string' || error.message === '')) {
    return `a ${String(answer.status)} without the error shape: ${JSON.stringify(answer.body).slice(0, 200)}`;
  }
  const expected = badCase.expect;
  if (expected.kind === 'any') return null;
  if (expected.kind === 'status') {
    if (answer.status !== expected.status || error?.code !== expected.code) {
      return `expected ${String(expected.status)} ${expected.code}, got ${String(answer.status)} ${JSON.stringify(answer.body).slice(0, 200)}`;
    }
    return null;
  }
  if (answer.status !== 400 || error?.code !== 'invalid') return `expected 400 invalid, got ${String(answer.status)} ${JSON.stringify(answer.body).slice(0, 200)}`;
  if (!samePrefix(expected.path, error.path)) {
    return `expected the error to name ${JSON.stringify(expected.path)}, it named ${JSON.stringify(error.path)} (${String(error.message)})`;
  }
  return null;
}
