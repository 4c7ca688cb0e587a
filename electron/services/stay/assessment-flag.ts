/**
 * Whether the desk suggested a professional psychological assessment for a customer (the hand-off
 * note's flag, DESIGN.md "The customer's mind"). The hand-off note is another issue's; until it is
 * wired this says no, and the screen alone decides what a surgery booking needs.
 *
 * Wiring at merge (electron/core/create-core.ts):
 *   createScreeningService({ assessmentSuggested: (db, customerId) => handoffs.assessmentSuggested(db, customerId) })
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

export type AssessmentSuggested = (db: Kysely<Database> | Transaction<Database>, customerId: number) => Promise<boolean>;

export const noAssessmentFlag: AssessmentSuggested = () => Promise.resolve(false);
