/**
 * The suite's one moment. Every test that needs "now" — the Node tests' clocks, the end-to-end
 * server's clock and the demo day it plays, the browser pages' clocks — takes it from here, never
 * from the machine. `FRONTDESK_TEST_NOW=<ISO 8601 with offset>` moves the whole suite to another
 * moment (`npm run test:clock` runs the time-sensitive tests across several); docs/testing.md.
 */
import { parseMoment } from '../../electron/core/clock';
import { addDays, clinicDateOf, clinicInstant, clinicTimeOf, DEFAULT_TIME_ZONE } from '../../shared/domain/clinic-time';

/** A Tuesday morning at the clinic (Asia/Shanghai): the demo day has cards in every lane. */
export const DEFAULT_TEST_NOW = '2026-11-24T10:30:00+08:00';

/** The moment as given (ISO 8601 with its offset). */
export const TEST_NOW: string = process.env.FRONTDESK_TEST_NOW?.trim() || DEFAULT_TEST_NOW;

/** The moment as an instant; throws at import when FRONTDESK_TEST_NOW is not a moment with an offset. */
export const TEST_NOW_INSTANT: Date = parseMoment(TEST_NOW, 'FRONTDESK_TEST_NOW');

/** The moment as UTC ISO, for clocks that take a string. */
export const TEST_NOW_ISO: string = TEST_NOW_INSTANT.toISOString();

/**
 * From this clinic time on, nothing more can be booked today: the shortest booking is 5 minutes, a
 * day's bookings end by midnight, and the server refuses a time already past (issue 13 part 4).
 */
export const DAY_TOO_LATE = '23:50';

/**
 * The moment a test that books "now" works at: the suite's moment, or — when that falls in the
 * clinic day's last ten minutes — the next day's first minute (00:00:05). The end-to-end fixture
 * moves the server's clock the same way (`roomForABooking`). For tests about the clinic's work,
 * not about midnight: `npm run test:clock` at 23:58 found three that could book nothing.
 */
export function workingMoment(moment: Date = TEST_NOW_INSTANT): Date {
  if (clinicTimeOf(moment, DEFAULT_TIME_ZONE) < DAY_TOO_LATE) return moment;
  return new Date(clinicInstant(addDays(clinicDateOf(moment, DEFAULT_TIME_ZONE), 1), '00:00', DEFAULT_TIME_ZONE).getTime() + 5_000);
}

/** `workingMoment()` as UTC ISO. */
export const WORKING_NOW_ISO: string = workingMoment().toISOString();
