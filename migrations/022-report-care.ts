/**
 * The manager's report (issue 18), second part.
 *
 * 1. **The facts of each finished day, kept** (docs/performance.md, 2026-12-04 15:30): a year's
 *    report at five years of data read ~200,000 visits' "came before" (a seek each), ~900,000 status
 *    events sorted by a window function and ~800,000 comfort tasks — 17–25 s on the bench's
 *    machine, the hand-written floor as slow. A finished day's facts no longer change (a wait still
 *    open is counted to the end of its day), so the report keeps them the first time it reads a
 *    day: per visit its two waits worked out, its clinic hour of arrival and its stretches of waiting as
 *    epoch milliseconds (`report_visit_facts`, narrow, by day), per day its
 *    comfort counts (`report_comfort_facts`), and the day as kept (`report_days_kept`). A year is
 *    then ~100,000 narrow rows by `clinic_date`. Triggers forget a kept day whenever one of its
 *    visits, status events or comfort tasks is written, so the next report reads it afresh.
 * 2. Indexes for the care sections' period reads (escort times, ward rounds, follow-up calls,
 *    survey scores), each of which had only a partial index (the open rows).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE report_days_kept (
    clinic_date TEXT NOT NULL PRIMARY KEY,
    kept_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE TABLE report_visit_facts (
    visit_id INTEGER NOT NULL PRIMARY KEY REFERENCES visits(id),
    clinic_date TEXT NOT NULL,
    ticket TEXT NOT NULL,
    kind TEXT NOT NULL,
    arrived_at TEXT NOT NULL,
    doctor_id INTEGER REFERENCES staff(id),
    earlier INTEGER NOT NULL,
    hour INTEGER NOT NULL,
    to_called_s REAL NOT NULL,
    to_consult_s REAL,
    stretches_ms TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX report_visit_facts_by_day ON report_visit_facts(clinic_date)`.execute(db);
  await sql`CREATE TABLE report_comfort_facts (
    clinic_date TEXT NOT NULL,
    rule_id INTEGER REFERENCES comfort_rules(id),
    staff_id INTEGER REFERENCES staff(id),
    outcome TEXT NOT NULL CHECK (outcome IN ('onTime', 'late', 'missed', 'open')),
    n INTEGER NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX report_comfort_facts_by_day ON report_comfort_facts(clinic_date)`.execute(db);
  // A write to a kept day's visit, status events or comfort tasks forgets the day.
  const forget = (table: string, row: 'NEW' | 'OLD', day: string) =>
    sql.raw(`CREATE TRIGGER report_forget_${table}_${row.toLowerCase()}_${day === 'clinic_date' ? 'day' : 'visit'} AFTER ${row === 'NEW' ? 'INSERT' : 'DELETE'} ON ${table}
      BEGIN DELETE FROM report_days_kept WHERE clinic_date = ${day === 'clinic_date' ? `${row}.clinic_date` : `(SELECT clinic_date FROM visits WHERE id = ${row}.visit_id)`}; END`);
  for (const table of ['visit_events', 'comfort_tasks']) {
    await forget(table, 'NEW', 'visit').execute(db);
    await forget(table, 'OLD', 'visit').execute(db);
    await sql.raw(`CREATE TRIGGER report_forget_${table}_update AFTER UPDATE ON ${table}
      BEGIN DELETE FROM report_days_kept WHERE clinic_date IN ((SELECT clinic_date FROM visits WHERE id = NEW.visit_id), (SELECT clinic_date FROM visits WHERE id = OLD.visit_id)); END`).execute(db);
  }
  await forget('visits', 'NEW', 'clinic_date').execute(db);
  await forget('visits', 'OLD', 'clinic_date').execute(db);
  await sql`CREATE TRIGGER report_forget_visits_update AFTER UPDATE ON visits
    BEGIN DELETE FROM report_days_kept WHERE clinic_date IN (NEW.clinic_date, OLD.clinic_date); END`.execute(db);

  await sql`CREATE INDEX ward_tasks_for_report ON ward_tasks(kind, due_at)`.execute(db);
  await sql`CREATE INDEX followup_steps_for_report ON followup_steps(due_date, kind)`.execute(db);
  await sql`CREATE INDEX outcome_followup_calls_by_due ON outcome_followup_calls(due_date)`.execute(db);
  await sql`CREATE INDEX surveys_by_created ON surveys(created_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
