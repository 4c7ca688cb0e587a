/**
 * Privacy and the law (issue 20): the purposes a customer consents to, what counts as a read of
 * sensitive data, how long each kind of data is kept, and when a legal hold ends. Pure.
 *
 * - PIPL Art. 28–29: medical information is sensitive personal information; processing it needs a
 *   separate consent (the `medical` purpose), and each other purpose its own.
 * - PIPL Art. 45 (a copy on request), Art. 47 (erasure), Art. 51, 55–56 (access control, an impact
 *   assessment, its records kept at least 3 years).
 * - 医疗机构管理条例实施细则 Art. 53: outpatient medical records are kept at least 15 years —
 *   treatment records go on a legal hold instead of being erased.
 * - seed 000: confidentiality is the first rule of the customer's trust.
 */
import { addDays, type ClinicDate } from './clinic-time';

/** What a customer may consent to, each separately (PIPL Art. 29: a separate consent for sensitive data). */
export const CONSENT_PURPOSES = ['medical', 'followUpCalls', 'survey', 'marketing', 'photos'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** How a consent was taken: signed on paper and noted by staff, or signed by the customer on a tablet. */
export const CONSENT_METHODS = ['paper', 'tablet'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** What a logged read was of (PIPL Art. 51: who looked at what). */
export const ACCESS_KINDS = ['customer', 'handoffNote', 'screening', 'export'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

/** The screens a read can come from, as the client names them (free text would be a channel for anything). */
export const ACCESS_SCREENS = ['customerPage', 'boardCard', 'checkIn', 'roomView', 'escort', 'callList', 'report', 'export', 'other'] as const;
export type AccessScreen = (typeof ACCESS_SCREENS)[number];

/**
 * The lawful minimum of each retention period, in years; a setting may keep longer, never shorter.
 * medicalRecordYears: 医疗机构管理条例实施细则 Art. 53 (15 years after the last visit); accessLogYears
 * and auditLogYears: PIPL Art. 56 (records of the assessment and processing kept at least 3 years);
 * inactiveCustomerYears: no legal minimum — a customer never treated and not seen for this long is
 * listed for a manager to erase (PIPL Art. 47: data no longer needed for its purpose).
 */
export const RETENTION_MINIMUM_YEARS = { medicalRecordYears: 15, accessLogYears: 3, auditLogYears: 3, inactiveCustomerYears: 1 } as const;
export type RetentionKind = keyof typeof RETENTION_MINIMUM_YEARS;

/** `years` whole years after a clinic date (29 February → 28 February in a common year). */
export function addYears(date: ClinicDate, years: number): ClinicDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = year + years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/**
 * When a customer's treatment records may be erased: `years` after the last day she was treated
 * (a visit that reached a consultation, exam or surgery), the day after which the hold ends. Null
 * when she was never treated: nothing holds her data back.
 */
export function legalHoldEnd(lastTreatedOn: ClinicDate | null, years: number): ClinicDate | null {
  return lastTreatedOn === null ? null : addDays(addYears(lastTreatedOn, years), 1);
}
