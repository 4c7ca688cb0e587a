/**
 * Rules of staff administration (issue 13 part 8), pure: the limits of a staff record and the
 * manager's longer PIN.
 */
import type { Role } from './roles';

/** A staff name: long enough for any script's full name, short enough for a sign-in card. */
export const STAFF_NAME_MAX = 40;
export const STAFF_SPECIALTY_MAX = 40;
export const STAFF_ROOMS_MAX = 10;
/** A manager's PIN opens staff administration and the audit log: at least 6 digits, not 4. */
export const MANAGER_PIN_MIN_DIGITS = 6;

/** The fewest digits a PIN of this role may have. */
export function minimumPinDigits(role: Role): number {
  return role === 'manager' ? MANAGER_PIN_MIN_DIGITS : 4;
}
