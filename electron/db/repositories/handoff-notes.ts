/** The hand-off note of a visit (migration 012): its SQL only; who may read it is escort-access.ts. */
import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { Database, HandoffNotesTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export function findHandoffNote(db: Db, visitId: number) {
  return db
    .selectFrom('handoff_notes as h')
    .innerJoin('staff as s', 's.id', 'h.updated_by')
    .selectAll('h')
    .select('s.name as updated_by_name')
    .where('h.visit_id', '=', visitId)
    .executeTakeFirst();
}

export async function insertHandoffNote(db: Db, note: Insertable<HandoffNotesTable>) {
  await db.insertInto('handoff_notes').values(note).execute();
}

/** Updates the note if its version is still the one the writer loaded; returns whether it was. */
export async function updateHandoffNote(db: Db, visitId: number, expectedVersion: number, set: Updateable<HandoffNotesTable>): Promise<boolean> {
  const result = await db
    .updateTable('handoff_notes')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('visit_id', '=', visitId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Whether the desk suggested a professional psychological assessment in the hand-off note of any of
 * the customer's visits (seed 000: body dysmorphic disorder; issue 16 makes a surgery booking need
 * a recorded decision then).
 */
export async function assessmentSuggestedFor(db: Db, customerId: number): Promise<boolean> {
  const row = await db
    .selectFrom('handoff_notes as h')
    .innerJoin('visits as v', 'v.id', 'h.visit_id')
    .select('h.visit_id')
    .where('v.customer_id', '=', customerId)
    .where('h.suggest_assessment', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}
