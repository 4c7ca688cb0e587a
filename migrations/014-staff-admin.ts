/**
 * Staff administration (issue 13 part 8): a manager adds, edits, deactivates and reactivates staff
 * and resets their PIN. Every staff row gets a version (two managers editing one person: one
 * wins, the other a 409), a flag that makes the person change their PIN at their next sign-in
 * (a first PIN, a reset), who last changed the row and when it was deactivated; the rooms a
 * person works in are their own table. The audit-log viewer filters by person and by action over a
 * date range: each has its index (checked with EXPLAIN QUERY PLAN in staff-admin.test.ts).
 * Forward-only; STRICT tables.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE staff ADD COLUMN version INTEGER NOT NULL DEFAULT 1`.execute(db);
  await sql`ALTER TABLE staff ADD COLUMN must_change_pin INTEGER NOT NULL DEFAULT 0 CHECK (must_change_pin IN (0,1))`.execute(db);
  await sql`ALTER TABLE staff ADD COLUMN deactivated_at TEXT`.execute(db);
  await sql`ALTER TABLE staff ADD COLUMN updated_at TEXT`.execute(db);
  await sql`ALTER TABLE staff ADD COLUMN updated_by INTEGER REFERENCES staff(id)`.execute(db);

  await sql`CREATE TABLE staff_assigned_rooms (
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    room_id INTEGER NOT NULL REFERENCES rooms(id),
    PRIMARY KEY (staff_id, room_id)
  ) STRICT`.execute(db);

  // The audit viewer: one person's actions, or one action's, newest first within a date range.
  await sql`CREATE INDEX audit_by_staff ON audit_log(staff_id, at)`.execute(db);
  await sql`CREATE INDEX audit_by_method ON audit_log(method, at)`.execute(db);
  // Ending a deactivated person's sessions at once reads them by staff (sessions_by_staff, 001).
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
