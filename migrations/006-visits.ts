/**
 * Arrivals (seed 000 step 5): a visit per customer per day with its ticket, and every change of
 * its status as an event with time and staff — the one source of every wait figure.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE visits (
    id INTEGER PRIMARY KEY,
    clinic_date TEXT NOT NULL CHECK (clinic_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    appointment_id INTEGER UNIQUE REFERENCES appointments(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    kind TEXT NOT NULL CHECK (kind IN ('appointment','walk_in','followup')),
    ticket TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('waiting','called','escorting','in_consultation','pre_op_exam','done','left')),
    priority INTEGER NOT NULL DEFAULT 0,
    doctor_id INTEGER REFERENCES staff(id),
    room_id INTEGER REFERENCES rooms(id),
    item_id INTEGER REFERENCES items(id),
    arrived_at TEXT NOT NULL,
    checked_in_by INTEGER NOT NULL REFERENCES staff(id),
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (clinic_date, ticket)
  ) STRICT`.execute(db);
  // The board reads one day's visits.
  await sql`CREATE INDEX visits_by_day ON visits(clinic_date, status)`.execute(db);
  await sql`CREATE INDEX visits_by_customer ON visits(customer_id, arrived_at)`.execute(db);

  // A ticket number is never reused within the day, even if a visit were removed.
  await sql`CREATE TABLE ticket_counters (
    clinic_date TEXT NOT NULL,
    prefix TEXT NOT NULL CHECK (prefix IN ('A','W','F')),
    last INTEGER NOT NULL,
    PRIMARY KEY (clinic_date, prefix)
  ) STRICT`.execute(db);

  await sql`CREATE TABLE visit_events (
    id INTEGER PRIMARY KEY,
    visit_id INTEGER NOT NULL REFERENCES visits(id),
    from_status TEXT,
    to_status TEXT NOT NULL,
    at TEXT NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    room_id INTEGER REFERENCES rooms(id),
    note TEXT NOT NULL DEFAULT ''
  ) STRICT`.execute(db);
  await sql`CREATE INDEX visit_events_by_visit ON visit_events(visit_id, at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
