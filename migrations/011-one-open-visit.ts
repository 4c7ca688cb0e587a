/**
 * A customer has at most one open visit a day (issue 13: a clerk in a hurry put 查子萱 on the
 * board twice, A001 and W002, and "arrived today" counted her twice). The service refuses the
 * second check-in naming the first ticket; this index makes the database refuse it too.
 *
 * A database that already holds such doubles keeps the earliest open visit of each and closes the
 * later ones as left, each with a status event saying why, so no history is lost.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const doubles = await sql<{ id: number; status: string; checked_in_by: number; arrived_at: string }>`
    SELECT v.id, v.status, v.checked_in_by, v.arrived_at FROM visits v
    WHERE v.status NOT IN ('done', 'left')
      AND EXISTS (
        SELECT 1 FROM visits e
        WHERE e.customer_id = v.customer_id AND e.clinic_date = v.clinic_date AND e.status NOT IN ('done', 'left')
          AND (e.arrived_at < v.arrived_at OR (e.arrived_at = v.arrived_at AND e.id < v.id))
      )`.execute(db);
  for (const visit of doubles.rows) {
    await sql`UPDATE visits SET status = 'left', version = version + 1 WHERE id = ${visit.id}`.execute(db);
    await sql`INSERT INTO visit_events (visit_id, from_status, to_status, at, staff_id, note)
      VALUES (${visit.id}, ${visit.status}, 'left', ${visit.arrived_at}, ${visit.checked_in_by}, 'closed by migration 011: a second open visit of the same customer that day')`.execute(db);
  }
  await sql`CREATE UNIQUE INDEX visits_one_open_a_day ON visits(customer_id, clinic_date) WHERE status NOT IN ('done', 'left')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
