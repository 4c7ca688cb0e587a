import { describe, expect, it } from 'vitest';
import { addMonths, DEFAULT_FOLLOW_UP_TEMPLATE, daysSinceSurgery, followUpCloseBlock, isLowSurvey, planSteps } from './follow-ups';

const tz = 'Asia/Shanghai';
const dates = (surgeryAt: string) => planSteps(surgeryAt, DEFAULT_FOLLOW_UP_TEMPLATE, tz).map((step) => `${step.kind}:${step.dueDate}`);

describe('follow-up plan dates (seed 000 step 9: day 1, 3, 7, one month)', () => {
  it('from a surgery on 31 January: the month visit falls on the last day of February', () => {
    expect(dates('2026-01-31T02:00:00Z')).toEqual(['call:2026-02-01', 'call:2026-02-03', 'call:2026-02-07', 'visit:2026-02-28']);
    expect(dates('2028-01-31T02:00:00Z').at(-1)).toBe('visit:2028-02-29');
  });

  it('from 28 February of a leap year: day 1 is the 29th, day 3 the 2nd of March, the month visit 28 March', () => {
    expect(dates('2028-02-28T03:00:00Z')).toEqual(['call:2028-02-29', 'call:2028-03-02', 'call:2028-03-06', 'visit:2028-03-28']);
  });

  it('from 31 December: the plan runs into the next year', () => {
    expect(dates('2026-12-31T06:00:00Z')).toEqual(['call:2027-01-01', 'call:2027-01-03', 'call:2027-01-07', 'visit:2027-01-31']);
  });

  it("counts from the clinic's day, not UTC's, across the clinic's midnight", () => {
    // 23:30 Beijing on 31 Dec is 15:30 UTC the same day; 00:30 Beijing on 1 Jan is 16:30 UTC on 31 Dec.
    expect(dates('2026-12-31T15:30:00Z')[0]).toBe('call:2027-01-01');
    expect(dates('2026-12-31T16:30:00Z')[0]).toBe('call:2027-01-02');
    expect(dates('2026-12-31T16:30:00Z').at(-1)).toBe('visit:2027-02-01');
  });

  it('adds months clamped to the month end, also backwards across years', () => {
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('days since surgery in clinic days', () => {
    expect(daysSinceSurgery('2026-12-31T16:30:00Z', '2027-01-01', tz)).toBe(0);
    expect(daysSinceSurgery('2026-12-31T15:30:00Z', '2027-01-01', tz)).toBe(1);
  });
});

describe('closing a follow-up visit (seed 004 rules 11 and 23)', () => {
  const start = '2026-12-04T02:00:00Z';
  it('refuses without the consultant step', () => {
    expect(followUpCloseBlock(null, new Date('2026-12-04T03:00:00Z'), 'x')).toBe('consultantNotSeen');
  });
  it('asks for a reason at 4 minutes, not at 6', () => {
    expect(followUpCloseBlock(start, new Date('2026-12-04T02:04:00Z'), undefined)).toBe('reasonNeeded');
    expect(followUpCloseBlock(start, new Date('2026-12-04T02:04:00Z'), '  ')).toBe('reasonNeeded');
    expect(followUpCloseBlock(start, new Date('2026-12-04T02:04:00Z'), '顾客赶时间')).toBeNull();
    expect(followUpCloseBlock(start, new Date('2026-12-04T02:06:00Z'), undefined)).toBeNull();
  });
});

describe('low survey', () => {
  it('any aspect at the threshold, a low recommend or a complaint', () => {
    expect(isLowSurvey({ scores: { reception: 5, waiting: 2 }, recommend: 9, complaint: false }, 2, 6)).toBe(true);
    expect(isLowSurvey({ scores: { reception: 5, waiting: 3 }, recommend: 6, complaint: false }, 2, 6)).toBe(true);
    expect(isLowSurvey({ scores: { reception: 5 }, recommend: 9, complaint: true }, 2, 6)).toBe(true);
    expect(isLowSurvey({ scores: { reception: 5, waiting: 3 }, recommend: 7, complaint: false }, 2, 6)).toBe(false);
  });
});
