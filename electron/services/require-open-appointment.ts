/**
 * The one refusal of an act on an appointment that is no longer open (shared/domain/appointments:
 * booked or confirmed): booking, check-in and the roster all answer it the same way, a 409
 * `conflict` whose message names the appointment's current status and what was refused.
 */
import { AppError } from '../../shared/contract/errors';
import { isOpenAppointment, type AppointmentStatus } from '../../shared/domain/appointments';
import type { MessageKey } from '../../shared/i18n/messages';

/** What was asked of the appointment, as the refusal names it (`appointments.action.*`). */
export type AppointmentAction = Extract<MessageKey, `appointments.action.${string}`>;

/**
 * Throws the conflict when the appointment is no longer open; returns when it is.
 *
 * @example requireOpenAppointment(appointment, 'appointments.action.checkIn');
 * // a cancelled one: conflict "This appointment is "Cancelled" and cannot be checked in"
 */
export function requireOpenAppointment(appointment: { id: number; status: AppointmentStatus }, action: AppointmentAction): void {
  if (isOpenAppointment(appointment.status)) return;
  throw new AppError('conflict', 'appointments.wrongStatus', {
    params: { status: `appointment.status.${appointment.status}`, action },
    details: { appointmentId: appointment.id, status: appointment.status },
  });
}
