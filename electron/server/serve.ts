/**
 * `npm run serve`: the browser mode. The same core as the desktop app behind the HTTP server,
 * serving the built renderer to this PC's browser, and to tablets and the lobby TV when `--host`
 * opens it to the LAN.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startingClock } from '../core/clock';
import { createCore, outputChecksOf } from '../core/create-core';
import { DATABASE_FILE, defaultDataDir } from '../core/data-dir';
import { startNotifications } from '../core/start-notifications';
import { startDailyBackup } from '../core/daily-backup';
import { startPrivacyMaintenance } from '../core/privacy-maintenance';
import { recordRestore, restoreDatabase } from '../core/restore-database';
import { startDemoClinic } from '../demo/start-demo';
import { createHttpServer } from './http-server';
import { lanAddresses } from '../api/handlers/devices';
import { recordLanAccessOn, startDeskPairing } from './desk-pairing';

declare const __APP_VERSION__: string;

const HELP = `Usage: npm run serve -- [options]

  --data DIR      where the database lives (default: ${defaultDataDir()})
  --port N        port to listen on (default 5170; 0 picks a free one)
  --host ADDR     address to bind (default 127.0.0.1; --lan binds 0.0.0.0)
  --lan           LAN access on (also when the clinic's "LAN access" setting is on): tablets
                  and the lobby TV reach the console over the clinic network, each paired with
                  a code first; every API call, this PC's own browser included, then needs a
                  paired device. A one-time code for this PC's browser is printed at start.
                  The port is --port, or the setting "LAN port" when --port is not given.
  --demo          fill an empty database with the demo clinic (every PIN is 1234) and play
                  today up to now: arrivals checked in, waiting, called, seen, done, a no-show
  --demo-at HH:MM play the demo day up to this clinic time instead; the console's clock then
                  reads that time and runs on from it (training, screenshots)
  --now MOMENT    the console's clock reads this moment at start and runs on from it, e.g.
                  2026-11-24T10:30:00+08:00 (ISO 8601 with its offset); with --demo the day of
                  that moment is played up to it. The test suite runs at one such moment.
  --demo-arrivals N
                  a busy demo day of about N arrivals (e.g. 300), on a day not played yet
  --restore FILE  before starting, restore the database from this backup (e.g. one in the data
                  folder's backups/): the file is checked first, the current database is backed
                  up, then replaced; a file that is not a sound backup is refused, nothing changed
  --help          this text
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      lan: { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
      'demo-at': { type: 'string' },
      now: { type: 'string' },
      'demo-arrivals': { type: 'string' },
      restore: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const chosenPort = values.port === undefined ? null : Number(values.port);
  if (chosenPort !== null && (!Number.isInteger(chosenPort) || chosenPort < 0 || chosenPort > 65535)) throw new Error(`--port must be a port number, not "${String(values.port)}"`);

  const dataDir = values.data ?? defaultDataDir();
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE);
  const demoAt = values['demo-at'];
  const arrivals = values['demo-arrivals'] === undefined ? undefined : Number(values['demo-arrivals']);
  if (arrivals !== undefined && (!Number.isInteger(arrivals) || arrivals < 1 || arrivals > 2000)) {
    throw new Error(`--demo-arrivals takes a number of arrivals from 1 to 2000, not "${String(values['demo-arrivals'])}"`);
  }
  // With --now or --demo-at the whole core (board timers, scheduler, sessions) lives at that clinic
  // time; without either the clock reads the real time (an offset of zero).
  const clock = startingClock(values.now);
  const restored = values.restore === undefined ? null : await restoreDatabase({ file, chosen: values.restore, clock });
  if (restored) {
    console.log(`Restored ${restored.restoredFrom} (schema ${String(restored.schemaVersion)}).`);
    if (restored.savedAs) console.log(`The database as it was is backed up as ${restored.savedAs}.`);
    else if (restored.savedRaw.length > 0) console.log(`The database as it was could not be backed up; its files were kept as ${restored.savedRaw.join(', ')}.`);
  }
  const core = await createCore({ file, clock, outputChecks: outputChecksOf(process.env), backupPace: backupPaceOf(process.env) });
  console.log(`FrontDesk ${__APP_VERSION__} — data: ${file} (schema ${core.schemaVersion})`);
  if (restored) await recordRestore(core, restored, 'serve');

  if (values.demo || demoAt !== undefined || arrivals !== undefined) {
    const demo = await startDemoClinic(core.database.db, { now: clock.now(), at: demoAt, arrivals });
    clock.setTo(demo.playedTo);
    const { seeded, date } = demo;
    console.log(
      seeded.createdClinic
        ? `Demo clinic created with ${seeded.appointmentsAdded} appointments on ${date}. Every PIN is 1234.`
        : `Demo clinic: ${seeded.appointmentsAdded} appointments added for ${date}. Every PIN is 1234.`,
    );
    console.log(demo.summary);
  }

  // The day's first start backs up in the background a few minutes later (issue 19): the console
  // opens meanwhile, and its first loads do not compete with the copy.
  const stopBackup = startDailyBackup(core);
  // Legal holds that have ended, and logs past their retention (issue 20).
  const stopPrivacy = startPrivacyMaintenance(core);

  // The scheduler raises notifications (issue 5, item 6) once the demo, if any, is in place.
  const notifications = startNotifications(core);
  // LAN access (issue 15): `--lan`, or the clinic's setting, at start.
  const settings = await core.readSettings();
  const lan = values.lan || settings.lanAccess;
  const host = values.host ?? (lan ? '0.0.0.0' : '127.0.0.1');
  const port = chosenPort ?? (lan ? settings.lanPort : 5170);
  const server = await createHttpServer({ core, version: __APP_VERSION__, rendererDir: join(__dirname, 'renderer'), lan });
  // The end-to-end suite only (FRONTDESK_TEST_CLOCK=1, never with LAN access): a spec moves the
  // console's clock to "the next morning" and back (tests/e2e/api.ts `moveServerClock`).
  if (process.env.FRONTDESK_TEST_CLOCK === '1' && !lan) {
    server.post<{ Body: { to?: unknown } }>('/test/clock', async (request, reply) => {
      const to = typeof request.body?.to === 'string' ? new Date(request.body.to) : null;
      if (!to || Number.isNaN(to.getTime())) return reply.status(400).send({ error: 'to: an ISO instant' });
      clock.setTo(to);
      return { now: clock.now().toISOString() };
    });
    console.log('Test clock: POST /test/clock {"to": "<ISO instant>"} moves the console\'s clock.');
  }
  const address = await server.listen({ port, host });
  const listening = Number(new URL(address).port);
  if (lan) {
    await recordLanAccessOn(core, listening);
    for (const url of lanAddresses(listening)) console.log(`LAN access is on: tablets and the lobby TV open ${url}`);
    // Loopback is not trusted by itself on a network: this PC's browser pairs too, with a code
    // only whoever can read this terminal sees.
    const code = await startDeskPairing(core);
    console.log(`This PC's browser: open http://localhost:${String(listening)}/ and type the pairing code ${code.code} (valid 5 minutes, once).`);
  } else {
    console.log(`Open ${address.replace('127.0.0.1', 'localhost')} in a browser.`);
    console.log('Only this PC can connect; pass --lan (or turn on LAN access in settings) to let tablets and the lobby TV in.');
  }
  // A change of the LAN setting takes effect at the next start of `npm run serve`.
  const unwatch = core.events.subscribe((notice) => {
    if (notice.name === 'settings.changed' && (notice.payload as { keys: string[] }).keys.some((key) => key === 'lanAccess' || key === 'lanPort')) {
      console.log('LAN access settings changed: restart npm run serve to apply them.');
    }
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: closing…`);
    notifications.stop();
    stopBackup();
    stopPrivacy();
    unwatch();
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * How fast a backup copies: the SIGKILL test (tests/node/backup-kill.test.ts) slows it down with
 * `FRONTDESK_BACKUP_PAUSE_MS` (a pause after each step) and `FRONTDESK_BACKUP_PAGES_PER_STEP`, so it
 * can kill the server while a copy is under way. Unset, a backup runs at full speed.
 */
function backupPaceOf(env: NodeJS.ProcessEnv): { pagesPerStep?: number; pauseMs?: number } {
  const pace: { pagesPerStep?: number; pauseMs?: number } = {};
  const pages = Number(env.FRONTDESK_BACKUP_PAGES_PER_STEP);
  const pause = Number(env.FRONTDESK_BACKUP_PAUSE_MS);
  if (Number.isInteger(pages) && pages >= 1) pace.pagesPerStep = pages;
  if (Number.isInteger(pause) && pause >= 1 && pause <= 1000) pace.pauseMs = pause;
  return pace;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
