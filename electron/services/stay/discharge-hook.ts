/**
 * What happens elsewhere when a stay is discharged. The follow-up feature (the plan of calls and
 * visits after surgery, DESIGN.md step 9) hangs its plan creation here; until it is wired the hook
 * does nothing. It runs inside the discharge's transaction: a failure undoes the discharge.
 *
 * Wiring at merge (electron/core/create-core.ts):
 *   createStayService({ onDischarged: (db, facts) => services.followups.createPlan(db, facts) })
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

export interface DischargedFacts {
  customerId: number;
  stayId: number;
  itemId: number | null;
  /** UTC instants. */
  surgeryAt: string | null;
  dischargedAt: string;
}

export type OnDischarged = (tx: Kysely<Database> | Transaction<Database>, facts: DischargedFacts) => Promise<void>;

/** The default: nothing yet (the follow-up plan is another issue's). */
export const onDischargedNoop: OnDischarged = () => Promise.resolve();
