/**
 * SQL of the manager's report, its care sections (issue 18): escort times, ward rounds, follow-up
 * calls and survey scores. Like ./report.ts, one function per read, aggregated in SQLite where
 * it can be; the bench's floor (bench/report-floor.ts) runs the same reads by hand.
 *
 * A period is the clinic days `from`…`to` (escorts by their visit's day, follow-up calls by their
 * due day: a row past midnight counts once) or the UTC instants `[start, end)` (ward rounds by
 * their due time, surveys by when they were answered).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** One escort with its three times in seconds (null when that step never happened). */
export interface EscortTimeRow {
  id: number;
  /** Its visit's clinic day, and the guide who took it (kept with the day's facts: ./report-facts.ts). */
  clinic_date: string;
  guide_id: number | null;
  guide_name: string | null;
  /** Requested → first taken by a guide. */
  taken_s: number | null;
  /** First taken → first picked up (the guide has the customer). */
  picked_up_s: number | null;
  /** At the door (delivered, or sent with directions) → acknowledged by the room. */
  at_door_s: number | null;
}

/**
 * The escorts of the visits of the days `from`…`to`, each with its times from its events. Found
 * through `escorts_by_requested` (an escort is requested after its visit arrived, and at most a
 * day after its visit's day ends), then kept by the visit's day: an escort past midnight counts once.
 */
export async function escortTimes(db: Db, from: string, to: string, start: string, endPlusDay: string): Promise<EscortTimeRow[]> {
  return (await escortTimesQuery(from, to, start, endPlusDay).execute(db)).rows;
}

export function escortTimesQuery(from: string, to: string, start: string, endPlusDay: string) {
  // Each escort's first events by `escort_events_by_escort` (escort_id, at): a GROUP BY over the
  // join made SQLite scan every escort in id order instead of the period's by `escorts_by_requested`.
  const first = (kinds: ReturnType<typeof sql>) => sql`(SELECT MIN(e.at) FROM escort_events e WHERE e.escort_id = x.id AND e.kind IN (${kinds}))`;
  return sql<EscortTimeRow>`
    WITH x AS (
      SELECT x.id, x.guide_id, x.requested_at, v.clinic_date,
        ${first(sql`'taken'`)} AS taken_at,
        ${first(sql`'picked_up'`)} AS picked_up_at,
        ${first(sql`'delivered', 'directions'`)} AS door_at,
        ${first(sql`'acknowledged'`)} AS acknowledged_at
      FROM escorts x JOIN visits v ON v.id = x.visit_id
      WHERE x.requested_at >= ${start} AND x.requested_at < ${endPlusDay}
        AND v.clinic_date >= ${from} AND v.clinic_date <= ${to}
    )
    SELECT x.id, x.clinic_date, x.guide_id, g.name AS guide_name,
      (julianday(x.taken_at) - julianday(x.requested_at)) * 86400.0 AS taken_s,
      (julianday(x.picked_up_at) - julianday(x.taken_at)) * 86400.0 AS picked_up_s,
      (julianday(x.acknowledged_at) - julianday(x.door_at)) * 86400.0 AS at_door_s
    FROM x LEFT JOIN staff g ON g.id = x.guide_id`;
}

/** One ward round (day or night) due in the period, with how long it lasted and who ended it. */
export interface WardRoundRow {
  stay_id: number;
  kind: 'round' | 'night_round';
  due_at: string;
  started_at: string | null;
  done_at: string | null;
  cancelled_at: string | null;
  nurse_name: string | null;
}

/**
 * The rounds due in `[start, end)` (`ward_tasks_for_report`, migration 022). A round withdrawn
 * before it fell due (the customer went home) was never owed and is left out here.
 */
export async function wardRounds(db: Db, start: string, end: string): Promise<WardRoundRow[]> {
  return (await wardRoundsQuery(start, end).execute(db)).rows;
}

