import { describe, expect, it } from 'vitest';
import { BDDQ_AS_ITEMS, isBddqAsPositive, monthsBefore, screeningGate } from './screening';

/**
 * The published scoring rule of the BDDQ-AS (Dey et al., JAMA Facial Plast Surg 2015): positive
 * when q1 = yes AND q2 = yes AND (any of q3–q6 ≥ 3 "moderate" OR q7 = yes). No worked examples of
 * individual patients are published; these are the rule's boundary cases, each as the paper states it.
 */
describe('BDDQ-AS scoring', () => {
  const none = { q3: 1, q4: 1, q5: 1, q6: 1, q7: false };

  it('has the seven published items, in Chinese and English', () => {
    expect(BDDQ_AS_ITEMS.map((item) => item.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(BDDQ_AS_ITEMS.map((item) => item.kind)).toEqual(['yesNo', 'yesNo', 'severity', 'severity', 'severity', 'severity', 'yesNo']);
    for (const item of BDDQ_AS_ITEMS) expect(item.zh.length * item.en.length).toBeGreaterThan(0);
  });

  it('is positive with concern, preoccupation and moderate distress (q3 = 3)', () => {
    expect(isBddqAsPositive({ q1: true, q2: true, ...none, q3: 3 })).toBe(true);
  });

  it.each(['q4', 'q5', 'q6'] as const)('is positive with moderate impairment in %s alone', (question) => {
    expect(isBddqAsPositive({ q1: true, q2: true, ...none, [question]: 3 })).toBe(true);
    expect(isBddqAsPositive({ q1: true, q2: true, ...none, [question]: 5 })).toBe(true);
  });

  it('is positive with avoidance (q7 = yes) even when every rating is "none"', () => {
    expect(isBddqAsPositive({ q1: true, q2: true, ...none, q7: true })).toBe(true);
  });

  it('is negative when distress and impairment are at most mild (2) and nothing is avoided', () => {
    expect(isBddqAsPositive({ q1: true, q2: true, q3: 2, q4: 2, q5: 2, q6: 2, q7: false })).toBe(false);
  });

  it('is negative without concern (q1) or without preoccupation (q2), whatever the rest', () => {
    expect(isBddqAsPositive({ q1: false, q2: true, q3: 5, q4: 5, q5: 5, q6: 5, q7: true })).toBe(false);
    expect(isBddqAsPositive({ q1: true, q2: false, q3: 5, q4: 5, q5: 5, q6: 5, q7: true })).toBe(false);
    // The form stops after a "no": the later answers may be missing.
    expect(isBddqAsPositive({ q1: false, q2: false })).toBe(false);
  });
});

describe('the screen before surgery', () => {
  const now = new Date('2026-12-04T02:30:00Z');

  it('asks for a screen when there is none, or the last is older than the set months', () => {
    expect(screeningGate(null, false, now, 6)).toEqual({ kind: 'screenNeeded', lastTakenAt: null });
    expect(screeningGate({ takenAt: '2026-06-03T02:30:00Z', positive: false }, false, now, 6)).toEqual({ kind: 'screenNeeded', lastTakenAt: '2026-06-03T02:30:00Z' });
    expect(screeningGate({ takenAt: '2026-06-04T02:30:00Z', positive: false }, false, now, 6)).toEqual({ kind: 'clear' });
  });

  it('asks for a decision, never refuses, after a positive screen or the desk’s flag', () => {
    const recent = '2026-12-01T02:00:00Z';
    expect(screeningGate({ takenAt: recent, positive: true }, false, now, 6)).toEqual({ kind: 'decisionNeeded', reason: 'positive' });
    expect(screeningGate({ takenAt: recent, positive: false }, true, now, 6)).toEqual({ kind: 'decisionNeeded', reason: 'flagged' });
    expect(screeningGate({ takenAt: recent, positive: true }, true, now, 6)).toEqual({ kind: 'decisionNeeded', reason: 'both' });
  });

  it('counts months on the calendar, clamping to the month’s end', () => {
    expect(monthsBefore(new Date('2026-08-31T00:00:00Z'), 6).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });
});
