/**
 * Booking: who confirmed an appointment and when, why it was cancelled, a manager's override of
 * the shift and overlap rules, and the confirmation calls made for it (seed 000 step 3).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE appointments ADD COLUMN confirmed_at TEXT`.execute(db);
  await sql`ALTER TABLE appointments ADD COLUMN confirmed_by INTEGER REFERENCES staff(id)`.execute(db);
  await sql`ALTER TABLE appointments ADD COLUMN cancel_reason TEXT`.execute(db);
  await sql`ALTER TABLE appointments ADD COLUMN override_by INTEGER REFERENCES staff(id)`.execute(db);
  await sql`ALTER TABLE appointments ADD COLUMN booked_by INTEGER REFERENCES staff(id)`.execute(db);

  await sql`CREATE TABLE confirmation_calls (
    id INTEGER PRIMARY KEY,
    appointment_id INTEGER NOT NULL REFERENCES appointments(id),
    outcome TEXT NOT NULL CHECK (outcome IN ('confirmed','no_answer','rescheduled','cancelled')),
    note TEXT NOT NULL DEFAULT '',
    called_at TEXT NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff(id)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX confirmation_calls_by_appointment ON confirmation_calls(appointment_id, called_at)`.execute(db);
  // The call list reads a day's unconfirmed bookings: status then start time.
  await sql`CREATE INDEX appointments_by_status_start ON appointments(status, starts_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
