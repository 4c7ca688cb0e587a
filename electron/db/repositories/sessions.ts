import type { Kysely, Transaction } from 'kysely';
import { runCompiledOnce } from '../compiled-once';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertSession(
  db: Db,
  session: { tokenHash: string; staffId: number; device: string; createdAt: string; expiresAt: string },
) {
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      staff_id: session.staffId,
      device: session.device,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
      revoked_at: null,
    })
    .execute();
}

/** The live session of a token hash with its staff member, or undefined. */
export async function findLiveSession(db: Db, tokenHash: string, now: string) {
  // Every call of every transport looks its session up: compiled once (compiled-once.ts).
  const [row] = await runCompiledOnce(db, 'sessions.live', () => liveSessionQuery(db, tokenHash, now), [tokenHash, now, 1]);
  return row;
}

function liveSessionQuery(db: Db, tokenHash: string, now: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('staff', 'staff.id', 'sessions.staff_id')
    .select(['sessions.token_hash', 'sessions.device', 'sessions.expires_at as expiresAt', 'staff.id as staffId', 'staff.name', 'staff.role', 'staff.specialty', 'staff.must_change_pin as mustChangePin'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('staff.active', '=', 1);
}

export async function revokeSession(db: Db, tokenHash: string, now: string) {
  await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', tokenHash).execute();
}

/** Ends every live session of a member of staff at once (deactivated, PIN reset); how many ended. */
export async function revokeSessionsOfStaff(db: Db, staffId: number, now: string): Promise<number> {
  const result = await db.updateTable('sessions').set({ revoked_at: now }).where('staff_id', '=', staffId).where('revoked_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
