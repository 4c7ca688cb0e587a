/**
 * The manager's report, its care sections (issue 18: escort times, ward rounds, follow-up calls,
 * survey scores). Each reads one period's rows by a time column that had only a partial index (the
 * open rows: what the ward and the call list ask for); a year's report at five years of data would
 * scan the whole table for each of them. Escorts need none: they are found by their visit's day
 * through `escorts_by_requested` (electron/db/repositories/report-care.ts).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX ward_tasks_for_report ON ward_tasks(kind, due_at)`.execute(db);
  await sql`CREATE INDEX followup_steps_for_report ON followup_steps(due_date, kind)`.execute(db);
  await sql`CREATE INDEX outcome_followup_calls_by_due ON outcome_followup_calls(due_date)`.execute(db);
  await sql`CREATE INDEX surveys_by_created ON surveys(created_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
