/**
 * The clinic's day. Timestamps are stored as UTC instants (ISO 8601 with `Z`); "today" always means
 * the calendar day in the clinic's time zone (a setting, Asia/Shanghai by default), never the
 * machine's own zone. Pure functions over `Intl`, the same in every runtime.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A calendar date as `YYYY-MM-DD`. */
export type ClinicDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in `timeZone` at `instant`, read from `Intl` (~10 µs a call). */
function wallClockFromIntl(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far `timeZone`'s wall clock is ahead of UTC at `ms`, in whole seconds' milliseconds. */
function offsetMsAt(ms: number, timeZone: string): number {
  const clock = wallClockFromIntl(new Date(ms), timeZone);
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second) - Math.floor(ms / 1000) * 1000;
}

const OFFSET_SPAN_MS = 15 * 60_000;
const MAX_KEPT_OFFSETS = 2048;
/** Per zone, the offset of each quarter hour seen (`null`: the offset changes within it). */
const offsets = new Map<string, Map<number, number | null>>();

/**
 * The zone's offset at `ms`, from the quarter hour it falls in: a zone's offset changes a few times
 * a year at most, so one quarter hour whose two ends agree has one offset throughout, and the
 * reading is arithmetic instead of `Intl.formatToParts` (a check-in reads the clinic's clock
 * several times: docs/performance.md). A quarter hour with a change in it is read from `Intl`.
 */
function offsetMs(ms: number, timeZone: string): number | null {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const span = Math.floor(ms / OFFSET_SPAN_MS);
  let offset = zone.get(span);
  if (offset === undefined) {
    const first = offsetMsAt(span * OFFSET_SPAN_MS, timeZone);
    offset = first === offsetMsAt((span + 1) * OFFSET_SPAN_MS - 1000, timeZone) ? first : null;
    if (zone.size >= MAX_KEPT_OFFSETS) zone.clear();
    zone.set(span, offset);
  }
  return offset;
}

/** The wall-clock reading in `timeZone` at `instant`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const ms = instant.getTime();
  const offset = Number.isFinite(ms) ? offsetMs(ms, timeZone) : null;
  if (offset === null) return wallClockFromIntl(instant, timeZone);
  const local = new Date(Math.floor(ms / 1000) * 1000 + offset);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The clinic day (`YYYY-MM-DD`) an instant falls on. */
export function clinicDateOf(instant: Date | string, timeZone: string): ClinicDate {
  const clock = wallClock(typeof instant === 'string' ? new Date(instant) : instant, timeZone);
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** The clinic's wall-clock time `HH:MM` of an instant. */
export function clinicTimeOf(instant: Date | string, timeZone: string): string {
  const clock = wallClock(typeof instant === 'string' ? new Date(instant) : instant, timeZone);
  return `${pad(clock.hour)}:${pad(clock.minute)}`;
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Beijing: +480). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/**
 * The UTC instant of a wall-clock time in the clinic's zone.
 *
 * @example clinicInstant('2026-11-23', '23:30', 'Asia/Shanghai').toISOString() // "2026-11-23T15:30:00.000Z"
 */
export function clinicInstant(date: ClinicDate, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle the offset even across a daylight-saving change.
  let instant = new Date(naive - offsetMinutes(new Date(naive), timeZone) * 60000);
  instant = new Date(naive - offsetMinutes(instant, timeZone) * 60000);
  return instant;
}

/** The half-open UTC range `[start, end)` of a clinic day, as ISO strings for SQL comparisons. */
export function clinicDayRange(date: ClinicDate, timeZone: string): { start: string; end: string } {
  return {
    start: clinicInstant(date, '00:00', timeZone).toISOString(),
    end: clinicInstant(addDays(date, 1), '00:00', timeZone).toISOString(),
  };
}

/** `date` moved by `days` calendar days. */
export function addDays(date: ClinicDate, days: number): ClinicDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return `${pad(moved.getUTCFullYear(), 4)}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * True for a real calendar date written `YYYY-MM-DD` (from the year 100: `Date.UTC` reads 0–99
 * as 1900–1999). Arithmetic, no `Date`: every board card's day is checked on its way out.
 */
export function isClinicDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}
