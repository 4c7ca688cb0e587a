/**
 * `npm run bench [-- --smoke] [-- --out FILE] [-- --seed N] [-- --no-browser]`: measures the
 * console's calls on five years of a busy clinic against a floor taken in the same run (the same
 * SQL on raw better-sqlite3, or the layer below), prints a table and writes it as JSON.
 *
 * The clinic is generated once per seed and schema version and cached under `.tmp/bench/`; each
 * run works on a copy with "today" added (300 arrivals on the board, bookings to check in).
 * `--smoke` uses a tiny clinic and few repetitions and skips the browser, to keep the benchmark
 * working in CI. See docs/performance.md.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Caller } from '../electron/api/context';
import { systemClock } from '../electron/core/clock';
import { createDispatcher } from '../electron/api/dispatcher';
import { createHandlers } from '../electron/api/handlers/index';
import { createCore, createServices, type ConsoleCore } from '../electron/core/create-core';
import { createAuthService } from '../electron/services/auth-service';
import { DATABASE_FILE } from '../electron/core/data-dir';
import { createHttpServer } from '../electron/server/http-server';
import { createCustomerService } from '../electron/services/customer-service';
import { createVisitService } from '../electron/services/visit-service';
import { clinicDateOf } from '../shared/domain/clinic-time';
import { addBoardDay } from './board-day';
import { runBrowserRows } from './browser';
import { checkInFloor } from './check-in-floor';
import { runCrash } from './crash';
import { captureQueries, replay } from './floor';
import { ensureClinic, FULL_SIZES, SMOKE_SIZES } from './generate-clinic';
import { formatLoadReport, runLoad } from './load';
import { runFuzz } from './fuzz';
import { runReportRows } from './report-rows';
import { compare, formatTable, meansRow, sample, summarise, type Row } from './measure';
import { AUDIT_FILING_BATCH } from '../electron/db/repositories/audit';

const HELP = `Usage: npm run bench -- [options]

  --smoke         a tiny clinic, a few repetitions, no browser: seconds (CI runs this)
  --out FILE      where the JSON goes (default bench/results.json)
  --seed N        the generated clinic's seed (default 20261101); cached per seed in .tmp/bench/
  --runs N        repetitions per row (default 2000, smoke 40)
  --no-browser    skip the Chromium rows
  --browser       run the Chromium rows even with --smoke
  --only WHAT     only the rows of one part: node (database, services, dispatcher, HTTP) or browser
  --report        only the manager's report rows (a month and a year against their floor; issue 18);
                  writes bench/results-report.json unless --out says otherwise
  --load          many desks and event streams against one server instead (docs/performance.md):
                  --clients N (20), --duration SECONDS (60), --streams N (10), --think MS (25)
  --fuzz          bad inputs instead (issue 19): --runs per method (default 10000) over HTTP;
                  prints answers by status and any 5xx or hang with its input (bench/fuzz.ts)
  --crash         the crash test instead: SIGKILL the real server --runs times (default 1000)
                  while desks write, and during migrations (bench/crash.ts)
  --help          this text
`;

/** How long each side of a read's ratio row runs untimed first: the console's code is hot all day (bench/measure.ts). */
const READ_WARM_MS = 1000;

/** The search queries reception types, by kind: real collisions of common names. */
const SEARCHES = {
  'pinyin initials': ['wl', 'zjh', 'lj', 'cy', 'zw', 'hxy', 'zn', 'sk', 'wxy', 'lt'],
  'full pinyin': ['wangli', 'zhangjing', 'liuyang', 'chenjie', 'zengna', 'shanli', 'xiemin', 'ouyangna', 'huangting', 'liying'],
  characters: ['王丽', '张静', '李', '陈雅婷', '曾娜', '欧阳', '刘', '黄婷', '单', '王秀英'],
  'phone digits': ['138', '1381', '13912', '5678', '0519', '18823792514', '186', '2514', '15', '17727'],
} as const;

