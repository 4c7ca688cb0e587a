/**
 * The manager's report (issue 18).
 *
 * 1. The day's report generated at closing and kept (a setting): the report's JSON and its three
 *    headline figures, one row per clinic day, generated once (INSERT … ON CONFLICT DO NOTHING).
 * 2. Two covering indexes for the report's reads at five years of data (docs/performance.md): a
 *    month's report reads ~45,000 status events and ~35,000 comfort tasks, a year's ten times as
 *    many, each found by its visit. Through `visit_events_by_visit` (visit_id, at) and
 *    `comfort_tasks_by_visit` (visit_id, due_at) every one of them was a further random read of its
 *    table's row; with the columns the report needs in the index, SQLite reads the index alone
 *    (the profile: a month's events 265 → 105 ms on the bench's loaded machine). A visit's events
 *    and tasks are few, so the board's reads by visit are served as well by either index.
 *
 * The other reads need no new index: a period's visits by `visits_by_day` (clinic_date, status),
 * "came before" by `visits_by_customer`, appointments by `appointments_by_status_start` (checked with
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
  await sql`CREATE INDEX visit_events_for_report ON visit_events(visit_id, at, to_status)`.execute(db);
  await sql`CREATE INDEX comfort_tasks_for_report ON comfort_tasks(visit_id, due_at, done_at, cancelled_at, rule_id, done_by)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
