/**
 * The booking rules (seed 000 steps 1 and 4): an appointment must sit inside its doctor's shift
 * for the day — after a late doctor's arrival, never on an absent doctor — and must not overlap
 * another live booking of that doctor. Pure, in clinic minutes since midnight.
 */

/** Statuses that still hold a doctor's time. */
export const LIVE_STATUSES = ['booked', 'confirmed', 'checked_in', 'completed'] as const;

export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

export function formatMinutes(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export interface ShiftForBooking {
  start: string;
  end: string;
  /** The morning confirmation, when there was one. */
  status?: 'present' | 'late' | 'absent' | null;
  lateUntil?: string | null;
}

export interface BookedSlot {
  id: number;
  start: string;
  end: string;
  /** How staff name it in a clash message: the customer's address form. */
  label: string;
}

export type BookingClash =
  | { kind: 'noShift' }
  | { kind: 'absent' }
  | { kind: 'outsideShift'; shiftStart: string; shiftEnd: string }
  | { kind: 'beforeLateArrival'; lateUntil: string }
  | { kind: 'overlap'; appointmentId: number; start: string; end: string; label: string };

/**
 * The first rule a slot breaks, or null when it can be booked. `others` are the doctor's other
 * live bookings that day (the appointment being moved is left out by the caller).
 *
 * @example findBookingClash({ start: '08:30', end: '09:00' }, { start: '09:00', end: '17:30' }, [])
 * // → { kind: 'outsideShift', shiftStart: '09:00', shiftEnd: '17:30' }
 */
export function findBookingClash(
  slot: { start: string; end: string },
  shift: ShiftForBooking | null,
  others: readonly BookedSlot[],
): BookingClash | null {
  const start = minutesOf(slot.start);
  const end = minutesOf(slot.end);
  if (!shift) return { kind: 'noShift' };
  if (shift.status === 'absent') return { kind: 'absent' };
  if (start < minutesOf(shift.start) || end > minutesOf(shift.end)) {
    return { kind: 'outsideShift', shiftStart: shift.start, shiftEnd: shift.end };
  }
  if (shift.status === 'late' && shift.lateUntil && start < minutesOf(shift.lateUntil)) {
    return { kind: 'beforeLateArrival', lateUntil: shift.lateUntil };
  }
  const clash = others.find((other) => start < minutesOf(other.end) && minutesOf(other.start) < end);
  return clash ? { kind: 'overlap', appointmentId: clash.id, start: clash.start, end: clash.end, label: clash.label } : null;
}

/** The free stretches of a shift around its bookings, for the day view (in `HH:MM`). */
export function freeIntervals(shift: { start: string; end: string }, booked: readonly { start: string; end: string }[]) {
  const free: { start: string; end: string }[] = [];
  let cursor = minutesOf(shift.start);
  const end = minutesOf(shift.end);
  const sorted = [...booked].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  for (const slot of sorted) {
    const slotStart = Math.max(minutesOf(slot.start), cursor);
    if (slotStart > cursor) free.push({ start: formatMinutes(cursor), end: formatMinutes(Math.min(slotStart, end)) });
    cursor = Math.max(cursor, minutesOf(slot.end));
    if (cursor >= end) break;
  }
  if (cursor < end) free.push({ start: formatMinutes(cursor), end: formatMinutes(end) });
  return free.filter((interval) => minutesOf(interval.end) > minutesOf(interval.start));
}
