/**
 * The suite's one moment. Every test that needs "now" — the Node tests' clocks, the end-to-end
 * server's clock and the demo day it plays, the browser pages' clocks — takes it from here, never
 * from the machine. `FRONTDESK_TEST_NOW=<ISO 8601 with offset>` moves the whole suite to another
 * moment (`npm run test:clock` runs the time-sensitive tests across several); docs/testing.md.
 */
import { parseMoment } from '../../electron/core/clock';

/** A Tuesday morning at the clinic (Asia/Shanghai): the demo day has cards in every lane. */
export const DEFAULT_TEST_NOW = '2026-11-24T10:30:00+08:00';

/** The moment as given (ISO 8601 with its offset). */
export const TEST_NOW: string = process.env.FRONTDESK_TEST_NOW?.trim() || DEFAULT_TEST_NOW;

/** The moment as an instant; throws at import when FRONTDESK_TEST_NOW is not a moment with an offset. */
export const TEST_NOW_INSTANT: Date = parseMoment(TEST_NOW, 'FRONTDESK_TEST_NOW');

/** The moment as UTC ISO, for clocks that take a string. */
export const TEST_NOW_ISO: string = TEST_NOW_INSTANT.toISOString();
