/**
 * Escorts between floors and the hand-off at the room door (issue 14; seed 000 step 6, seed 004
 * rule 2: the guide brings the customer up to the 4th floor and into the room).
 *
 * - rooms gain where they are (a position on their floor's plan, 0–100 each way, for the sketch on
 *   the directions slip), how one gets there (lift, stairs, both) and landmarks, in zh and en.
 * - escorts: one trip of a visit from a room to a room, its current step and guide; at most one
 *   open escort a visit (partial unique index).
 * - escort_events: every step with its time and actor, like visit_events: the source of the
 *   day's escort times (requested → taken → picked up → delivered → acknowledged).
 * - handoff_notes: the I-PASS-shaped note for the receiver, one per visit; never public.
 * - staff_rooms: the room a consultant, nurse or doctor receives at today (chosen in the room
 *   view): who "receives her" for the note's access rule.
 */
import { sql, type Kysely } from 'kysely';

const OPEN = `('requested','taken','picked_up','directions','delivered')`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE rooms ADD COLUMN pos_x INTEGER NOT NULL DEFAULT 50 CHECK (pos_x BETWEEN 0 AND 100)`.execute(db);
  await sql`ALTER TABLE rooms ADD COLUMN pos_y INTEGER NOT NULL DEFAULT 50 CHECK (pos_y BETWEEN 0 AND 100)`.execute(db);
  await sql`ALTER TABLE rooms ADD COLUMN access TEXT NOT NULL DEFAULT 'lift' CHECK (access IN ('lift','stairs','both','level'))`.execute(db);
  await sql`ALTER TABLE rooms ADD COLUMN landmarks TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE rooms ADD COLUMN landmarks_en TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE rooms ADD COLUMN version INTEGER NOT NULL DEFAULT 1`.execute(db);

  await sql`CREATE TABLE escorts (
    id INTEGER PRIMARY KEY,
    visit_id INTEGER NOT NULL REFERENCES visits(id),
    from_room_id INTEGER REFERENCES rooms(id),
    to_room_id INTEGER NOT NULL REFERENCES rooms(id),
    arrival_status TEXT CHECK (arrival_status IN ('in_consultation','pre_op_exam','waiting')),
    status TEXT NOT NULL CHECK (status IN ('requested','taken','picked_up','directions','delivered','acknowledged','not_found','sent_back','cancelled')),
    guide_id INTEGER REFERENCES staff(id),
    requested_by INTEGER NOT NULL REFERENCES staff(id),
    requested_at TEXT NOT NULL,
    step_at TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
  ) STRICT`.execute(db);
  await sql.raw(`CREATE UNIQUE INDEX escorts_one_open ON escorts(visit_id) WHERE status IN ${OPEN}`).execute(db);
  // The guides' list and the delay rule read the open escorts; the room view a day's by requested_at.
  await sql.raw(`CREATE INDEX escorts_open ON escorts(status) WHERE status IN ${OPEN}`).execute(db);
  await sql`CREATE INDEX escorts_by_requested ON escorts(requested_at)`.execute(db);

  await sql`CREATE TABLE escort_events (
    id INTEGER PRIMARY KEY,
    escort_id INTEGER NOT NULL REFERENCES escorts(id),
    kind TEXT NOT NULL CHECK (kind IN ('requested','taken','handed_back','picked_up','directions','delivered','acknowledged','not_found','sent_back','cancelled')),
    at TEXT NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    note TEXT NOT NULL DEFAULT ''
  ) STRICT`.execute(db);
  await sql`CREATE INDEX escort_events_by_escort ON escort_events(escort_id, at)`.execute(db);

  await sql`CREATE TABLE handoff_notes (
    visit_id INTEGER NOT NULL UNIQUE REFERENCES visits(id),
    wants TEXT NOT NULL DEFAULT '',
    expectation_realistic TEXT NOT NULL DEFAULT 'unknown' CHECK (expectation_realistic IN ('unknown','realistic','unrealistic')),
    worries TEXT NOT NULL DEFAULT '',
    anxiety INTEGER NOT NULL DEFAULT 0 CHECK (anxiety BETWEEN 0 AND 3),
    motivation TEXT NOT NULL DEFAULT '',
    budget TEXT NOT NULL DEFAULT '',
    first_visit INTEGER NOT NULL DEFAULT 1 CHECK (first_visit IN (0,1)),
    last_visit TEXT NOT NULL DEFAULT '',
    companions TEXT NOT NULL DEFAULT '',
    address_form TEXT NOT NULL DEFAULT '',
    suggest_assessment INTEGER NOT NULL DEFAULT 0 CHECK (suggest_assessment IN (0,1)),
    assessment_reason TEXT NOT NULL DEFAULT '',
    receiver_plan TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by INTEGER NOT NULL REFERENCES staff(id)
  ) STRICT`.execute(db);

  await sql`CREATE TABLE staff_rooms (
    staff_id INTEGER NOT NULL UNIQUE REFERENCES staff(id),
    room_id INTEGER NOT NULL REFERENCES rooms(id),
    since TEXT NOT NULL
  ) STRICT`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
