/**
 * The short form of `npm run bench -- --load` (bench/load.ts): five desks (reception, the manager,
 * the lobby TV, a guide, a second reception) and three event streams against the built server
 * for five seconds. Every call must succeed, every stream must stay open and hear the notices, and
 * the write-ahead log must stay within its bound while the streams are open. Latencies are printed
 * by the full form, never asserted here.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatLoadReport, runLoad } from '../../bench/load';
import { WORKING_NOW_ISO } from '../helpers/test-moment';

// The build `npm test` made, or test:clock's own (FRONTDESK_DIST), as the end-to-end server uses.
const serverFile = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', process.env.FRONTDESK_DIST ?? 'dist', 'server.cjs');
const built = existsSync(serverFile);
if (!built) console.warn(`load-smoke: skipped, ${serverFile} is missing (run \`node scripts/build.mjs\` first; \`npm test\` builds it)`);

describe.skipIf(!built)('many desks and event streams against one server (load smoke)', () => {
  it('answers every call of five desks for five seconds with three streams open, the WAL bounded', { timeout: 180_000 }, async () => {
    const report = await runLoad({
      serverFile,
      clients: 5,
      streams: 3,
      durationSeconds: 5,
      warmupSeconds: 1,
      thinkMs: 25,
      // The suite's moment (docs/testing.md): the demo day played up to it, the desks working at it —
      // or the next day's first minute when the moment leaves no room to book today (workingMoment).
      now: WORKING_NOW_ISO,
      log: () => undefined,
    });
    const printed = formatLoadReport(report);
    expect(report.errors, printed).toBe(0);
    expect(report.failures, printed).toEqual([]);
    // The clinic's work was done: bookings and walk-ins checked in, cards moved, the TV read.
    const calls = new Map(report.rows.map((row) => [row.method, row.calls]));
    for (const method of ['visits.checkIn', 'visits.transition', 'visits.board', 'customers.search', 'display.board']) {
      expect(calls.get(method) ?? 0, `${method} was called\n${printed}`).toBeGreaterThan(0);
    }
    expect(report.streams).toHaveLength(3);
    for (const stream of report.streams) {
      expect(stream.failure).toBeNull();
      // `ready` and at least one notice of the desks' writes.
      expect(stream.events).toBeGreaterThan(1);
    }
    expect(report.wal.maxBytes).toBeLessThanOrEqual(report.wal.boundBytes);
  });
});