export function wardRoundsQuery(start: string, end: string) {
  return sql<WardRoundRow>`
    SELECT t.stay_id, t.kind, t.due_at, t.started_at, t.done_at, t.cancelled_at, s.name AS nurse_name
    FROM ward_tasks t LEFT JOIN staff s ON s.id = t.done_by
    WHERE t.kind IN ('round', 'night_round') AND t.due_at >= ${start} AND t.due_at < ${end}
      AND (t.cancelled_at IS NULL OR t.done_at IS NOT NULL OR t.cancelled_at > t.due_at)`;
}

/** Follow-up calls due on the days `from`…`to`, counted by kind, day, state and who reached them. */
export interface FollowUpCallRow {
  /** `surgery`: the calls after surgery (follow-up plans); `consultation`: the call after "thinking it over". */
  kind: 'surgery' | 'consultation';
  due_date: string;
  /** 1 when called at least once. */
  called: number;
  reached: number;
  /** 1 when still open. */
  open: number;
  staff_name: string | null;
  n: number;
}

export async function followUpCalls(db: Db, from: string, to: string): Promise<FollowUpCallRow[]> {
  return (await followUpCallsQuery(from, to).execute(db)).rows;
}

export function followUpCallsQuery(from: string, to: string) {
  return sql<FollowUpCallRow>`
    SELECT 'surgery' AS kind, f.due_date,
      CASE WHEN f.attempts > 0 OR f.status = 'done' THEN 1 ELSE 0 END AS called,
      CASE WHEN f.outcome = 'reached' THEN 1 ELSE 0 END AS reached,
      CASE WHEN f.status = 'open' THEN 1 ELSE 0 END AS open,
      s.name AS staff_name, count(*) AS n
    FROM followup_steps f LEFT JOIN staff s ON s.id = f.done_by
    WHERE f.due_date >= ${from} AND f.due_date <= ${to} AND f.kind = 'call' AND f.status != 'cancelled'
    GROUP BY 2, 3, 4, 5, 6
    UNION ALL
    SELECT 'consultation', o.due_date,
      CASE WHEN o.done_at IS NULL THEN 0 ELSE 1 END, 0,
      CASE WHEN o.done_at IS NULL THEN 1 ELSE 0 END, NULL, count(*)
    FROM outcome_followup_calls o
    WHERE o.due_date >= ${from} AND o.due_date <= ${to}
    GROUP BY 2, 3, 5`;
}

/** One survey answered in the period, with the visit's doctor and the customer's name (to be masked). */
export interface SurveyRow {
  id: number;
  created_at: string;
  source: 'staff' | 'kiosk';
  scores: string;
  recommend: number | null;
  comments: string;
  staff_named: string;
  complaint: number;
  customer_name: string | null;
  ticket: string | null;
  doctor_name: string | null;
}

/** Surveys answered in `[start, end)` (`surveys_by_created`, migration 022). */
export async function surveysAnswered(db: Db, start: string, end: string): Promise<SurveyRow[]> {
  return (await surveysAnsweredQuery(start, end).execute(db)).rows;
}

export function surveysAnsweredQuery(start: string, end: string) {
  return sql<SurveyRow>`
    SELECT u.id, u.created_at, u.source, u.scores, u.recommend, u.comments, u.staff_named, u.complaint,
      c.name AS customer_name, v.ticket, d.name AS doctor_name
    FROM surveys u LEFT JOIN customers c ON c.id = u.customer_id
      LEFT JOIN visits v ON v.id = u.visit_id LEFT JOIN staff d ON d.id = v.doctor_id
    WHERE u.created_at >= ${start} AND u.created_at < ${end}
    ORDER BY u.created_at DESC, u.id DESC`;
}

/** Every staff member's name (active or not): who a survey names is matched against them. */
export async function staffNames(db: Db): Promise<string[]> {
  return (await db.selectFrom('staff').select('name').execute()).map((row) => row.name);
}
