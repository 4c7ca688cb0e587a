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

/** One visit of the period: who came when, to which doctor, and whether the customer came before. */
export interface ReportVisitRow {
  id: number;
  ticket: string;
  kind: string;
  clinic_date: string;
  arrived_at: string;
  doctor_id: number | null;
  doctor_name: string | null;
  /** 1 when the customer has a visit that arrived before this one (a return), else 0. */
  earlier: number;
}

/** The visits of the days `from`…`to` (`visits_by_day`; "came before" through `visits_by_customer`). */
export async function reportVisits(db: Db, from: string, to: string): Promise<ReportVisitRow[]> {
  return (await reportVisitsQuery(from, to).execute(db)).rows;
}

/** The query of `reportVisits`, unexecuted (the EXPLAIN test compiles it). */
export function reportVisitsQuery(from: string, to: string) {
  return sql<ReportVisitRow>`
    SELECT v.id, v.ticket, v.kind, v.clinic_date, v.arrived_at, v.doctor_id, s.name AS doctor_name,
      EXISTS (SELECT 1 FROM visits p WHERE p.customer_id = v.customer_id AND p.arrived_at < v.arrived_at) AS earlier
    FROM visits v LEFT JOIN staff s ON s.id = v.doctor_id
    WHERE v.clinic_date >= ${from} AND v.clinic_date <= ${to}`;
}

/** Each visit's waits, summed from its status events. */
export interface VisitWaitRow {
  visit_id: number;
  /** Seconds in `waiting`, over every closed stretch (a customer sent back to wait keeps the first). */
  waited_s: number;
  /**
   * Every stretch of waiting as `start>end` joined by commas; the end is empty for a stretch still
   * open (the customer is still waiting). The queue over the day is counted from these.
   */
  stretches: string | null;
  /** The first call and the first moment in consultation. */
  called_at: string | null;
  consult_at: string | null;
}

/**
 * The waits of each visit of the days `from`…`to`, from its status events in one pass (each event
 * with the next one's time, `LEAD`): closed stretches of waiting summed, every stretch listed, the
 * first call and the first consultation. The events come from the covering index
 * `visit_events_for_report` (migration 017): a month is ~45,000 events, a year ~450,000.
 */
export async function visitWaitRows(db: Db, from: string, to: string): Promise<VisitWaitRow[]> {
  return (await visitWaitRowsQuery(from, to).execute(db)).rows;
}

/** The query of `visitWaitRows`, unexecuted (the EXPLAIN test compiles it). */
export function visitWaitRowsQuery(from: string, to: string) {
  return sql<VisitWaitRow>`
    WITH ev AS (
      SELECT e.visit_id, e.to_status, e.at,
        LEAD(e.at) OVER (PARTITION BY e.visit_id ORDER BY e.at, e.id) AS next_at
      FROM visits v JOIN visit_events e ON e.visit_id = v.id
      WHERE v.clinic_date >= ${from} AND v.clinic_date <= ${to}
    )
    SELECT visit_id,
      COALESCE(SUM(CASE WHEN to_status = 'waiting' AND next_at IS NOT NULL THEN (julianday(next_at) - julianday(at)) * 86400.0 END), 0) AS waited_s,
      group_concat(CASE WHEN to_status = 'waiting' THEN at || '>' || COALESCE(next_at, '') END) AS stretches,
      MIN(CASE WHEN to_status = 'called' THEN at END) AS called_at,
      MIN(CASE WHEN to_status = 'in_consultation' THEN at END) AS consult_at
    FROM ev GROUP BY visit_id`;
}

/**
 * The appointments of the instants `[start, end)` that did not come: cancelled (with the reason
 * typed), marked no-show, or still booked or confirmed when their clinic day was over (`dayOver`
 * is the start of the clinic's today: an appointment before it that nobody checked in is a no-show).
 */
export async function missedAppointments(db: Db, start: string, end: string, dayOver: string): Promise<{ starts_at: string; status: string; cancel_reason: string | null }[]> {
  return (await missedAppointmentsQuery(start, end, dayOver).execute(db)).rows;
}

/** The query of `missedAppointments`, unexecuted (the EXPLAIN test compiles it). */
export function missedAppointmentsQuery(start: string, end: string, dayOver: string) {
  return sql<{ starts_at: string; status: string; cancel_reason: string | null }>`
    SELECT a.starts_at, a.status, a.cancel_reason FROM appointments a
    WHERE a.starts_at >= ${start} AND a.starts_at < ${end}
      AND (a.status IN ('cancelled', 'no_show') OR (a.status IN ('booked', 'confirmed') AND a.starts_at < ${dayOver}))`;
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
  return (await comfortCountsQuery(from, to).execute(db)).rows;
}

/** The query of `comfortCounts`, unexecuted (the EXPLAIN test compiles it). */
export function comfortCountsQuery(from: string, to: string) {
  return sql<ComfortCountRow>`
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
    GROUP BY 1, 2, 3, 4, 5, 6`;
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
