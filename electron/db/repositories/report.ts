/**
 * SQL of the manager's report (issue 18): every read of a period's visits, status events,
 * appointments and comfort tasks, aggregated in SQLite where it can be (a year is 100,000 visits
 * and 450,000 status events at a busy clinic: the wait of each visit is summed here, not in
 * JavaScript). A visit belongs to the clinic day of its arrival (`visits.clinic_date`), so a visit
 * that runs past midnight, or a range over a month's end, counts each visit and its events once.
 *
 * Plain SQL (window functions, `julianday`) that PostgreSQL also speaks with small changes; the
 * bench's floor (bench/report-floor.ts) runs the same aggregates by hand on raw better-sqlite3.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** One visit of the period with its waits, summed from its status events. */
export interface VisitWaitRow {
  id: number;
  ticket: string;
  kind: string;
  clinic_date: string;
  arrived_at: string;
  doctor_id: number | null;
  doctor_name: string | null;
  /** 1 when the customer has a visit that arrived before this one (a return), else 0. */
  earlier: number;
  /** Seconds in `waiting`, over every closed stretch (a customer sent back to wait keeps the first). */
  waited_s: number;
  /** When a stretch of waiting still open began (the customer is still waiting), or null. */
  open_since: string | null;
  /** The first call and the first moment in consultation. */
  called_at: string | null;
  consult_at: string | null;
}

/**
 * Each visit of the days `from`…`to` with its waits: the closed waiting stretches summed, the open
 * one's start, the first call and the first consultation.
 */
export async function visitWaitRows(db: Db, from: string, to: string): Promise<VisitWaitRow[]> {
  const result = await sql<VisitWaitRow>`
    WITH ev AS (
      SELECT e.visit_id, e.to_status, e.at,
        LEAD(e.at) OVER (PARTITION BY e.visit_id ORDER BY e.at, e.id) AS next_at
      FROM visits v JOIN visit_events e ON e.visit_id = v.id
      WHERE v.clinic_date >= ${from} AND v.clinic_date <= ${to}
    ), per AS (
      SELECT visit_id,
        COALESCE(SUM(CASE WHEN to_status = 'waiting' AND next_at IS NOT NULL THEN (julianday(next_at) - julianday(at)) * 86400.0 END), 0) AS waited_s,
        MAX(CASE WHEN to_status = 'waiting' AND next_at IS NULL THEN at END) AS open_since,
        MIN(CASE WHEN to_status = 'called' THEN at END) AS called_at,
        MIN(CASE WHEN to_status = 'in_consultation' THEN at END) AS consult_at
      FROM ev GROUP BY visit_id
    )
    SELECT v.id, v.ticket, v.kind, v.clinic_date, v.arrived_at, v.doctor_id, s.name AS doctor_name,
      EXISTS (SELECT 1 FROM visits p WHERE p.customer_id = v.customer_id AND p.arrived_at < v.arrived_at) AS earlier,
      per.waited_s, per.open_since, per.called_at, per.consult_at
    FROM per JOIN visits v ON v.id = per.visit_id LEFT JOIN staff s ON s.id = v.doctor_id
    ORDER BY v.id`.execute(db);
  return result.rows;
}

/** Arrivals of the days `from`…`to` by day, ticket kind and whether the customer came before. */
export async function arrivalCounts(db: Db, from: string, to: string): Promise<{ clinic_date: string; kind: string; earlier: number; n: number }[]> {
  const result = await sql<{ clinic_date: string; kind: string; earlier: number; n: number }>`
    SELECT v.clinic_date, v.kind,
      EXISTS (SELECT 1 FROM visits p WHERE p.customer_id = v.customer_id AND p.arrived_at < v.arrived_at) AS earlier,
      count(*) AS n
    FROM visits v WHERE v.clinic_date >= ${from} AND v.clinic_date <= ${to}
    GROUP BY 1, 2, 3`.execute(db);
  return result.rows;
}

