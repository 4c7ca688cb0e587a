/**
 * Every vitest worker lives at the suite's moment (tests/helpers/test-moment.ts): `Date` reads that
 * moment and runs on from it at the real speed, so a forgotten `new Date()` in a test or in code
 * under test (the real main process in shell.test.ts, say) sees the same day and hour on every
 * machine, at every hour. Only `Date` is faked: timers, `performance.now()` and I/O stay real.
 * A test about the real clock itself calls `vi.useRealTimers()` (docs/testing.md).
 */
import { vi } from 'vitest';
import { TEST_NOW_INSTANT } from './test-moment';

vi.useFakeTimers({ now: TEST_NOW_INSTANT, toFake: ['Date'], shouldAdvanceTime: true });
