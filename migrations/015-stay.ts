/**
 * From the consultation to discharge (issue 16; seed 000 steps 7–9, seed 004 rules 4–7, 12–21, 23):
 * the consultation's outcome and the follow-up call of a customer thinking it over, signed
 * surgical consent on file (医疗美容服务管理办法 Art. 19–20), the psychological screen and the
 * decisions it asks for, the stay on a ward bed with its tasks, and the aftercare templates.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE consultation_outcomes (
    id INTEGER PRIMARY KEY,
    visit_id INTEGER NOT NULL UNIQUE REFERENCES visits(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    outcome TEXT NOT NULL CHECK (outcome IN ('decided','thinking','not_now','referred')),
    doctor_id INTEGER REFERENCES staff(id),
    item_id INTEGER REFERENCES items(id),
    medicine_cost_yuan INTEGER NOT NULL DEFAULT 0 CHECK (medicine_cost_yuan >= 0),
    preop_appointment_id INTEGER REFERENCES appointments(id),
    surgery_appointment_id INTEGER REFERENCES appointments(id),
    referred_to TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES staff(id)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX consultation_outcomes_by_surgery ON consultation_outcomes(surgery_appointment_id) WHERE surgery_appointment_id IS NOT NULL`.execute(db);

  // "Thinking it over": a call in N days, a row the follow-up feature picks up.
  await sql`CREATE TABLE outcome_followup_calls (
    id INTEGER PRIMARY KEY,
    outcome_id INTEGER NOT NULL REFERENCES consultation_outcomes(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    due_date TEXT NOT NULL,
    created_at TEXT NOT NULL,
    done_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX outcome_followup_calls_due ON outcome_followup_calls(due_date) WHERE done_at IS NULL`.execute(db);

  await sql`CREATE TABLE surgery_consents (
    id INTEGER PRIMARY KEY,
    appointment_id INTEGER NOT NULL UNIQUE REFERENCES appointments(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    signed_on TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES staff(id),
    recorded_at TEXT NOT NULL
  ) STRICT`.execute(db);

  await sql`CREATE TABLE screenings (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    instrument TEXT NOT NULL CHECK (instrument IN ('bddq_as')),
    answers TEXT NOT NULL,
    positive INTEGER NOT NULL CHECK (positive IN (0,1)),
    taken_at TEXT NOT NULL,
    taken_by INTEGER NOT NULL REFERENCES staff(id)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX screenings_by_customer ON screenings(customer_id, taken_at)`.execute(db);

  await sql`CREATE TABLE screening_decisions (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    screening_id INTEGER REFERENCES screenings(id),
    decision TEXT NOT NULL CHECK (decision IN ('proceed','refer','postpone')),
    reason TEXT NOT NULL,
    appointment_id INTEGER REFERENCES appointments(id),
    decided_at TEXT NOT NULL,
    decided_by INTEGER NOT NULL REFERENCES staff(id)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX screening_decisions_by_customer ON screening_decisions(customer_id, decided_at)`.execute(db);

  await sql`CREATE TABLE stays (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    surgery_appointment_id INTEGER REFERENCES appointments(id),
    item_id INTEGER REFERENCES items(id),
    room_id INTEGER NOT NULL REFERENCES rooms(id),
    bed INTEGER NOT NULL CHECK (bed >= 1),
    admitted_at TEXT NOT NULL,
    admitted_by INTEGER NOT NULL REFERENCES staff(id),
    surgery_at TEXT,
    medicine_cost_yuan INTEGER NOT NULL DEFAULT 0,
    infusion_since TEXT,
    aftercare_printed_at TEXT,
    discharged_at TEXT,
    discharged_by INTEGER REFERENCES staff(id),
    version INTEGER NOT NULL DEFAULT 1
  ) STRICT`.execute(db);
  // One customer in one bed: of two nurses admitting to one bed, the database lets one win.
  await sql`CREATE UNIQUE INDEX stays_one_per_bed ON stays(room_id, bed) WHERE discharged_at IS NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX stays_one_per_customer ON stays(customer_id) WHERE discharged_at IS NULL`.execute(db);

  await sql`CREATE TABLE ward_tasks (
    id INTEGER PRIMARY KEY,
    stay_id INTEGER NOT NULL REFERENCES stays(id),
    kind TEXT NOT NULL CHECK (kind IN ('round','night_round','infusion_check','reassurance','surgery_day_care','gown','meal','surgeon_visit','explain_cost','explain_aftercare','farewell')),
    due_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    started_at TEXT,
    started_by INTEGER REFERENCES staff(id),
    done_at TEXT,
    done_by INTEGER REFERENCES staff(id),
    cancelled_at TEXT,
    note TEXT NOT NULL DEFAULT ''
  ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX ward_tasks_once ON ward_tasks(stay_id, kind, due_at)`.execute(db);
  // The scheduler's overdue rule and the ward board read the open tasks in due order.
  await sql`CREATE INDEX ward_tasks_open ON ward_tasks(due_at) WHERE done_at IS NULL AND cancelled_at IS NULL`.execute(db);

  await sql`CREATE TABLE aftercare_templates (
    id INTEGER PRIMARY KEY,
    item_id INTEGER UNIQUE REFERENCES items(id),
    wound_care TEXT NOT NULL,
    wound_care_en TEXT NOT NULL,
    food_to_avoid TEXT NOT NULL,
    food_to_avoid_en TEXT NOT NULL,
    come_back TEXT NOT NULL,
    come_back_en TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES staff(id)
  ) STRICT`.execute(db);
  // The clinic's default template (item_id NULL): seed 004 rule 6 — no spicy or irritating food, back in a month.
  await sql`INSERT INTO aftercare_templates (item_id, wound_care, wound_care_en, food_to_avoid, food_to_avoid_en, come_back, come_back_en, updated_at)
    VALUES (NULL,
      '保持伤口清洁干燥，72小时内勿沾水；按医嘱换药，勿自行揭除敷料；如有明显红肿、渗液、发热或剧痛，请立即来电。',
      'Keep the wound clean and dry; no water on it for 72 hours. Change the dressing only as instructed and do not remove it yourself. Call us at once for marked redness, swelling, discharge, fever or severe pain.',
      '近期忌食辛辣、刺激性食物，忌烟酒、海鲜及生冷食物，直至医生允许。',
      'Avoid spicy or irritating food, alcohol, smoking, seafood and raw or cold food until the doctor says otherwise.',
      '请按下列日期复诊；拆线、换药时我们会再次为您讲解注意事项。一个月后请回院复诊。',
      'Please come back on the dates below; we will go over this sheet again when the stitches come out and at each dressing change. Come back for your one-month check.',
      '1970-01-01T00:00:00.000Z')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
