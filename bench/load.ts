/**
 * `npm run bench -- --load [--clients N] [--duration S] [--streams N]`: a clinic's day at many desks
 * against one server — `dist/server.cjs` on a demo clinic at a fixed moment, N desks signed in as
 * different staff mixing reads and writes (load-desk.ts), M event streams open the whole time.
 *
 * It fails (the report's `failures`) on:
 * - **any failed call or ended stream**: desks never race for one card, so every non-2xx is the
 *   server's fault;
 * - **an unbounded WAL**: SQLite checkpoints on its own once the log passes `wal_autocheckpoint`
 *   (1,000 pages, 4 MiB at 4 KiB pages) and starts it again from the beginning when no reader still
 *   needs its frames. The file is never shrunk, so its size is a high-water mark: the threshold plus
 *   the transaction that crossed it. The bound is twice the threshold (8 MiB); a log past it means
 *   checkpoints could not restart it — a read transaction held open (a stream, a worker) — and it
 *   would grow with every write for as long as that reader stays. A log a quarter past the threshold
 *   must also have restarted at least once;
 * - **memory growth**: the server's RSS, the median of the last third of the samples after the
 *   warm-up against the median of the first third, may grow by at most 32 MiB or 25 % of the
 *   first, whichever is more. What may grow legitimately is bounded: SQLite's page cache holds at
 *   most the database, a few MiB on the demo clinic plus the run's writes, and V8 grows its heap to
 *   the allocation rate under load and swings by tens of MiB between major collections (medians of
 *   thirds smooth that sawtooth). At the ~10,000 calls a minute this 2-core machine serves, a minute
 *   catches a leak of ~10 KB a call (a board answer kept per read is ~100 KB); smaller leaks need a
 *   longer soak (`--duration 600`), whose printed slope shows them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, percentile } from './measure';
import { deskStaff, runDesk, type DeskPlan, type StaffMember } from './load-desk';
import { CallLog, LoadClient, openEventStream, type EventStream } from './load-http';
import { pageSizeOf, startLoadServer, watchServer } from './load-server';

export interface LoadOptions {
  serverFile: string;
  clients: number;
  durationSeconds: number;
  streams: number;
  /** Seconds at the start whose calls are not timed and whose memory is not the baseline. */
  warmupSeconds: number;
  /** Each desk waits up to twice this between calls (uniformly): 0 is a desk with no pause at all. */
  thinkMs: number;
  now: string;
  log?: (line: string) => void;
}

export interface MethodRow {
  method: string;
  calls: number;
  /** Calls after the warm-up that succeeded: what the percentiles are of. */
  timed: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  samples: string[];
}

export interface LoadReport {
  rows: MethodRow[];
  errors: number;
  streams: Array<{ events: number; pings: number; failure: string | null }>;
  wal: { maxBytes: number; boundBytes: number; thresholdBytes: number; resets: number; samples: number[] };
  database: { bytesAtStart: number; bytesAtEnd: number };
  rss: { startBytes: number; endBytes: number; peakBytes: number; firstThirdBytes: number; lastThirdBytes: number; allowedGrowthBytes: number; slopeMiBPerMinute: number };
  failures: string[];
}

const MiB = 1024 * 1024;
/** SQLite's default `wal_autocheckpoint`, which open-database.ts leaves as it is. */
const AUTOCHECKPOINT_PAGES = 1000;

