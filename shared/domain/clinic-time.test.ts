import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, clinicDateOf, clinicDayRange, clinicInstant, clinicTimeOf, isClinicDate, wallClock } from './clinic-time';

describe('clinic time', () => {
  it('reads the clinic day and time of an instant in the clinic zone', () => {
    expect(clinicDateOf('2026-11-23T15:30:00Z', 'Asia/Shanghai')).toBe('2026-11-23');
    expect(clinicDateOf('2026-11-23T16:30:00Z', 'Asia/Shanghai')).toBe('2026-11-24');
    expect(clinicTimeOf('2026-11-23T16:30:00Z', 'Asia/Shanghai')).toBe('00:30');
  });

  it('turns a clinic wall-clock time into its UTC instant', () => {
    expect(clinicInstant('2026-11-23', '23:30', 'Asia/Shanghai').toISOString()).toBe('2026-11-23T15:30:00.000Z');
    // Across New York's daylight-saving change (2026-03-08).
    expect(clinicInstant('2026-03-07', '09:00', 'America/New_York').toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(clinicInstant('2026-03-09', '09:00', 'America/New_York').toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });

  it('gives each clinic day a half-open UTC range', () => {
    expect(clinicDayRange('2026-11-23', 'Asia/Shanghai')).toEqual({ start: '2026-11-22T16:00:00.000Z', end: '2026-11-23T16:00:00.000Z' });
  });

  it('round-trips every minute of any day through instant and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (offset, hour, minute) => {
        const date = addDays('2024-01-01', offset);
        const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        const instant = clinicInstant(date, time, 'Asia/Shanghai');
        expect(clinicDateOf(instant, 'Asia/Shanghai')).toBe(date);
        expect(clinicTimeOf(instant, 'Asia/Shanghai')).toBe(time);
      }),
    );
  });

  it('accepts only real calendar dates', () => {
    expect(isClinicDate('2026-02-28')).toBe(true);
    expect(isClinicDate('2026-02-29')).toBe(false);
    expect(isClinicDate('2026-13-01')).toBe(false);
    expect(isClinicDate('26-1-1')).toBe(false);
    expect(isClinicDate('2028-02-29')).toBe(true);
    expect(isClinicDate('2100-02-29')).toBe(false);
    expect(isClinicDate('2000-02-29')).toBe(true);
    expect(isClinicDate('2026-04-31')).toBe(false);
    expect(isClinicDate('2026-00-10')).toBe(false);
    expect(isClinicDate('2026-01-00')).toBe(false);
  });

  it('agrees with the calendar on every YYYY-MM-DD', () => {
    const twoDigits = fc.integer({ min: 0, max: 39 }).map((n) => String(n).padStart(2, '0'));
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), twoDigits, twoDigits, (year, month, day) => {
        const text = `${String(year).padStart(4, '0')}-${month}-${day}`;
        const date = new Date(`${text}T00:00:00Z`);
        const real = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
        expect(isClinicDate(text)).toBe(real);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('wallClock', () => {
  const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham', 'UTC'];
  const fromIntl = (instant: Date, timeZone: string) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(instant);
    const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
    return { year: value('year'), month: value('month'), day: value('day'), hour: value('hour'), minute: value('minute'), second: value('second') };
  };

  it('reads what Intl reads, across daylight-saving changes and odd offsets', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        expect(wallClock(new Date(ms), zone)).toEqual(fromIntl(new Date(ms), zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('is right on each side of a change (New York, 8 March 2026, 02:00 → 03:00)', () => {
    for (const iso of ['2026-03-08T06:59:59.999Z', '2026-03-08T07:00:00.000Z', '2026-03-08T06:52:30Z', '2026-11-01T05:59:59Z', '2026-11-01T06:00:00Z']) {
      expect(wallClock(new Date(iso), 'America/New_York')).toEqual(fromIntl(new Date(iso), 'America/New_York'));
    }
  });
});
