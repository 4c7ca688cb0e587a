/** Satisfaction surveys (seed 000 step 10): all their SQL. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertSurvey(
  db: Db,
  survey: { customerId: number | null; visitId: number | null; stepId: number | null; source: 'staff' | 'kiosk'; scores: string; recommend: number | null; comments: string; staffNamed: string; complaint: boolean; low: boolean; createdAt: string; createdBy: number | null },
): Promise<number> {
  const { id } = await db
    .insertInto('surveys')
    .values({
      customer_id: survey.customerId, visit_id: survey.visitId, step_id: survey.stepId, source: survey.source, scores: survey.scores,
      recommend: survey.recommend, comments: survey.comments, staff_named: survey.staffNamed, complaint: survey.complaint ? 1 : 0,
      low: survey.low ? 1 : 0, created_at: survey.createdAt, created_by: survey.createdBy, handled_note: null, handled_at: null, handled_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Low surveys, those not yet handled first, newest first within each. */
export function lowSurveys(db: Db, limit: number) {
  return db
    .selectFrom('surveys as s')
    .leftJoin('customers as c', 'c.id', 's.customer_id')
    .where('s.low', '=', 1)
    .select(['s.id', 's.scores', 's.recommend', 's.comments', 's.staff_named', 's.complaint', 's.source', 's.created_at', 's.handled_note', 's.handled_at', 'c.name', 'c.address_form'])
    .orderBy((eb) => eb.case().when('s.handled_at', 'is', null).then(0).else(1).end())
    .orderBy('s.created_at', 'desc')
    .limit(limit)
    .execute();
}

export function openLowSurveys(db: Db) {
  return openLowSurveysQuery(db).execute();
}

/**
 * The query of `openLowSurveys`, unexecuted (the EXPLAIN test compiles it). `low = 1` is written
 * into the SQL: surveys_low_open is partial on it, and bound, SQLite would plan the statement
 * again with the value on every call to reach that index.
 */
export function openLowSurveysQuery(db: Db) {
  return db.selectFrom('surveys').where('low', '=', sql.lit(1)).where('handled_at', 'is', null).select(['id', 'recommend', 'created_at']);
}

/** Records what was done once: false when already recorded (or no such low survey). */
export async function handleSurvey(db: Db, id: number, note: string, at: string, by: number): Promise<boolean> {
  const result = await db
    .updateTable('surveys')
    .set({ handled_note: note, handled_at: at, handled_by: by })
    .where('id', '=', id)
    .where('low', '=', 1)
    .where('handled_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function lowSurveyExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('surveys').select('id').where('id', '=', id).where('low', '=', 1).executeTakeFirst()) !== undefined;
}
