/**
 * What `serve --demo` and the desktop's first-run demo do: seed the demo clinic for the clinic's
 * today (in its own time zone) and play the day up to now, or up to `--demo-at HH:MM`.
 */
import type { Kysely } from 'kysely';
import { clinicDateOf, clinicInstant, type ClinicDate } from '../../shared/domain/clinic-time';
import { readSettings } from '../db/repositories/settings';
import type { Database } from '../db/schema';
import { playDemoDay, type PlayResult } from './play-day';
import { seedDemoClinic, type DemoSeedResult } from './seed-demo';

export interface DemoStartOptions {
  /** The real time now. */
  now: Date;
  /** Play up to this clinic time today (`HH:MM`) instead of up to now. */
  at?: string | undefined;
  /** A busy day of about this many arrivals. */
  arrivals?: number | undefined;
}

export interface DemoStart {
  date: ClinicDate;
  /** The instant the day was played to: the time the console's clock should read now. */
  playedTo: Date;
  seeded: DemoSeedResult;
  played: PlayResult;
  /** One line for the log, in English. */
  summary: string;
}

/** `HH:MM`, 00:00–23:59. */
export function isClockTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/**
 * Seeds the demo clinic and plays its day. Safe to run at every start: the clinic is made once, a
 * day's bookings are added once, and a day with arrivals is not played again.
 *
 * @example const demo = await startDemoClinic(core.database.db, { now: new Date(), at: '10:30' }); clock.setTo(demo.playedTo);
 */
export async function startDemoClinic(db: Kysely<Database>, options: DemoStartOptions): Promise<DemoStart> {
  if (options.at !== undefined && !isClockTime(options.at)) throw new Error(`--demo-at takes a clinic time HH:MM, not "${options.at}"`);
  const { timeZone } = await readSettings(db);
  const date = clinicDateOf(options.now, timeZone);
  const playedTo = options.at === undefined ? options.now : clinicInstant(date, options.at, timeZone);
  const seeded = await seedDemoClinic(db, date, playedTo);
  const played = await playDemoDay(db, { date, until: playedTo, ...(options.arrivals !== undefined ? { arrivals: options.arrivals } : {}) });
  const lanes = Object.entries(played.byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${status} ${String(count)}`)
    .join(', ');
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(playedTo);
  const summary = played.played
    ? `Demo day ${date} played to ${time}: ${played.appointmentsAdded > 0 ? `${String(played.appointmentsAdded)} bookings added for a busy day, ` : ''}${String(played.arrivals)} arrivals${lanes ? ` (${lanes})` : ''}, ${String(played.noShows)} no-show${played.noShows === 1 ? '' : 's'}.`
    : played.reason === 'already-played'
      ? `Demo day ${date} already has ${String(played.arrivals)} arrivals: not played again.`
      : 'Not the demo clinic: the day is not played.';
  return { date, playedTo, seeded, played, summary };
}
