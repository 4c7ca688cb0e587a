/**
 * After surgery (seed 000 steps 9–10; seed 004 rules 11 and 23): follow-up plans and their dated
 * steps (calls and visits), each call attempt, concerns escalated to the doctor, the consultant
 * step of a follow-up visit, and satisfaction surveys with what the manager did about a low one.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE followup_plans (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    item_id INTEGER REFERENCES items(id),
    surgery_at TEXT NOT NULL,
    discharged_at TEXT,
    visit_id INTEGER REFERENCES visits(id),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES staff(id)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX followup_plans_by_customer ON followup_plans(customer_id)`.execute(db);

  await sql`CREATE TABLE followup_steps (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES followup_plans(id),
    kind TEXT NOT NULL CHECK (kind IN ('call','visit')),
    label TEXT NOT NULL,
    due_date TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try_at TEXT,
    outcome TEXT,
    feeling TEXT NOT NULL DEFAULT '',
    questions TEXT NOT NULL DEFAULT '',
    appointment_id INTEGER REFERENCES appointments(id),
    done_at TEXT,
    done_by INTEGER REFERENCES staff(id),
    version INTEGER NOT NULL DEFAULT 1
  ) STRICT`.execute(db);
  // The call list reads the open steps due up to a day.
  await sql`CREATE INDEX followup_steps_open ON followup_steps(due_date) WHERE status = 'open'`.execute(db);
  await sql`CREATE INDEX followup_steps_by_plan ON followup_steps(plan_id)`.execute(db);

  await sql`CREATE TABLE followup_concerns (
    id INTEGER PRIMARY KEY,
    step_id INTEGER NOT NULL REFERENCES followup_steps(id),
    doctor_id INTEGER REFERENCES staff(id),
    text TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    raised_by INTEGER NOT NULL REFERENCES staff(id),
    answer TEXT,
    answered_at TEXT,
    answered_by INTEGER REFERENCES staff(id)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX followup_concerns_open ON followup_concerns(raised_at) WHERE answered_at IS NULL`.execute(db);

  await sql`CREATE TABLE followup_visit_checks (
    id INTEGER PRIMARY KEY,
    visit_id INTEGER NOT NULL UNIQUE REFERENCES visits(id),
    consultant_started_at TEXT NOT NULL,
    consultant_id INTEGER NOT NULL REFERENCES staff(id),
    surgeon_seen_at TEXT,
    surgeon_id INTEGER REFERENCES staff(id)
  ) STRICT`.execute(db);

  await sql`CREATE TABLE surveys (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER REFERENCES customers(id),
    visit_id INTEGER REFERENCES visits(id),
    step_id INTEGER REFERENCES followup_steps(id),
    source TEXT NOT NULL CHECK (source IN ('staff','kiosk')),
    scores TEXT NOT NULL,
    recommend INTEGER CHECK (recommend BETWEEN 0 AND 10),
    comments TEXT NOT NULL DEFAULT '',
    staff_named TEXT NOT NULL DEFAULT '',
    complaint INTEGER NOT NULL DEFAULT 0 CHECK (complaint IN (0,1)),
    low INTEGER NOT NULL DEFAULT 0 CHECK (low IN (0,1)),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES staff(id),
    handled_note TEXT,
    handled_at TEXT,
    handled_by INTEGER REFERENCES staff(id)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX surveys_low_open ON surveys(created_at) WHERE low = 1 AND handled_at IS NULL`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
