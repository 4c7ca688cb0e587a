import { describe, expect, it } from 'vitest';
import { clinicDateOf, clinicTimeOf } from './clinic-time';
import { aftercareAgainDue, dayOfStay, infusionChecks, planWardTasks, roundLength, wardTaskState, type WardRules } from './ward-tasks';
import { addOneMonth, defaultFollowupDates } from './aftercare';

const TZ = 'Asia/Shanghai';
const rules: WardRules = {
  roundTimes: ['10:00', '16:00'],
  nightRoundTimes: ['22:00', '02:00'],
  mealChoiceTimes: ['07:00', '10:30', '16:30'],
  gownTime: '08:30',
  surgeonVisitTime: '10:00',
  aftercareAgainTime: '10:00',
  medicineCostExplainAbove: 100,
  infusionCheckMinutes: 30,
};
/** A task as the clinic reads it: `kind@YYYY-MM-DD HH:MM` on the clinic's wall clock. */
const local = (task: { kind: string; dueAt: string }) => `${task.kind}@${clinicDateOf(task.dueAt, TZ)} ${clinicTimeOf(task.dueAt, TZ)}`;

describe('ward tasks of a stay', () => {
  it('across midnight and the month end: surgery on 30 November at 14:00, admitted 13:00 Beijing', () => {
    // 2026-11-30 13:00 Beijing = 05:00Z; surgery 14:00 Beijing = 06:00Z.
    const stay = { admittedAt: '2026-11-30T05:00:00.000Z', surgeryAt: '2026-11-30T06:00:00.000Z', medicineCostYuan: 180 };
    // Until 12:00 Beijing on 1 December: the window crosses midnight, which is also the month end.
    const tasks = planWardTasks(stay, rules, new Date(stay.admittedAt), new Date('2026-12-01T04:00:00.000Z'), TZ).map(local);
    expect(tasks).toEqual([
      'reassurance@2026-11-30 13:30',
      'surgery_day_care@2026-11-30 15:00',
      'round@2026-11-30 16:00',
      'meal@2026-11-30 16:30',
      'surgery_day_care@2026-11-30 17:00',
      'surgery_day_care@2026-11-30 19:00',
      'night_round@2026-11-30 22:00',
      // After midnight in Beijing: the 1st of December, not the 31st of November nor the 30th again.
      'night_round@2026-12-01 02:00',
      'meal@2026-12-01 07:00',
      'gown@2026-12-01 08:30',
      'round@2026-12-01 10:00',
      'surgeon_visit@2026-12-01 10:00',
      'explain_cost@2026-12-01 10:30',
      'meal@2026-12-01 10:30',
    ]);
  });

  it('keeps at least two day rounds a day, on every clinic day, and nothing before admission', () => {
    const stay = { admittedAt: '2026-12-30T12:00:00.000Z', surgeryAt: null, medicineCostYuan: 0 }; // 20:00 Beijing
    const tasks = planWardTasks(stay, rules, new Date('2026-12-30T00:00:00Z'), new Date('2027-01-02T16:00:00Z'), TZ);
    const rounds = tasks.filter((task) => task.kind === 'round').map(local);
    expect(rounds).toEqual(['round@2026-12-31 10:00', 'round@2026-12-31 16:00', 'round@2027-01-01 10:00', 'round@2027-01-01 16:00', 'round@2027-01-02 10:00', 'round@2027-01-02 16:00']);
    expect(tasks.every((task) => task.dueAt >= stay.admittedAt)).toBe(true);
    // No surgeon's visit nor cost explanation without a surgery and a cost above the limit.
    expect(tasks.some((task) => task.kind === 'surgeon_visit' || task.kind === 'explain_cost' || task.kind === 'reassurance')).toBe(false);
  });

  it('works in another zone: the same wall-clock times in New York', () => {
    const tasks = planWardTasks({ admittedAt: '2026-12-01T05:00:00Z', surgeryAt: null, medicineCostYuan: 0 }, rules, new Date('2026-12-01T05:00:00Z'), new Date('2026-12-02T05:00:00Z'), 'America/New_York');
    expect(tasks.filter((task) => task.kind === 'round').map((task) => task.dueAt)).toEqual(['2026-12-01T15:00:00.000Z', '2026-12-01T21:00:00.000Z']);
  });

  it('checks an infusion every N minutes while it runs', () => {
    const checks = infusionChecks('2026-12-01T02:00:00.000Z', 30, new Date('2026-12-01T02:00:00Z'), new Date('2026-12-01T03:31:00Z'));
    expect(checks.map((task) => task.dueAt)).toEqual(['2026-12-01T02:30:00.000Z', '2026-12-01T03:00:00.000Z', '2026-12-01T03:30:00.000Z']);
  });

  it('explains the aftercare again the next clinic day, across a month end', () => {
    // 23:30 Beijing on 31 December is still the 31st there: the re-explanation is on 1 January at 10:00.
    expect(aftercareAgainDue('2026-12-31T15:30:00.000Z', rules, TZ)).toBe('2027-01-01T02:00:00.000Z');
    // 00:30 Beijing on 1 January (16:30Z on the 31st) is already the 1st: due on the 2nd.
    expect(aftercareAgainDue('2026-12-31T16:30:00.000Z', rules, TZ)).toBe('2027-01-02T02:00:00.000Z');
  });

  it('warns when a round is closed after 6 minutes, not after 10', () => {
    expect(roundLength('2026-12-01T02:00:00Z', '2026-12-01T02:06:00Z')).toEqual({ minutes: 6, short: true });
    expect(roundLength('2026-12-01T02:00:00Z', '2026-12-01T02:10:00Z')).toEqual({ minutes: 10, short: false });
  });

  it('states: due, overdue (nurse told), escalated (head nurse told), done', () => {
    const task = { dueAt: '2026-12-01T02:00:00Z', doneAt: null };
    expect(wardTaskState(task, new Date('2026-12-01T01:59:00Z'), 15, 45)).toBe('upcoming');
    expect(wardTaskState(task, new Date('2026-12-01T02:14:00Z'), 15, 45)).toBe('due');
    expect(wardTaskState(task, new Date('2026-12-01T02:15:00Z'), 15, 45)).toBe('overdue');
    expect(wardTaskState(task, new Date('2026-12-01T02:45:00Z'), 15, 45)).toBe('escalated');
    expect(wardTaskState({ ...task, doneAt: '2026-12-01T02:01:00Z' }, new Date('2026-12-01T05:00:00Z'), 15, 45)).toBe('done');
  });

  it('counts the day of stay on the clinic calendar', () => {
    expect(dayOfStay('2026-11-30T15:00:00Z', new Date('2026-11-30T16:30:00Z'), TZ)).toBe(2); // 23:00 → 00:30 Beijing
  });
});

describe('aftercare follow-up dates', () => {
  it('day 1, 3, 7 calls and a visit one calendar month later', () => {
    expect(defaultFollowupDates('2026-12-30')).toEqual([
      { kind: 'call', label: 'day1', date: '2026-12-31' },
      { kind: 'call', label: 'day3', date: '2027-01-02' },
      { kind: 'call', label: 'day7', date: '2027-01-06' },
      { kind: 'visit', label: 'month1', date: '2027-01-30' },
    ]);
    expect(addOneMonth('2027-01-31')).toBe('2027-02-28');
  });
});
