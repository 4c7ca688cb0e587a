/**
 * A consent signed on a tablet keeps the customer's drawn signature (issue 20; PIPL Art. 29: a
 * separate consent, shown; 医疗美容服务管理办法 Art. 19–21: written consent). A PNG as a data URL,
 * checked by the contract (`signatureSchema`); NULL for a consent signed on paper and noted. Erasure
 * empties it with the notes unless the law holds her treatment records.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE consents ADD COLUMN signature TEXT CHECK (signature IS NULL OR signature LIKE 'data:image/png;base64,%')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