/**
 * The appointments of the instants `[start, end)` that did not come: cancelled (with the reason
 * typed), marked no-show, or still booked or confirmed when their clinic day was over (`dayOver`
 * is the start of the clinic's today: an appointment before it that nobody checked in is a no-show).
 */
export async function missedAppointments(db: Db, start: string, end: string, dayOver: string): Promise<{ starts_at: string; status: string; cancel_reason: string | null }[]> {
  const result = await sql<{ starts_at: string; status: string; cancel_reason: string | null }>`
    SELECT a.starts_at, a.status, a.cancel_reason FROM appointments a
    WHERE a.starts_at >= ${start} AND a.starts_at < ${end}
      AND (a.status IN ('cancelled', 'no_show') OR (a.status IN ('booked', 'confirmed') AND a.starts_at < ${dayOver}))`.execute(db);
  return result.rows;
}

/** Every stretch of waiting of the period's visits: when it began and when it ended (null: still open). */
export async function waitingStretches(db: Db, from: string, to: string): Promise<{ clinic_date: string; start: string; end: string | null }[]> {
  const result = await sql<{ clinic_date: string; start: string; end: string | null }>`
    SELECT clinic_date, at AS start, next_at AS "end" FROM (
      SELECT v.clinic_date, e.to_status, e.at,
        LEAD(e.at) OVER (PARTITION BY e.visit_id ORDER BY e.at, e.id) AS next_at
      FROM visits v JOIN visit_events e ON e.visit_id = v.id
      WHERE v.clinic_date >= ${from} AND v.clinic_date <= ${to}
    ) WHERE to_status = 'waiting'`.execute(db);
  return result.rows;
}

/** How the period's comfort tasks went, by kind (rule code, or `manual`), staff member and outcome. */
export interface ComfortCountRow {
  kind: string;
  label: string | null;
  label_en: string | null;
  staff_id: number | null;
  staff_name: string | null;
  outcome: 'onTime' | 'late' | 'missed' | 'open';
  n: number;
}

/**
 * Comfort tasks of the days' visits, counted by kind, by who did them and by outcome (see
 * shared/domain/report.ts `comfortOutcome`). A task withdrawn before it fell due was never owed and
 * is not counted (shared/domain/comfort.ts `isMissed`).
 */
export async function comfortCounts(db: Db, from: string, to: string): Promise<ComfortCountRow[]> {
  const result = await sql<ComfortCountRow>`
    SELECT COALESCE(r.code, 'manual') AS kind, r.label, r.label_en, k.done_by AS staff_id, s.name AS staff_name,
      CASE WHEN k.done_at IS NOT NULL AND k.done_at <= k.due_at THEN 'onTime'
           WHEN k.done_at IS NOT NULL THEN 'late'
           WHEN k.cancelled_at IS NOT NULL THEN 'missed'
           ELSE 'open' END AS outcome,
      count(*) AS n
    FROM visits v JOIN comfort_tasks k ON k.visit_id = v.id
      LEFT JOIN comfort_rules r ON r.id = k.rule_id
      LEFT JOIN staff s ON s.id = k.done_by
    WHERE v.clinic_date >= ${from} AND v.clinic_date <= ${to}
      AND (k.cancelled_at IS NULL OR k.cancelled_at > k.due_at)
    GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
  return result.rows;
}

/** The status events of a few visits with who moved them, and each visit's customer's name (to be masked). */
export async function visitTimelines(db: Db, visitIds: readonly number[]): Promise<{ visit_id: number; customer_name: string; to_status: string; at: string; staff_name: string | null }[]> {
  if (visitIds.length === 0) return [];
  const result = await sql<{ visit_id: number; customer_name: string; to_status: string; at: string; staff_name: string | null }>`
    SELECT e.visit_id, c.name AS customer_name, e.to_status, e.at, s.name AS staff_name
    FROM visit_events e JOIN visits v ON v.id = e.visit_id JOIN customers c ON c.id = v.customer_id
      LEFT JOIN staff s ON s.id = e.staff_id
    WHERE e.visit_id IN (${sql.join(visitIds)})
    ORDER BY e.visit_id, e.at, e.id`.execute(db);
  return result.rows;
}
