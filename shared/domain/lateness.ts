/**
 * Today's late bookings (issue 13 part 10; seed 004 rule 26: customers hate waiting, and a doctor
 * kept waiting by an empty slot keeps the next customer waiting). A booking still open past its
 * time has not arrived: first it is flagged late with the minutes, then, past the clinic's
 * threshold, reception is told to call. Pure: the caller gives the clock.
 */
import { isOpenAppointment, type AppointmentStatus } from './appointments';

export type Lateness = { kind: 'late'; minutes: number } | { kind: 'call'; minutes: number };

/**
 * How late a booking is at `now`, or null when it is not (not yet due, arrived, or closed).
 *
 * @example lateness({ startsAt: '2026-11-23T02:00:00Z', status: 'confirmed' }, new Date('2026-11-23T02:07:00Z'), 15)
 * // → { kind: 'late', minutes: 7 }
 * @example lateness({ startsAt: '2026-11-23T02:00:00Z', status: 'booked' }, new Date('2026-11-23T02:20:00Z'), 15)
 * // → { kind: 'call', minutes: 20 }
 */
export function lateness(appointment: { startsAt: string; status: AppointmentStatus }, now: Date, callAfterMinutes: number): Lateness | null {
  if (!isOpenAppointment(appointment.status)) return null;
  const minutes = Math.floor((now.getTime() - Date.parse(appointment.startsAt)) / 60_000);
  if (minutes < 1) return null;
  return { kind: minutes >= callAfterMinutes ? 'call' : 'late', minutes };
}