/** Runs the load and returns what it saw; `failures` is empty when it passed. */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? ((line: string) => console.log(`· ${line}`));
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-load-'));
  const server = await startLoadServer(options.serverFile, dataDir, options.now);
  const calls = new CallLog();
  const clients: LoadClient[] = [];
  const streams: EventStream[] = [];
  try {
    log(`server ${String(server.pid)} at ${server.base}, data in ${dataDir}`);
    const anonymous = new LoadClient(server.base, new CallLog());
    const staff = await anonymous.call<StaffMember[]>('auth.staff', {});
    anonymous.close();
    const health = (await (await fetch(`${server.base}/api/health`)).json()) as { now: string };
    const clockReadAtMs = performance.now();
    const members = deskStaff(staff, options.clients);
    const staffDesks = members.filter((member) => member.role !== 'display').length;
    const checkInDesks = members.filter((member) => ['reception', 'guide', 'manager'].includes(member.role)).length;
    let cardShare = 0;
    let checkInShare = 0;
    const plans: DeskPlan[] = [];
    let timeZone = 'Asia/Shanghai';
    let today = '';
    for (const [index, member] of members.entries()) {
      const client = new LoadClient(server.base, calls);
      clients.push(client);
      client.token = (await client.call<{ token: string }>('auth.signIn', { staffId: member.id, pin: '1234' })).token;
      if (member.role !== 'display' && today === '') {
        // The zone is a setting: auth.me has no clinic.timeZone (read there, "now" was UTC and booked hours in the past).
        const me = await client.call<{ clinic: { today: string; settings: { timeZone: string } } }>('auth.me', {});
        today = me.clinic.today;
        timeZone = me.clinic.settings.timeZone;
      }
      plans.push({
        index,
        member,
        cardShare: member.role === 'display' ? null : cardShare++,
        staffDesks,
        checkInShare: ['reception', 'guide', 'manager'].includes(member.role) ? checkInShare++ : null,
        checkInDesks,
        doctors: staff.filter((each) => each.role === 'doctor').map((each) => each.id),
        serverNow: Date.parse(health.now),
        clockReadAtMs,
        timeZone,
        today,
      });
    }
    log(`${String(options.clients)} desks: ${members.map((member) => `${member.name} (${member.role})`).join(', ')}`);
    for (let index = 0; index < options.streams; index += 1) streams.push(openEventStream(server.base, clients[index % clients.length]?.token as string));
    await Promise.all(streams.map((stream) => stream.ready));
    log(`${String(options.streams)} event streams open; running for ${String(options.durationSeconds)} s`);

    const startMs = performance.now();
    calls.timedFrom = startMs + options.warmupSeconds * 1000;
    const watch = watchServer(server, startMs);
    const deadline = startMs + options.durationSeconds * 1000;
    const progress = setInterval(() => {
      const rss = watch.rssSamples.at(-1)?.bytes ?? 0;
      log(`${((performance.now() - startMs) / 1000).toFixed(0)} s: WAL max ${(watch.walMaxBytes / MiB).toFixed(2)} MiB, ${String(watch.walResets)} restarts, RSS ${(rss / MiB).toFixed(1)} MiB, ${String(calls.errorCount())} errors`);
    }, 10_000);
    await Promise.all(plans.map((plan, index) => runDesk(clients[index] as LoadClient, plan, deadline, options.thinkMs)));
    clearInterval(progress);
    watch.stop();

    const thresholdBytes = AUTOCHECKPOINT_PAGES * pageSizeOf(server.databaseFile);
    const report = summarise(calls, streams, watch, thresholdBytes, options.warmupSeconds * 1000);
    return report;
  } finally {
    for (const stream of streams) stream.close();
    for (const client of clients) client.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function summarise(calls: CallLog, streams: EventStream[], watch: ReturnType<typeof watchServer>, thresholdBytes: number, warmupMs: number): LoadReport {
  const rows: MethodRow[] = [...calls.methods.entries()]
    .map(([method, stats]) => {
      const sorted = [...stats.durations].sort((a, b) => a - b);
      return { method, calls: stats.calls, timed: sorted.length, errors: stats.errors, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), samples: stats.samples };
    })
    .sort((a, b) => a.method.localeCompare(b.method));
  const failures: string[] = [];
  const errors = calls.errorCount();
  if (errors > 0) failures.push(`${String(errors)} failed calls: ${rows.filter((row) => row.errors > 0).map((row) => `${row.method} ×${String(row.errors)} (${row.samples[0] ?? ''})`).join('; ')}`);
  for (const [index, stream] of streams.entries()) {
    if (stream.failure !== null) failures.push(`event stream ${String(index)} failed: ${stream.failure}`);
    else if (stream.events < 2) failures.push(`event stream ${String(index)} received no notice in the whole run`);
  }

  const boundBytes = 2 * thresholdBytes;
  if (watch.walMaxBytes > boundBytes) failures.push(`the WAL reached ${(watch.walMaxBytes / MiB).toFixed(2)} MiB, past its bound of ${(boundBytes / MiB).toFixed(0)} MiB: checkpoints did not restart it`);
  // A quarter past the threshold: the commit that crosses it checkpoints, the next write restarts
  // the log; a run that ends between the two is not a stuck log, one that writes on without a
  // restart is.
  if (watch.walMaxBytes > 1.25 * thresholdBytes && watch.walResets === 0) failures.push('the WAL grew past its checkpoint threshold and never restarted');

  const after = watch.rssSamples.filter((sample) => sample.atMs >= warmupMs);
  const third = Math.max(1, Math.floor(after.length / 3));
  const firstThirdBytes = median(after.slice(0, third).map((sample) => sample.bytes));
  const lastThirdBytes = median(after.slice(-third).map((sample) => sample.bytes));
  const allowedGrowthBytes = Math.max(32 * MiB, 0.25 * firstThirdBytes);
  if (after.length >= 6 && lastThirdBytes - firstThirdBytes > allowedGrowthBytes) {
    failures.push(`the server's memory grew by ${((lastThirdBytes - firstThirdBytes) / MiB).toFixed(1)} MiB (allowed ${(allowedGrowthBytes / MiB).toFixed(1)} MiB)`);
  }
  return {
    rows,
    errors,
    streams: streams.map((stream) => ({ events: stream.events, pings: stream.pings, failure: stream.failure })),
    wal: { maxBytes: watch.walMaxBytes, boundBytes, thresholdBytes, resets: watch.walResets, samples: watch.walSamples.map((sample) => sample.bytes) },
    database: { bytesAtStart: watch.databaseBytesAtStart, bytesAtEnd: watch.databaseBytesAtEnd },
    rss: {
      startBytes: after[0]?.bytes ?? 0,
      endBytes: after.at(-1)?.bytes ?? 0,
      peakBytes: Math.max(0, ...after.map((sample) => sample.bytes)),
      firstThirdBytes,
      lastThirdBytes,
      allowedGrowthBytes,
      slopeMiBPerMinute: slope(after.map((sample) => [sample.atMs / 60_000, sample.bytes / MiB])),
    },
    failures,
  };
}

