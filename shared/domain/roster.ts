/**
 * The doctors' roster as pure rules (seed 000, reception flow step 4: before opening, reception
 * confirms each doctor of the day — present, late or absent — and the room). Weekdays are ISO:
 * 1 = Monday … 7 = Sunday. Times are the clinic's wall clock `HH:MM`.
 */

export const ROSTER_STATUSES = ['present', 'late', 'absent'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

export const OVERRIDE_KINDS = ['off', 'hours', 'room'] as const;
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];

/** A wall-clock time `HH:MM`, 00:00–23:59. */
export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The ISO weekday (1 = Monday … 7 = Sunday) of a clinic day `YYYY-MM-DD`. */
export function isoWeekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** Minutes since midnight of `HH:MM`. */
export function minutesOfDay(time: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return hour * 60 + minute;
}

export interface TemplateShift {
  start: string;
  end: string;
  roomId: number | null;
}

export interface DayOverride {
  kind: OverrideKind;
  start: string | null;
  end: string | null;
  roomId: number | null;
}

/**
 * A doctor's shift on one day: the weekday's template with that day's override applied.
 * `off` removes the day; `hours` sets the hours (a shift on a day without template, too) and,
 * when given, the room; `room` changes only the room of the template's shift.
 */
export function applyOverride(
  template: TemplateShift | null,
  override: DayOverride | null,
): (TemplateShift & { source: 'template' | 'override' }) | null {
  if (!override) return template ? { ...template, source: 'template' } : null;
  switch (override.kind) {
    case 'off':
      return null;
    case 'hours':
      if (!override.start || !override.end) return template ? { ...template, source: 'template' } : null;
      return { start: override.start, end: override.end, roomId: override.roomId ?? template?.roomId ?? null, source: 'override' };
    case 'room':
      return template ? { ...template, roomId: override.roomId, source: 'override' } : null;
  }
}

/**
 * Which of a doctor's appointments a morning confirmation puts at risk: all of them when the
 * doctor is absent, those starting before the arrival time when late, none when present.
 */
export function isAffectedByConfirmation(
  status: RosterStatus,
  startsAtClinicTime: string,
  lateUntil: string | null,
): boolean {
  if (status === 'absent') return true;
  if (status === 'late') return lateUntil !== null && minutesOfDay(startsAtClinicTime) < minutesOfDay(lateUntil);
  return false;
}

/**
 * Whether a late or absent doctor's appointment can still be saved by moving it: the customer has
 * not come yet (the appointment is open), or has come and is still waiting in the lobby. Someone
 * already called, on the way, in consultation or done is not "at risk" and is not moved (issue 13
 * part 3: the affected list offered to move customers already with the doctor).
 *
 * @example isStillWaiting('confirmed', null) // true
 * @example isStillWaiting('checked_in', 'waiting') // true
 * @example isStillWaiting('checked_in', 'in_consultation') // false
 */
export function isStillWaiting(appointmentStatus: string, visitStatus: string | null): boolean {
  if (appointmentStatus === 'booked' || appointmentStatus === 'confirmed') return true;
  return appointmentStatus === 'checked_in' && visitStatus === 'waiting';
}

/** The Monday of the ISO week a clinic day falls in. */
export function weekStartOf(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const monday = new Date(Date.UTC(year, month - 1, day - (isoWeekday(date) - 1)));
  return monday.toISOString().slice(0, 10);
}
