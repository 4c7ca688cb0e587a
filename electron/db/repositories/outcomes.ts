/**
 * The SQL of consultation outcomes, surgical consents and the psychological screen (migration 015).
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ConsultationOutcomesTable, Database, ScreeningDecisionsTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertOutcome(db: Db, row: Insertable<ConsultationOutcomesTable>): Promise<number> {
  const { id } = await db.insertInto('consultation_outcomes').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function outcomeOfVisit(db: Db, visitId: number) {
  return db.selectFrom('consultation_outcomes').selectAll().where('visit_id', '=', visitId).executeTakeFirst();
}

/** The outcome that booked a surgery: its quoted medicine cost goes with the stay. */
export async function outcomeOfSurgery(db: Db, appointmentId: number) {
  return db.selectFrom('consultation_outcomes').selectAll().where('surgery_appointment_id', '=', appointmentId).executeTakeFirst();
}

export async function insertFollowupCall(db: Db, row: { outcomeId: number; customerId: number; dueDate: string; at: string }): Promise<number> {
  const { id } = await db
    .insertInto('outcome_followup_calls')
    .values({ outcome_id: row.outcomeId, customer_id: row.customerId, due_date: row.dueDate, created_at: row.at, done_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Records consent on file for a surgery; a second record of the same surgery replaces the date. */
export async function upsertConsent(db: Db, row: { appointmentId: number; customerId: number; signedOn: string; staffId: number; at: string }) {
  await db
    .insertInto('surgery_consents')
    .values({ appointment_id: row.appointmentId, customer_id: row.customerId, signed_on: row.signedOn, recorded_by: row.staffId, recorded_at: row.at })
    .onConflict((oc) => oc.column('appointment_id').doUpdateSet({ signed_on: row.signedOn, recorded_by: row.staffId, recorded_at: row.at }))
    .execute();
}

export async function consentOf(db: Db, appointmentId: number) {
  return db.selectFrom('surgery_consents').selectAll().where('appointment_id', '=', appointmentId).executeTakeFirst();
}

export async function insertScreening(db: Db, row: { customerId: number; answers: unknown; positive: boolean; staffId: number; at: string }): Promise<number> {
  const { id } = await db
    .insertInto('screenings')
    .values({ customer_id: row.customerId, instrument: 'bddq_as', answers: JSON.stringify(row.answers), positive: row.positive ? 1 : 0, taken_at: row.at, taken_by: row.staffId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A customer's latest screen with the name of who took it. */
export async function latestScreening(db: Db, customerId: number) {
  return db
    .selectFrom('screenings')
    .innerJoin('staff', 'staff.id', 'screenings.taken_by')
    .select(['screenings.id', 'screenings.positive', 'screenings.taken_at', 'staff.name as taken_by_name'])
    .where('screenings.customer_id', '=', customerId)
    .orderBy('screenings.taken_at', 'desc')
    .orderBy('screenings.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertScreeningDecision(db: Db, row: Insertable<ScreeningDecisionsTable>): Promise<number> {
  const { id } = await db.insertInto('screening_decisions').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}
