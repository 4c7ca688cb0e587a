/**
 * A doctor's specialty in English (issue 13 part 11, English complete): the day view, the roster
 * and the staff page of an English console named it 眼部整形. NULL: none given, the Chinese one
 * is shown (the specialty the roster matches doctors by stays the Chinese one).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE staff ADD COLUMN specialty_en TEXT`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
