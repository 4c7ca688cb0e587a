import { describe, expect, it } from 'vitest';
import { dueState, isOverdue, minutesBetween, wholeMinutes } from './durations';

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
});
