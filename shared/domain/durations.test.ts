import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byInstant, dueState, isOverdue, minutesBetween, wholeMinutes } from './durations';

const at = (time: string) => Date.parse(`2026-12-04T${time}Z`);

describe('durations', () => {
  it('never shows a negative wait (issue 13: "-1 分钟" just after a check-in)', () => {
    expect(wholeMinutes(-1)).toBe(0);
    expect(wholeMinutes(-0.2)).toBe(0);
    expect(wholeMinutes(14.9)).toBe(14);
    expect(minutesBetween('2026-12-04T02:30:05Z', at('02:30:00'))).toBe(0);
    expect(minutesBetween(at('02:00:00'), at('02:31:59'))).toBe(31);
  });

  it('reads a task due within the minute as due now, not "in 0 minutes" and not red', () => {
    expect(dueState(at('02:30:00'), at('02:29:40'))).toEqual({ kind: 'dueNow' });
    expect(dueState(at('02:30:00'), at('02:30:30'))).toEqual({ kind: 'dueNow' });
    expect(isOverdue(at('02:30:00'), at('02:30:30'))).toBe(false);
    expect(dueState(at('02:30:00'), at('02:28:50'))).toEqual({ kind: 'dueIn', minutes: 1 });
    expect(dueState(at('02:35:00'), at('02:29:58'))).toEqual({ kind: 'dueIn', minutes: 5 });
    expect(dueState(at('02:30:00'), at('02:29:00'))).toEqual({ kind: 'dueIn', minutes: 1 });
    expect(dueState(at('02:30:00'), at('02:31:00'))).toEqual({ kind: 'overdue', minutes: 1 });
    expect(dueState(at('02:30:00'), at('02:35:30'))).toEqual({ kind: 'overdue', minutes: 5 });
  });

  it('orders instants written by the server as their times, earlier first', () => {
    // Years 1000–9999 (toISOString's four-digit years, all the console ever stores).
    const instant = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }).map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        expect(Math.sign(byInstant(a, b))).toBe(Math.sign(Date.parse(a) - Date.parse(b)));
      }),
    );
    expect(['2026-12-04T10:00:00.000Z', '2026-12-04T09:59:59.999Z', '2026-12-03T23:00:00.000Z'].sort(byInstant)).toEqual(['2026-12-03T23:00:00.000Z', '2026-12-04T09:59:59.999Z', '2026-12-04T10:00:00.000Z']);
  });
});