/** The least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  if (points.length < 2) return 0;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const num = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const den = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** The report as the table `npm run bench -- --load` prints. */
export function formatLoadReport(report: LoadReport): string {
  const lines = ['| method | calls | timed | errors | p50 ms | p95 ms | p99 ms |', '|---|---:|---:|---:|---:|---:|---:|'];
  const ms = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(2));
  for (const row of report.rows) lines.push(`| ${row.method} | ${String(row.calls)} | ${String(row.timed)} | ${String(row.errors)} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} |`);
  const total = report.rows.reduce((sum, row) => sum + row.calls, 0);
  lines.push(`| all | ${String(total)} | | ${String(report.errors)} | | | |`, '');
  lines.push(`event streams: ${report.streams.map((stream) => `${String(stream.events)}${stream.failure ? ` (${stream.failure})` : ''}`).join(', ')} events each`);
  const { wal, rss, database } = report;
  lines.push(
    `WAL: max ${(wal.maxBytes / MiB).toFixed(2)} MiB (bound ${(wal.boundBytes / MiB).toFixed(0)} MiB = 2 × the ${(wal.thresholdBytes / MiB).toFixed(0)} MiB checkpoint threshold), restarted ${String(wal.resets)} times after checkpoints; database ${(database.bytesAtStart / MiB).toFixed(2)} → ${(database.bytesAtEnd / MiB).toFixed(2)} MiB`,
    `WAL size each second (MiB): ${wal.samples.map((bytes) => (bytes / MiB).toFixed(1)).join(' ')}`,
    `server RSS: ${(rss.startBytes / MiB).toFixed(1)} MiB after warm-up → ${(rss.endBytes / MiB).toFixed(1)} MiB at the end (peak ${(rss.peakBytes / MiB).toFixed(1)}); medians of the first and last thirds ${(rss.firstThirdBytes / MiB).toFixed(1)} → ${(rss.lastThirdBytes / MiB).toFixed(1)} MiB (allowed growth ${(rss.allowedGrowthBytes / MiB).toFixed(1)}); slope ${rss.slopeMiBPerMinute.toFixed(2)} MiB/min`,
    report.failures.length === 0 ? 'load: passed' : `load: FAILED\n${report.failures.map((failure) => `  - ${failure}`).join('\n')}`,
  );
  return lines.join('\n');
}
