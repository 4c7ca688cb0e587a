/**
 * The demo clinic's history agrees with itself (issue 13 part 7: first-visit customers held
 * follow-up bookings, and an F-ticket follow-up was greeted "first visit"). seed 000 steps 7–9:
 * a pre-op exam follows a consultation; a follow-up or post-op visit follows a surgery or
 * treatment. So a customer's booking kinds are drawn from what they have already had, and a
 * returning customer has earlier visits: a consultation, and for some a surgery after it.
 */
import type { AppointmentKind } from '../../shared/domain/appointments';
import type { Db } from '../services/roster-types';

/** The kinds that need an earlier surgery or treatment: seed 000 step 9. */
export const AFTER_SURGERY_KINDS = ['followup', 'postop'] as const satisfies readonly AppointmentKind[];

/**
 * The kinds a customer may be booked for, given the kinds of their earlier visits, weighted
 * by repetition (drawn uniformly by the caller).
 *
 * @example bookableKinds([]) // ['consultation']: a first visit is a consultation
 * @example bookableKinds(['consultation', 'surgery']) // follow-ups and post-op visits, now and then a new consultation
 */
export function bookableKinds(pastKinds: readonly AppointmentKind[]): AppointmentKind[] {
  if (pastKinds.includes('surgery')) return ['followup', 'followup', 'postop', 'consultation'];
  if (pastKinds.length > 0) return ['consultation', 'consultation', 'preop'];
  return ['consultation'];
}

/** The kinds of each customer's visits before `before` (an instant): appointments they came to. */
export async function pastKindsByCustomer(db: Db, before: string): Promise<Map<number, AppointmentKind[]>> {
  const rows = await db
    .selectFrom('appointments')
    .select(['customer_id', 'kind'])
    .where('starts_at', '<', before)
    .where('status', 'in', ['checked_in', 'completed'])
    .execute();
  const kinds = new Map<number, AppointmentKind[]>();
  for (const row of rows) kinds.set(row.customer_id, [...(kinds.get(row.customer_id) ?? []), row.kind]);
  return kinds;
}
