/**
 * The crash test (issue 19): the real server on one data directory, desks writing at once, a
 * SIGKILL at a random moment, a restart on the same data, and the check that every acknowledged
 * write survived whole and nothing half-done did. Rounds share the directory, so damage, if any,
 * accumulates. Seeded: a failing round is replayed with the seed it printed.
 */
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { mulberry32 } from '../../../electron/demo/seed-demo';
import { DATABASE_FILE } from '../../../electron/core/data-dir';
import { runDesks, type ClinicContext } from './clients';
import { emptyLedger, isOver, type Ledger } from './ledger';
import { callApi, startServer, type ServerProcess } from './server-process';
import { verifyDatabase } from './verify';

export interface CrashOptions {
  dataDir: string;
  /** The server's moment (ISO 8601 with its offset). */
  now: string;
  rounds: number;
  seed: number;
  desks?: number;
  /** The kill falls uniformly within this many milliseconds of the desks starting. */
  maxKillAfterMs?: number;
  log?: (line: string) => void;
}

export interface CrashSummary {
  rounds: number;
  acknowledged: number;
  /** Acknowledged writes found in place at the last check (each is checked after every restart). */
  verified: number;
  visits: number;
  /** Moves and completions left unanswered by a kill, resolved either way after restart. */
  inFlightAtKill: number;
  problems: string[];
  failedRound: number | null;
  elapsedMs: number;
}

async function clinicContext(base: string, token: string): Promise<ClinicContext> {
  const staff = await callApi<{ id: number; role: string }[]>(base, 'auth.staff', {});
  const doctor = staff.find((member) => member.role === 'doctor');
  if (!doctor) throw new Error('the demo clinic has no doctor');
  const me = await callApi<{ clinic: { today: string; settings: { timeZone: string } } }>(base, 'auth.me', {}, token);
  const health = (await (await fetch(`${base}/api/health`)).json()) as { now: string };
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: me.clinic.settings.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(health.now));
  // An hour ahead (the rounds run for minutes, and a time gone is refused: issue 13), five minutes
  // long so the booking ends the same day even late at night; checked in early, as a desk would.
  const minutes = Math.min(Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + 60, 23 * 60 + 54);
  const slot = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { base, token, doctorId: doctor.id, date: me.clinic.today, slot };
}

async function signInManager(base: string): Promise<string> {
  const staff = await callApi<{ id: number; name: string }[]>(base, 'auth.staff', {});
  const manager = staff.find((member) => member.name === '何芳');
  if (!manager) throw new Error('the demo clinic has no manager 何芳');
  return (await callApi<{ token: string }>(base, 'auth.signIn', { staffId: manager.id, pin: '1234' })).token;
}

/** After a restart, what an unanswered write turned out to be becomes what the ledger expects. */
function settleInFlight(ledger: Ledger, file: string): number {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  let settled = 0;
  try {
    const visit = db.prepare('select status, version from visits where id = ?');
    for (const record of ledger.visits.values()) {
      if (!record.pending) continue;
      const row = visit.get(record.visitId) as { status: typeof record.status; version: number } | undefined;
      if (row) {
        record.status = row.status;
        record.version = row.version;
      }
      record.pending = null;
      settled += 1;
    }
    const task = db.prepare('select done_at from comfort_tasks where id = ?').pluck();
    for (const id of ledger.comfortPending) {
      if (task.get(id)) ledger.comfortDone.add(id);
      settled += 1;
    }
    ledger.comfortPending.clear();
  } finally {
    db.close();
  }
  return settled;
}

/** The demo's visits end here: every visit after it was made through the API, audit row and all. */
function lastVisitId(file: string): number {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select coalesce(max(id), 0) from visits').pluck().get() as number;
  } finally {
    db.close();
  }
}

/** Keeps the ledger's work to the visits still moving: finished ones stay checked, never touched. */
function activeVisits(ledger: Ledger): number {
  return [...ledger.visits.values()].filter((visit) => !isOver(visit.status)).length;
}

export async function runCrashRounds(options: CrashOptions): Promise<CrashSummary> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const random = mulberry32(options.seed);
  const file = join(options.dataDir, DATABASE_FILE);
  const ledger = emptyLedger();
  const summary: CrashSummary = { rounds: 0, acknowledged: 0, verified: 0, visits: 0, inFlightAtKill: 0, problems: [], failedRound: null, elapsedMs: 0 };
  let server: ServerProcess | null = await startServer({ dataDir: options.dataDir, now: options.now });
  try {
    let token = await signInManager(server.base);
    ledger.acknowledged += 1;
    const demoVisits = lastVisitId(file);
    // The server's clock starts at the same moment at every start: the day, the slot and the doctor stay.
    const clinic = await clinicContext(server.base, token);
    for (let round = 1; round <= options.rounds; round += 1) {
      clinic.base = server.base;
      const killAfter = Math.floor(random() * (options.maxKillAfterMs ?? 400));
      const desks = runDesks({ clinic, ledger, desks: options.desks ?? 3, round, random });
      await new Promise((done) => setTimeout(done, killAfter));
      await server.kill();
      server = null;
      const unexpected = await desks;
      server = await startServer({ dataDir: options.dataDir, now: options.now });
      summary.inFlightAtKill += settleInFlight(ledger, file);
      const verification = verifyDatabase(file, ledger, demoVisits);
      summary.rounds = round;
      summary.verified = verification.verified;
      summary.visits = verification.visits;
      summary.acknowledged = ledger.acknowledged;
      if (unexpected) verification.problems.unshift(`an unexpected answer: ${unexpected.message}`);
      if (round % 10 === 0 || verification.problems.length > 0) {
        log(`round ${String(round)} (seed ${String(options.seed)}): killed after ${String(killAfter)} ms; ${String(ledger.acknowledged)} writes acknowledged, ${String(verification.verified)} verified; ${String(verification.visits)} visits, ${String(activeVisits(ledger))} still moving`);
      }
      if (verification.problems.length > 0) {
        summary.problems = verification.problems;
        summary.failedRound = round;
        break;
      }
      // The manager's session is an acknowledged write too: it must still open the door.
      try {
        await callApi(server.base, 'auth.me', {}, token);
      } catch (error) {
        summary.problems = [`round ${String(round)}: the acknowledged session no longer works: ${error instanceof Error ? error.message : String(error)}`];
        summary.failedRound = round;
        token = await signInManager(server.base);
        break;
      }
    }
  } finally {
    await server?.kill();
    summary.elapsedMs = performance.now() - started;
  }
  return summary;
}
