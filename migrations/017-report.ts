/**
 * The manager's report (issue 18): the day's report generated at closing and kept (a setting),
 * as the report's JSON and its three headline figures, one row per clinic day. Kept reports are
 * listed newest first (the primary key) and a day is generated once (INSERT … ON CONFLICT).
 *
 * The report's reads need no new index: a period's visits by `visits_by_day` (clinic_date, status),
 * their status events by `visit_events_by_visit`, comfort tasks by `comfort_tasks_by_visit`,
 * appointments by `appointments_by_start`, "came before" by `visits_by_customer` (checked with
 * EXPLAIN QUERY PLAN in electron/services/report/report-service.test.ts).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE kept_reports (
    clinic_date TEXT NOT NULL PRIMARY KEY CHECK (clinic_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    generated_at TEXT NOT NULL,
    language TEXT NOT NULL,
    headline TEXT NOT NULL,
    report TEXT NOT NULL
  ) STRICT`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
