/**
 * Notifications (issue 5, item 6): what the scheduler raised — a roster not confirmed by opening
 * time, a checklist not done by its time, later an overdue comfort round or a wait past red —
 * for which roles, and who has read it. "One per thing per escalation" is the table's UNIQUE key,
 * so a restarted scheduler (or two ticks racing) can never raise the same thing twice.
 * Forward-only; STRICT; every query path has its index.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind GLOB '[a-z]*' AND length(kind) <= 60),
    subject_kind TEXT NOT NULL CHECK (subject_kind GLOB '[a-z]*' AND length(subject_kind) <= 60),
    subject_id TEXT NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 120),
    escalation TEXT NOT NULL CHECK (length(escalation) BETWEEN 1 AND 60),
    title_key TEXT NOT NULL,
    body_key TEXT NOT NULL,
    params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params) AND json_type(params) = 'object'),
    link TEXT NOT NULL CHECK (link GLOB '#/*'),
    created_at TEXT NOT NULL,
    UNIQUE (kind, subject_kind, subject_id, escalation)
  ) STRICT`.execute(db);

  // Who is told: one row per role, so "the newest for my role" walks one index.
  await sql`CREATE TABLE notification_roles (
    notification_id INTEGER NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('reception','guide','consultant','nurse','doctor','manager')),
    PRIMARY KEY (role, notification_id)
  ) STRICT, WITHOUT ROWID`.execute(db);

  // Read is per person: one reception clerk reading it does not hide it from the other.
  await sql`CREATE TABLE notification_reads (
    notification_id INTEGER NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    read_at TEXT NOT NULL,
    PRIMARY KEY (staff_id, notification_id)
  ) STRICT, WITHOUT ROWID`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
