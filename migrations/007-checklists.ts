/**
 * Daily checklists (seed 000 step 4 "接待准备": the lobby ready before opening; seed 004 rule 14:
 * restock every ward at the end of the day; rule 17: count each ward's phone charger and mosquito
 * repellent every morning). A template is a list of items with the wall-clock time by which it
 * must be done and the role it is for; a run is one clinic day's pass through it, and each run
 * item records who ticked it, when, and what was missing. Forward-only; STRICT tables; every
 * query path has its index.
 */
import { sql, type Kysely } from 'kysely';

/** A wall-clock time `HH:MM` (00:00–23:59). */
const timeCheck = (column: string) => sql.raw(`${column} GLOB '[0-2][0-9]:[0-5][0-9]' AND ${column} < '24:00'`);
const dateCheck = (column: string) => sql.raw(`${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE checklist_templates (
    id INTEGER PRIMARY KEY,
    name_zh TEXT NOT NULL CHECK (length(trim(name_zh)) > 0),
    name_en TEXT NOT NULL,
    due_time TEXT NOT NULL CHECK (${timeCheck('due_time')}),
    role TEXT NOT NULL CHECK (role IN ('reception','guide','consultant','nurse','doctor','manager')),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    sort INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES staff(id)
  ) STRICT`.execute(db);
  // The day's view and the scheduler read the active templates in order.
  await sql`CREATE INDEX checklist_templates_active ON checklist_templates(active, sort)`.execute(db);

  // An item is a plain tick, or a count with the number expected (per ward/room when room_id is set).
  // Items are never deleted once a run may point at them: removed from a template, they turn inactive.
  await sql`CREATE TABLE checklist_template_items (
    id INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES checklist_templates(id),
    text_zh TEXT NOT NULL CHECK (length(trim(text_zh)) > 0),
    text_en TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('tick','count')),
    expected_count INTEGER CHECK (expected_count IS NULL OR expected_count >= 0),
    room_id INTEGER REFERENCES rooms(id),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    sort INTEGER NOT NULL DEFAULT 0,
    CHECK ((kind = 'count') = (expected_count IS NOT NULL))
  ) STRICT`.execute(db);
  await sql`CREATE INDEX checklist_template_items_by_template ON checklist_template_items(template_id, sort)`.execute(db);

  // One run per template per clinic day: two desks ticking at once share it.
  await sql`CREATE TABLE checklist_runs (
    id INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES checklist_templates(id),
    date TEXT NOT NULL CHECK (${dateCheck('date')}),
    started_by INTEGER NOT NULL REFERENCES staff(id),
    started_at TEXT NOT NULL,
    completed_by INTEGER REFERENCES staff(id),
    completed_at TEXT,
    CHECK ((completed_by IS NULL) = (completed_at IS NULL)),
    UNIQUE (template_id, date)
  ) STRICT`.execute(db);
  // The day's view and the scheduler read every run of one clinic day.
  await sql`CREATE INDEX checklist_runs_by_date ON checklist_runs(date)`.execute(db);

  await sql`CREATE TABLE checklist_run_items (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES checklist_runs(id),
    item_id INTEGER NOT NULL REFERENCES checklist_template_items(id),
    status TEXT NOT NULL CHECK (status IN ('ok','missing')),
    note TEXT NOT NULL DEFAULT '',
    counted INTEGER CHECK (counted IS NULL OR counted >= 0),
    ticked_by INTEGER NOT NULL REFERENCES staff(id),
    ticked_at TEXT NOT NULL,
    UNIQUE (run_id, item_id)
  ) STRICT`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
