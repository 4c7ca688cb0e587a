/**
 * The comfort rules of migration 009 become editable by a manager on the settings screen. Two
 * things the seeded rows could not say: a round's repeat interval apart from when the first round
 * falls due (both 15 minutes in the seed: "a round every 15 minutes while they wait", seed 004
 * rule 10 "巡视顾客及时" and rule 26 "customers hate waiting most"), and a version with who last
 * changed a rule, so two managers editing one rule cannot both win. No new query path: the
 * editor reads the whole (six-row) table, every other read is unchanged.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Minutes between one round and the next; only a round rule has one.
  await sql`ALTER TABLE comfort_rules ADD COLUMN repeat_minutes INTEGER CHECK (repeat_minutes IS NULL OR repeat_minutes > 0)`.execute(db);
  await sql`ALTER TABLE comfort_rules ADD COLUMN version INTEGER NOT NULL DEFAULT 1`.execute(db);
  await sql`ALTER TABLE comfort_rules ADD COLUMN updated_at TEXT`.execute(db);
  await sql`ALTER TABLE comfort_rules ADD COLUMN updated_by INTEGER REFERENCES staff(id)`.execute(db);
  // The seeded round repeated at its due interval: it keeps doing so.
  await sql`UPDATE comfort_rules SET repeat_minutes = due_minutes WHERE trigger = 'round'`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