async function main() {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      out: { type: 'string' },
      seed: { type: 'string', default: '20261101' },
      runs: { type: 'string' },
      browser: { type: 'boolean' },
      'no-browser': { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
      load: { type: 'boolean', default: false },
      clients: { type: 'string', default: '20' },
      duration: { type: 'string', default: '60' },
      streams: { type: 'string', default: '10' },
      think: { type: 'string', default: '25' },
      fuzz: { type: 'boolean', default: false },
      crash: { type: 'boolean', default: false },
      report: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (values.load) return loadRun({ clients: values.clients, duration: values.duration, streams: values.streams, think: values.think });
  if (values.fuzz) return runFuzz({ runs: values.runs ? Number(values.runs) : 10_000, seed: Number(values.seed) });
  if (values.crash) return runCrash({ runs: values.runs === undefined ? undefined : Number(values.runs), seed: Number(values.seed) });
  const smoke = values.smoke;
  const runs = values.runs ? Number(values.runs) : smoke ? 40 : 2000;
  // The smoke run (CI) checks that the rows run, not their figures: no warm-up.
  const readWarmMs = smoke ? 0 : READ_WARM_MS;
  if (values.only !== undefined && values.only !== 'node' && values.only !== 'browser') throw new Error(`--only takes node or browser, not ${values.only}`);
  const reportOnly = values.report;
  const out = values.out ?? (reportOnly ? 'bench/results-report.json' : 'bench/results.json');
  const withNode = values.only !== 'browser' && !reportOnly;
  const withBrowser = reportOnly || values.only === 'node' || values['no-browser'] ? false : (values.browser ?? (!smoke || values.only === 'browser'));
  const seed = Number(values.seed);
  const sizes = smoke ? SMOKE_SIZES : FULL_SIZES;
  const log = (line: string) => console.log(`· ${line}`);

  // The clinic, from the cache or generated now; the run works on a copy.
  const cacheDir = resolve('.tmp/bench');
  const clinic = await ensureClinic(cacheDir, seed, sizes, log);
  const workDir = join(cacheDir, `run-${process.pid}`);
  mkdirSync(workDir, { recursive: true });
  const file = join(workDir, DATABASE_FILE);
  copyFileSync(clinic.file, file);
  const dbBytes = statSync(clinic.file).size;

  const rows: Row[] = [];
  // Each row is printed as it is taken, so a long run shows its progress.
  const push = rows.push.bind(rows);
  rows.push = (...added: Row[]) => {
    for (const row of added) log(`${row.name}: p50 ${row.p50.toFixed(3)} p95 ${row.p95.toFixed(3)}${row.ratio === null ? '' : ` ratio ${row.ratio.toFixed(2)}`} ${row.met === null ? '' : row.met ? 'met' : 'MISSED'}`);
    return push(...added);
  };
  let core: ConsoleCore | null = null;
  try {
    if (withNode) {
      // Opening and migrating an already migrated database at full size: what every start costs.
      const openings = await sample(async () => {
        const opened = await createCore({ file });
        await opened.close();
      }, smoke ? 3 : 7, 1);
      rows.push(summarise('open + migrate (already migrated)', openings, null, { maxP95: 200, text: 'p95 ≤ 200 ms' }));
      // The integrity check, which after a clean shutdown runs in a worker thread once the console is open.
      const checks = await sample(async () => {
        const opened = await createCore({ file });
        await opened.integrity.settled();
        await opened.close();
      }, smoke ? 3 : 5, 0);
      rows.push({ ...summarise('  quick_check in the background (after a clean shutdown)', checks, null, { text: '—' }), met: null });
    }

    const now = systemClock.now();
    const today = clinicDateOf(now, 'Asia/Shanghai');
    // The system's clock, moved a day on for the check-in rows (they take tomorrow's bookings).
    const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
    // As the running console has it: outputs checked by their shape (output-shape.ts).
    core = await createCore({ file, clock, outputChecks: 'shape' });
    // The background integrity check must not share the machine with the measurements.
    await core.integrity.settled();
    const { sqlite, db } = core.database;
    // Every check-in of the run takes its own booking: service, floor and dispatcher rows, warm-ups, the browser.
    // Today's board gets the few the browser checks in; the check-in rows take tomorrow's bookings
    // (with tomorrow's clock), so today's pages show a real day rather than two thousand bookings.
    const checkInRuns = smoke ? 20 : 400;
    const day = addBoardDay(sqlite, today, now, 300, 120, seed);
    const tomorrowNoon = new Date(now.getTime() + 86_400_000);
    const tomorrow = addBoardDay(sqlite, clinicDateOf(tomorrowNoon, 'Asia/Shanghai'), tomorrowNoon, 0, 4 * (checkInRuns + 80), seed + 1);
    const pool = (ids: number[]) => {
      const iterator = ids[Symbol.iterator]();
      return () => {
        const next = iterator.next();
        if (next.done) throw new Error('the bench ran out of bookings to check in');
        return next.value;
      };
    };
    const nextBooking = pool(day.bookedAppointmentIds);
    const nextTomorrow = pool(tomorrow.bookedAppointmentIds);
    const counts = Object.fromEntries(
      ['customers', 'appointments', 'visits', 'visit_events', 'comfort_tasks', 'audit_log'].map((table) => [table, (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n]),
    );
    log(`clinic: ${Object.entries(counts).map(([table, n]) => `${table} ${n}`).join(', ')}; ${(dbBytes / 2 ** 20).toFixed(0)} MiB`);

    const reception = sqlite.prepare("SELECT id FROM staff WHERE role = 'reception' AND active = 1 ORDER BY id").get() as { id: number };
    const signIn = await core.dispatcher.dispatch('auth.signIn', { staffId: reception.id, pin: '1234' }, { transport: 'internal', token: null, device: 'bench', language: 'en' });
    if (!signIn.ok) throw new Error(signIn.error.message);
    const token = (signIn.value as { token: string }).token;
    const caller: Caller = { transport: 'internal', token, device: 'bench', language: 'en' };
    const customers = createCustomerService();
    const visits = createVisitService();

    if (withNode) {
      // Customer search, one row per kind of query; each floor replays the SQL the service ran.
      for (const [kind, queries] of Object.entries(SEARCHES)) {
        const floors: (() => unknown[])[] = [];
        for (const query of queries) floors.push(replay(sqlite, await captureQueries(sqlite, (recording) => customers.search(recording, query))));
        let ours = 0;
        let floor = 0;
        rows.push(
          await compare(
            `customer search: ${kind}`,
            () => customers.search(db, queries[ours++ % queries.length]!),
            () => floors[floor++ % floors.length]!(),
            runs,
            { maxP95: 2, maxRatio: 1.3, text: 'p95 ≤ 2 ms; ≤ 1.3× floor' },
            { warmForMs: readWarmMs },
          ),
        );
      }

      // The board's snapshot of today's 300 arrivals.
      const boardFloor = replay(sqlite, await captureQueries(sqlite, (recording) => visits.board(recording, today, now)));
      const boardRuns = Math.ceil(runs / 2);
      rows.push(await compare('board snapshot (300 arrivals)', () => visits.board(db, today, systemClock.now()), boardFloor, boardRuns, { maxP95: 5, maxRatio: 1.3, text: 'p95 ≤ 5 ms; ≤ 1.3× floor' }, { warmForMs: readWarmMs }));

      // The dispatcher's own cost: validation in and out, the role check, the session lookup.
      let searchIndex = 0;
      rows.push(
        await compare(
          'dispatcher cost (customers.search)',
          () => core!.dispatcher.dispatch('customers.search', { query: SEARCHES['full pinyin'][searchIndex++ % 10]! }, caller),
          () => customers.search(db, SEARCHES['full pinyin'][searchIndex++ % 10]!),
          runs,
          { maxRatio: 1.3, text: '≤ 1.3× service' },
          { warmForMs: readWarmMs },
        ),
      );
      rows.push(
        await compare('dispatcher cost (visits.board)', () => core!.dispatcher.dispatch('visits.board', { date: today }, caller), () => visits.board(db, today, systemClock.now()), boardRuns, {
          maxRatio: 1.3,
          text: '≤ 1.3× service',
        }, { warmForMs: readWarmMs }),
      );
      // The same with every output check of the contract, as the tests run it: what the shape saves.
      const fullChecks = createDispatcher({
        db,
        handlers: createHandlers(createServices()),
        clock,
        events: core.events,
        resolveActor: (connection, value, at) => createAuthService().resolveActor(connection, value, at),
        outputChecks: 'full',
      });
      const full = await compare('  the same with every output check (tests)', () => fullChecks.dispatch('visits.board', { date: today }, caller), () => visits.board(db, today, systemClock.now()), boardRuns, { text: '—' }, { warmForMs: readWarmMs });
      rows.push({ ...full, met: null });

      // An HTTP round trip on loopback against the same call in-process.
      const server = await createHttpServer({ core, version: 'bench' });
      const base = await server.listen({ port: 0, host: '127.0.0.1' });
      const body = JSON.stringify({});
      // A keep-alive node:http client, as a browser holds its connection open; Node's fetch (undici)
      // adds about a millisecond of its own per call, shown on the line below for comparison.
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
      const post = (method: string) =>
        new Promise<void>((done, fail) => {
          const outgoing = request(`${base}/api/${method}`, { method: 'POST', agent, headers }, (response) => {
            response.resume();
            response.on('end', done);
          });
          outgoing.on('error', fail);
          outgoing.end(body);
        });
      rows.push(await compare('HTTP round trip (auth.me)', () => post('auth.me'), () => core!.dispatcher.dispatch('auth.me', {}, caller), runs, { maxP50: 1, text: 'p50 ≤ 1 ms' }, { warmForMs: readWarmMs }));
      const fetched = await compare(
        '  the same with fetch() as the client',
        async () => {
          const response = await fetch(`${base}/api/auth.me`, { method: 'POST', headers, body });
          await response.arrayBuffer();
        },
        () => core!.dispatcher.dispatch('auth.me', {}, caller),
        Math.ceil(runs / 4),
        { text: '—' },
        { warmForMs: readWarmMs },
      );
      rows.push({ ...fetched, met: null });
      agent.destroy();
      await server.close();
    }

    // The browser rows: the built console in Chromium against `serve` on this clinic.
    let browser: Awaited<ReturnType<typeof runBrowserRows>> | null = null;
    let browserError: string | null = null;
    if (withBrowser) {
      try {
        browser = await runBrowserRows({ dataDir: workDir, distDir: __dirname, staffId: reception.id, smoke, nextBooking, boardCards: 300, log });
        rows.push(...browser.rows);
      } catch (error) {
        // A broken browser row must not cost the rest of the table: it is reported as not measured.
        console.error(error);
        browserError = error instanceof Error ? error.message : String(error);
      }
    }

    if (withNode) {
      // Check-in: a write transaction with its event and comfort tasks, on tomorrow's bookings.
      clock.offsetMs = 86_400_000;
      const tomorrowNow = () => clock.now();
      const floorCheckIn = checkInFloor(sqlite, reception.id, tomorrow.date);
      rows.push(
        await compare(
          'check-in (write transaction)',
          () => db.transaction().execute((trx) => visits.checkIn(trx, { appointmentId: nextTomorrow() }, reception.id, tomorrowNow())),
          () => floorCheckIn(nextTomorrow(), tomorrowNow()),
          checkInRuns,
          { maxP95: 2, maxRatio: 1.5, text: 'p95 ≤ 2 ms; ≤ 1.5× floor' },
        ),
      );
      // A session of tomorrow, for the dispatcher's clock.
      const tomorrowSignIn = await core.dispatcher.dispatch('auth.signIn', { staffId: reception.id, pin: '1234' }, { transport: 'internal', token: null, device: 'bench', language: 'en' });
      if (!tomorrowSignIn.ok) throw new Error(tomorrowSignIn.error.message);
      const tomorrowCaller: Caller = { ...caller, token: (tomorrowSignIn.value as { token: string }).token };
      const dispatchedCheckIn = await compare(
        'dispatcher cost (visits.checkIn, with audit)',
        () => core!.dispatcher.dispatch('visits.checkIn', { appointmentId: nextTomorrow() }, tomorrowCaller),
        () => db.transaction().execute((trx) => visits.checkIn(trx, { appointmentId: nextTomorrow() }, reception.id, tomorrowNow())),
        checkInRuns,
        { maxRatio: 1.3, text: '≤ 1.3× service' },
      );
      // The audit rows are filed into their indexes once a batch (migration 027): the p50 does not
      // see that write, the mean of every call does.
      rows.push(dispatchedCheckIn, meansRow(dispatchedCheckIn, `  the same, means (an audit batch filed every ${String(AUDIT_FILING_BATCH)})`));
      clock.offsetMs = 0;
    }

    if (withNode || reportOnly) {
      // The manager's report (issue 18): a month and a year against the same aggregates by hand.
      rows.push(...(await runReportRows({ sqlite, db, now: clock.now(), smoke })));
    }

    console.log(`\n${formatTable(rows)}`);
    const rendererDir = join(__dirname, 'renderer');
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform, sqlite: (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v },
      smoke,
      runs,
      seed,
      sizes: { ...sizes, rows: counts, boardCards: 300 },
      generator: { cacheFile: clinic.file, generatedSeconds: clinic.generatedMs === null ? null : clinic.generatedMs / 1000 },
      databaseBytes: dbBytes,
      rendererGzipBytes: existsSync(rendererDir) ? gzipSizeOf(rendererDir) : null,
      serverPeakRssBytes: browser?.serverPeakRssBytes ?? null,
      browserError,
      rows,
    };
    console.log(`database ${(dbBytes / 2 ** 20).toFixed(1)} MiB; renderer ${report.rendererGzipBytes === null ? '—' : `${(report.rendererGzipBytes / 1024).toFixed(0)} KiB gzip`}; server peak RSS ${report.serverPeakRssBytes === null ? '—' : `${(report.serverPeakRssBytes / 2 ** 20).toFixed(0)} MiB`}`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(report, null, 2));
    console.log(`written to ${out}`);
  } finally {
    await core?.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The built renderer's scripts and styles, each gzipped, summed: what a tablet downloads. */
function gzipSizeOf(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(js|css|html)$/.test(entry.name)) continue;
    total += gzipSync(readFileSync(join(entry.parentPath, entry.name)), { level: 9 }).length;
  }
  return total;
}

/** `--load`: the table, and a non-zero exit when the run failed. */
async function loadRun(values: { clients: string; duration: string; streams: string; think: string }) {
  const duration = Number(values.duration);
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isInteger(Number(value)) || Number(value) < (name === 'streams' || name === 'think' ? 0 : 1)) throw new Error(`--${name} takes a whole number, not "${value}"`);
  }
  const report = await runLoad({
    serverFile: join(__dirname, 'server.cjs'),
    clients: Number(values.clients),
    durationSeconds: duration,
    streams: Number(values.streams),
    warmupSeconds: Math.min(10, duration / 6),
    thinkMs: Number(values.think),
    now: '2026-11-24T10:30:00+08:00',
  });
  console.log(formatLoadReport(report));
  if (report.failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
