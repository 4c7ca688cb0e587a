import { describe, expect, it } from 'vitest';
import { lateness } from './lateness';

const AT = '2026-11-23T02:00:00.000Z';
const minutesAfter = (minutes: number) => new Date(Date.parse(AT) + minutes * 60_000);

describe('lateness', () => {
  it('is nothing before the time and in the minute it falls', () => {
    expect(lateness({ startsAt: AT, status: 'confirmed' }, minutesAfter(-5), 15)).toBeNull();
    expect(lateness({ startsAt: AT, status: 'confirmed' }, new Date(Date.parse(AT) + 59_000), 15)).toBeNull();
  });

  it('flags a booking not arrived as late by the minute, then suggests a call at the threshold', () => {
    expect(lateness({ startsAt: AT, status: 'booked' }, minutesAfter(1), 15)).toEqual({ kind: 'late', minutes: 1 });
    expect(lateness({ startsAt: AT, status: 'confirmed' }, minutesAfter(14), 15)).toEqual({ kind: 'late', minutes: 14 });
    expect(lateness({ startsAt: AT, status: 'confirmed' }, minutesAfter(15), 15)).toEqual({ kind: 'call', minutes: 15 });
    expect(lateness({ startsAt: AT, status: 'confirmed' }, minutesAfter(15), 30)).toEqual({ kind: 'late', minutes: 15 });
  });

  it('never flags a customer who arrived, nor a closed booking', () => {
    for (const status of ['checked_in', 'completed', 'cancelled', 'no_show'] as const) {
      expect(lateness({ startsAt: AT, status }, minutesAfter(40), 15)).toBeNull();
    }
  });
});
