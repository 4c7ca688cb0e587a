import { clinicDateOf, clinicTimeOf } from '../../../shared/domain/clinic-time';

/** An instant as the clinic's own date and time, `2026-11-20 10:00`, whatever the PC's zone. */
export function formatClinicDateTime(instant: string, timeZone: string): string {
  return `${clinicDateOf(instant, timeZone)} ${clinicTimeOf(instant, timeZone)}`;
}
