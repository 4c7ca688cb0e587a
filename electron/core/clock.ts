/** The source of "now" every service takes, so tests can move time instead of mocking it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is put: for tests and the demo's replayed morning. */
export function manualClock(start: Date | string): Clock & { set(to: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(to) {
      current = new Date(to);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}

/**
 * A clock that runs at the speed of `base` but reads another time: `setTo(at)` makes it read `at`
 * now and move on from there. `serve --demo-at 10:30` gives the core one, so the board's timers,
 * the scheduler and every service see the clinic at 10:30 and minutes later 10:31.
 *
 * @example const clock = offsetClock(); clock.setTo(new Date('2026-11-23T02:30:00Z')); clock.now(); // ≈ 02:30:00Z
 */
export function offsetClock(base: Clock = systemClock): Clock & { setTo(at: Date): void; offsetMs(): number } {
  let offset = 0;
  return {
    now: () => new Date(base.now().getTime() + offset),
    setTo(at) {
      offset = at.getTime() - base.now().getTime();
    },
    offsetMs: () => offset,
  };
}

/**
 * An instant written as ISO 8601 with its offset (`2026-11-24T10:30:00+08:00` or `…Z`): the form
 * `--now` and `FRONTDESK_TEST_NOW` take. A time without an offset would be read in the machine's
 * own zone, which is exactly what a fixed moment must not depend on, so it is refused.
 *
 * @example parseMoment('2026-11-24T10:30:00+08:00').toISOString(); // '2026-11-24T02:30:00.000Z'
 */
export function parseMoment(text: string, what = '--now'): Date {
  const match = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  const instant = new Date(text);
  if (!match || Number.isNaN(instant.getTime())) {
    throw new Error(`${what} takes a moment in ISO 8601 with its offset (e.g. 2026-11-24T10:30:00+08:00), not "${text}"`);
  }
  return instant;
}

/**
 * The clock a process starts with: the real time, or, given a moment, a clock that reads that
 * moment now and runs on from it at the real speed (training, screenshots, and every test of the
 * suite, which all run at one moment: docs/testing.md).
 *
 * @example const clock = startingClock('2026-11-24T10:30:00+08:00'); clock.now(); // ≈ 02:30:00Z, then on
 */
export function startingClock(moment: string | undefined, what = '--now'): Clock & { setTo(at: Date): void; offsetMs(): number } {
  const clock = offsetClock();
  if (moment !== undefined) clock.setTo(parseMoment(moment, what));
  return clock;
}

/** `--now=<moment>` or `--now <moment>` among a process's arguments (the desktop shell's), if any. */
export function momentArgument(argv: readonly string[]): string | undefined {
  for (const [index, argument] of argv.entries()) {
    if (argument.startsWith('--now=')) return argument.slice('--now='.length);
    if (argument === '--now') return argv[index + 1];
  }
  return undefined;
}
