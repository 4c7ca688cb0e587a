/**
 * The doctors' roster (seed 000, reception flow step 4): weekly shift templates per doctor,
 * per-day overrides, and the morning confirmation reception makes before opening. Weekdays are
 * ISO: 1 = Monday … 7 = Sunday. Times are the clinic's wall clock `HH:MM`; dates clinic days.
 * Also marks appointments that must be rescheduled (the confirmation call list reads it).
 * Forward-only; STRICT tables; every query path has its index.
 */
import { sql, type Kysely } from 'kysely';

/** A wall-clock time `HH:MM` (00:00–23:59). */
const timeCheck = (column: string) => sql.raw(`${column} GLOB '[0-2][0-9]:[0-5][0-9]' AND ${column} < '24:00'`);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE shift_templates (
    id INTEGER PRIMARY KEY,
    doctor_id INTEGER NOT NULL REFERENCES staff(id),
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_time TEXT NOT NULL CHECK (${timeCheck('start_time')}),
    end_time TEXT NOT NULL CHECK (${timeCheck('end_time')}),
    room_id INTEGER REFERENCES rooms(id),
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES staff(id),
    CHECK (start_time < end_time),
    UNIQUE (doctor_id, weekday)
  ) STRICT`.execute(db);
  // Resolving a day reads every template of its weekday.
  await sql`CREATE INDEX shift_templates_by_weekday ON shift_templates(weekday)`.execute(db);

  await sql`CREATE TABLE shift_overrides (
    id INTEGER PRIMARY KEY,
    doctor_id INTEGER NOT NULL REFERENCES staff(id),
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kind TEXT NOT NULL CHECK (kind IN ('off','hours','room')),
    start_time TEXT CHECK (start_time IS NULL OR (${timeCheck('start_time')})),
    end_time TEXT CHECK (end_time IS NULL OR (${timeCheck('end_time')})),
    room_id INTEGER REFERENCES rooms(id),
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES staff(id),
    CHECK (kind <> 'hours' OR (start_time IS NOT NULL AND end_time IS NOT NULL AND start_time < end_time)),
    CHECK (kind <> 'room' OR room_id IS NOT NULL),
    UNIQUE (doctor_id, date)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX shift_overrides_by_date ON shift_overrides(date)`.execute(db);

  await sql`CREATE TABLE roster_confirmations (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    doctor_id INTEGER NOT NULL REFERENCES staff(id),
    status TEXT NOT NULL CHECK (status IN ('present','late','absent')),
    late_until TEXT CHECK (late_until IS NULL OR (${timeCheck('late_until')})),
    room_id INTEGER REFERENCES rooms(id),
    confirmed_by INTEGER NOT NULL REFERENCES staff(id),
    confirmed_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    CHECK ((status = 'late') = (late_until IS NOT NULL)),
    UNIQUE (date, doctor_id)
  ) STRICT`.execute(db);

  // Only doctors have shifts: a CHECK cannot look at staff, a trigger can.
  for (const table of ['shift_templates', 'shift_overrides', 'roster_confirmations']) {
    for (const event of ['INSERT', 'UPDATE OF doctor_id']) {
      const name = `${table}_doctor_only_${event === 'INSERT' ? 'insert' : 'update'}`;
      await sql
        .raw(
          `CREATE TRIGGER ${name} BEFORE ${event} ON ${table}
           WHEN (SELECT role FROM staff WHERE id = NEW.doctor_id) IS NOT 'doctor'
           BEGIN SELECT RAISE(ABORT, '${table}.doctor_id must be a doctor'); END`,
        )
        .execute(db);
    }
  }

  // The morning confirmation puts an appointment on the call list to reschedule (step 4).
  await sql`ALTER TABLE appointments ADD COLUMN needs_reschedule INTEGER NOT NULL DEFAULT 0
    CHECK (needs_reschedule IN (0,1))`.execute(db);
  await sql`CREATE INDEX appointments_needing_reschedule ON appointments(starts_at)
    WHERE needs_reschedule = 1`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
