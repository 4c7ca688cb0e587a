import { describe, expect, it } from 'vitest';
import { clinicDateOf, clinicTimeOf } from '../../../shared/domain/clinic-time';
import { formatClinicDateTime } from './format-clinic-date-time';

describe('formatClinicDateTime', () => {
  it('writes the clinic’s own date and time of an instant', () => {
    expect(formatClinicDateTime('2026-11-20T02:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-20 10:00');
    // Past midnight in Beijing is still the day before in UTC.
    expect(formatClinicDateTime('2026-11-20T16:05:00.000Z', 'Asia/Shanghai')).toBe('2026-11-21 00:05');
  });

  it('agrees with the clinic’s date and time read apart', () => {
    for (const instant of ['2026-01-01T00:00:00.000Z', '2026-03-29T01:30:00.000Z', '2026-10-25T00:59:00.000Z', '2026-12-31T23:59:00.000Z']) {
      for (const timeZone of ['Asia/Shanghai', 'Europe/London', 'America/New_York']) {
        expect(formatClinicDateTime(instant, timeZone)).toBe(`${clinicDateOf(instant, timeZone)} ${clinicTimeOf(instant, timeZone)}`);
      }
    }
  });
});
