/**
 * A version for the items of interest and the checklist templates (issue 19, part 6): two managers
 * editing one at once — the later save is refused as a conflict instead of silently undoing the
 * first. (The roster's weekly shifts and day changes compare against the values the editor loaded
 * instead: a removed cell has no row left to hold a version.)
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE items ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0)`.execute(db);
  await sql`ALTER TABLE checklist_templates ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
