/**
 * The kept facts of finished days for the manager's report (migration 022; docs/performance.md):
 * each visit's "came before" and the raw facts of its waits, and each day's comfort counts, written
 * once by the same SQL the report runs live (./report.ts) and read back by day. Triggers forget a
 * kept day when one of its visits, status events or comfort tasks is written.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';
import { visitWaitRowsQuery, type ComfortCountRow, type ReportVisitRow, type VisitWaitRow } from './report';

type Db = Kysely<Database> | Transaction<Database>;

/** The kept days of `from`…`to`. */
export async function keptDays(db: Db, from: string, to: string): Promise<Set<string>> {
  const rows = await db.selectFrom('report_days_kept').select('clinic_date').where('clinic_date', '>=', from).where('clinic_date', '<=', to).execute();
  return new Set(rows.map((row) => row.clinic_date));
}

/** Works out and keeps the facts of the days `from`…`to` (all finished), replacing any kept before. */
export async function keepDays(db: Transaction<Database> | Kysely<Database>, from: string, to: string, days: readonly string[], keptAt: string): Promise<void> {
  await sql`DELETE FROM report_visit_facts WHERE clinic_date >= ${from} AND clinic_date <= ${to}`.execute(db);
  await sql`
    INSERT INTO report_visit_facts (visit_id, clinic_date, ticket, kind, arrived_at, doctor_id, earlier, waited_s, stretches, called_at, consult_at)
    WITH w AS (${visitWaitRowsQuery(from, to)})
    SELECT v.id, v.clinic_date, v.ticket, v.kind, v.arrived_at, v.doctor_id,
      EXISTS (SELECT 1 FROM visits p WHERE p.customer_id = v.customer_id AND p.arrived_at < v.arrived_at),
      COALESCE(w.waited_s, 0), w.stretches, w.called_at, w.consult_at
    FROM visits v LEFT JOIN w ON w.visit_id = v.id
    WHERE v.clinic_date >= ${from} AND v.clinic_date <= ${to}`.execute(db);
  await sql`DELETE FROM report_comfort_facts WHERE clinic_date >= ${from} AND clinic_date <= ${to}`.execute(db);
  await sql`
    INSERT INTO report_comfort_facts (clinic_date, rule_id, staff_id, outcome, n)
    SELECT v.clinic_date, k.rule_id, k.done_by,
      CASE WHEN k.done_at IS NOT NULL AND k.done_at <= k.due_at THEN 'onTime'
           WHEN k.done_at IS NOT NULL THEN 'late'
           WHEN k.cancelled_at IS NOT NULL THEN 'missed'
           ELSE 'open' END,
      count(*)
    FROM visits v JOIN comfort_tasks k ON k.visit_id = v.id
    WHERE v.clinic_date >= ${from} AND v.clinic_date <= ${to}
      AND (k.cancelled_at IS NULL OR k.cancelled_at > k.due_at)
    GROUP BY 1, 2, 3, 4`.execute(db);
  for (let index = 0; index < days.length; index += 200) {
    const chunk = days.slice(index, index + 200);
    await db
      .insertInto('report_days_kept')
      .values(chunk.map((day) => ({ clinic_date: day, kept_at: keptAt })))
      .onConflict((conflict) => conflict.column('clinic_date').doUpdateSet({ kept_at: keptAt }))
      .execute();
  }
}

/** The kept visits of `from`…`to` with their waits' facts, in the shape of the live reads. */
export async function keptVisits(db: Db, from: string, to: string): Promise<{ visit: ReportVisitRow; waits: VisitWaitRow }[]> {
  const result = await sql<ReportVisitRow & Omit<VisitWaitRow, 'visit_id'>>`
    SELECT f.visit_id AS id, f.ticket, f.kind, f.clinic_date, f.arrived_at, f.doctor_id, s.name AS doctor_name, f.earlier,
      f.waited_s, f.stretches, f.called_at, f.consult_at
    FROM report_visit_facts f LEFT JOIN staff s ON s.id = f.doctor_id
    WHERE f.clinic_date >= ${from} AND f.clinic_date <= ${to}`.execute(db);
  return result.rows.map((row) => ({
    visit: { id: row.id, ticket: row.ticket, kind: row.kind, clinic_date: row.clinic_date, arrived_at: row.arrived_at, doctor_id: row.doctor_id, doctor_name: row.doctor_name, earlier: row.earlier },
    waits: { visit_id: row.id, waited_s: row.waited_s, stretches: row.stretches, called_at: row.called_at, consult_at: row.consult_at },
  }));
}

/** The kept comfort counts of `from`…`to`, in the shape of the live `comfortCounts`. */
export async function keptComfortCounts(db: Db, from: string, to: string): Promise<ComfortCountRow[]> {
  const result = await sql<ComfortCountRow>`
    SELECT COALESCE(r.code, 'manual') AS kind, r.label, r.label_en, f.staff_id, s.name AS staff_name, f.outcome, SUM(f.n) AS n
    FROM report_comfort_facts f LEFT JOIN comfort_rules r ON r.id = f.rule_id LEFT JOIN staff s ON s.id = f.staff_id
    WHERE f.clinic_date >= ${from} AND f.clinic_date <= ${to}
    GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
  return result.rows;
}
