/**
 * Printing: every slip printed, for whom and by whom (issue 4, item 5: "every print is
 * recorded"). Forward-only; STRICT; indexed for the appointment's and the day's print history.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE print_jobs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('slip')),
    appointment_id INTEGER REFERENCES appointments(id),
    customer_id INTEGER REFERENCES customers(id),
    paper TEXT NOT NULL CHECK (paper IN ('80mm','a5')),
    language TEXT NOT NULL CHECK (language IN ('zh-CN','en')),
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    device TEXT NOT NULL,
    printer TEXT NOT NULL DEFAULT '',
    printed_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX print_jobs_by_appointment ON print_jobs(appointment_id, printed_at)`.execute(db);
  await sql`CREATE INDEX print_jobs_by_time ON print_jobs(printed_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
