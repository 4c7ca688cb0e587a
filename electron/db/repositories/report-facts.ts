/**
 * The kept facts of finished days for the manager's report (migration 022; docs/performance.md):
 * per visit its "came before", its clinic hour of arrival, its two waits and its stretches of
 * waiting, worked out once (electron/services/report/report-facts.ts) and read back by day; per day
 * its comfort counts, by the same SQL the report runs live (./report.ts); per escort its guide and
 * its three times, by the live read's SQL (./report-care.ts; migration 028). Triggers forget a kept
 * day when one of its visits, status events, comfort tasks, escorts or escort events is written.
 */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database, ReportVisitFactsTable } from '../schema';
import type { ComfortCountRow, ReportVisitRow } from './report';
import { escortTimesQuery, type EscortTimeRow } from './report-care';

type Db = Kysely<Database> | Transaction<Database>;

/** The kept days of `from`…`to`. */
export async function keptDays(db: Db, from: string, to: string): Promise<Set<string>> {
  const rows = await db.selectFrom('report_days_kept').select('clinic_date').where('clinic_date', '>=', from).where('clinic_date', '<=', to).execute();
  return new Set(rows.map((row) => row.clinic_date));
}

/**
 * Keeps the days `from`…`to` (all finished) with their visits' facts, replacing any kept before;
 * the comfort counts and the escort times by SQL, the escorts found in `escortWindow` as the live
 * read finds them (./report-care.ts, `escortTimes`).
 */
export async function keepDays(
  db: Db,
  from: string,
  to: string,
  days: readonly string[],
  visits: readonly Insertable<ReportVisitFactsTable>[],
  escortWindow: { start: string; endPlusDay: string },
  keptAt: string,
): Promise<void> {
  await sql`DELETE FROM report_visit_facts WHERE clinic_date >= ${from} AND clinic_date <= ${to}`.execute(db);
  for (let index = 0; index < visits.length; index += 500) await db.insertInto('report_visit_facts').values(visits.slice(index, index + 500)).execute();
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
  await sql`DELETE FROM report_escort_facts WHERE clinic_date >= ${from} AND clinic_date <= ${to}`.execute(db);
  await sql`
    INSERT INTO report_escort_facts (escort_id, clinic_date, guide_id, taken_s, picked_up_s, at_door_s)
    SELECT id, clinic_date, guide_id, taken_s, picked_up_s, at_door_s
    FROM (${escortTimesQuery(from, to, escortWindow.start, escortWindow.endPlusDay)})`.execute(db);
  for (let index = 0; index < days.length; index += 200) {
    await db
      .insertInto('report_days_kept')
      .values(days.slice(index, index + 200).map((day) => ({ clinic_date: day, kept_at: keptAt })))
      .onConflict((conflict) => conflict.column('clinic_date').doUpdateSet({ kept_at: keptAt }))
      .execute();
  }
}

export type KeptVisitRow = ReportVisitRow & Pick<ReportVisitFactsTable, 'hour' | 'to_called_s' | 'to_consult_s' | 'stretches_ms'>;

/** The kept visits of `from`…`to` (`report_visit_facts_by_day`). */
export async function keptVisits(db: Db, from: string, to: string): Promise<KeptVisitRow[]> {
  const result = await sql<KeptVisitRow>`
    SELECT f.visit_id AS id, f.ticket, f.kind, f.clinic_date, f.arrived_at, f.doctor_id, s.name AS doctor_name, f.earlier,
      f.hour, f.to_called_s, f.to_consult_s, f.stretches_ms
    FROM report_visit_facts f LEFT JOIN staff s ON s.id = f.doctor_id
    WHERE f.clinic_date >= ${from} AND f.clinic_date <= ${to}`.execute(db);
  return result.rows;
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

/** The kept escort times of `from`…`to` (`report_escort_facts_by_day`), in the shape of the live `escortTimes`. */
export async function keptEscortTimes(db: Db, from: string, to: string): Promise<EscortTimeRow[]> {
  const result = await sql<EscortTimeRow>`
    SELECT f.escort_id AS id, f.clinic_date, f.guide_id, g.name AS guide_name, f.taken_s, f.picked_up_s, f.at_door_s
    FROM report_escort_facts f LEFT JOIN staff g ON g.id = f.guide_id
    WHERE f.clinic_date >= ${from} AND f.clinic_date <= ${to}`.execute(db);
  return result.rows;
}
