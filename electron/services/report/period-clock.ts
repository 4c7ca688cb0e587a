/**
 * The clinic's clock over one report's period, worked out once per day instead of once per row:
 * a year's report reads the clinic hour of ~100,000 arrivals and the instant of ~50 quarter hours
 * of each of 732 days (the period and the one before), and each `Intl` reading costs ~10 µs (the
 * profile of the report rows showed 1.8 s of a year's 2 s spent there; docs/performance.md).
 *
 * A day whose start and end are 24 hours apart has one offset throughout: its instants are its
 * start plus minutes. A day with a daylight-saving change in it is read from `clinic-time.ts`.
 */
import { addDays, clinicDateOf, clinicInstant, wallClock, type ClinicDate } from '../../../shared/domain/clinic-time';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface PeriodClock {
  /** The first instant of a clinic day (ms since the epoch). */
  dayStart(day: ClinicDate): number;
  /** The first instant after a clinic day. */
  dayEnd(day: ClinicDate): number;
  /** The instant of `minutes` after midnight on the clinic's wall clock of `day`. */
  instant(day: ClinicDate, minutes: number): number;
  /** The clinic's wall-clock hour (0–23) and minute of an instant known to fall on `day`. */
  hourMinute(ms: number, day: ClinicDate): { hour: number; minute: number };
  /** The clinic day of an instant. */
  dayOf(ms: number): ClinicDate;
}

export function createPeriodClock(timeZone: string, days: readonly ClinicDate[] = []): PeriodClock {
  const starts = new Map<ClinicDate, number>();
  const dayStart = (day: ClinicDate) => {
    let start = starts.get(day);
    if (start === undefined) starts.set(day, (start = clinicInstant(day, '00:00', timeZone).getTime()));
    return start;
  };
  // Per day its end and whether it has one offset throughout, worked out once (`addDays` parses).
  const ends = new Map<ClinicDate, number>();
  const dayEnd = (day: ClinicDate) => {
    let end = ends.get(day);
    if (end === undefined) ends.set(day, (end = dayStart(addDays(day, 1))));
    return end;
  };
  const uniform = (day: ClinicDate) => dayEnd(day) - dayStart(day) === DAY;
  for (const day of days) dayStart(day);
  // The period's days by their start, for `dayOf` (a binary search; outside them, clinic-time.ts).
  const sorted = [...days].sort();
  const sortedStarts = sorted.map(dayStart);
  return {
    dayStart,
    dayEnd,
    instant(day, minutes) {
      if (uniform(day)) return dayStart(day) + minutes * MINUTE;
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      return clinicInstant(day, time, timeZone).getTime();
    },
    hourMinute(ms, day) {
      if (uniform(day)) {
        const minutes = Math.floor((ms - dayStart(day)) / MINUTE);
        if (minutes >= 0 && minutes < 24 * 60) return { hour: Math.floor(minutes / 60), minute: minutes % 60 };
      }
      const clock = wallClock(new Date(ms), timeZone);
      return { hour: clock.hour, minute: clock.minute };
    },
    dayOf(ms) {
      if (sorted.length > 0 && ms >= sortedStarts[0]! && ms < dayEnd(sorted[sorted.length - 1]!)) {
        let low = 0;
        let high = sorted.length - 1;
        while (low < high) {
          const middle = (low + high + 1) >> 1;
          if (sortedStarts[middle]! <= ms) low = middle;
          else high = middle - 1;
        }
        return sorted[low]!;
      }
      return clinicDateOf(new Date(ms), timeZone);
    },
  };
}
