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
