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
      last_seen_at: session.createdAt,
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
    .select(['sessions.token_hash', 'sessions.device', 'sessions.expires_at as expiresAt', 'sessions.last_seen_at as lastSeenAt', 'sessions.created_at as createdAt', 'staff.id as staffId', 'staff.name', 'staff.role', 'staff.specialty', 'staff.must_change_pin as mustChangePin'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('staff.active', '=', 1);
}

export async function revokeSession(db: Db, tokenHash: string, now: string) {
  await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', tokenHash).execute();
}

/** Records that a session was used now (issue 15: an unseen lobby TV's session ends). */
export async function touchSession(db: Db, tokenHash: string, now: string) {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

/**
 * Keeps at most `keep` live sessions of a staff member (issue 15: a bounded number per person):
 * `current` (the one just made) and the newest others; the oldest beyond are revoked. Returns how
 * many were. `current` is never among them: with the clock set back (a wrong clock put right, the
 * test clock), older sign-ins carry later times, and ordered by time alone the new session was the
 * oldest and ended as it began.
 */
export async function revokeOldestSessions(db: Db, staffId: number, keep: number, now: string, current: string): Promise<number> {
  const others = await db
    .selectFrom('sessions')
    .select('token_hash')
    .where('staff_id', '=', staffId)
    .where('token_hash', '!=', current)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
  const beyond = others.slice(Math.max(keep - 1, 0)).map((row) => row.token_hash);
  if (beyond.length > 0) await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', 'in', beyond).execute();
  return beyond.length;
}

/** Ends every live session of a member of staff at once (deactivated, PIN reset); how many ended. */
export async function revokeSessionsOfStaff(db: Db, staffId: number, now: string): Promise<number> {
  const result = await db.updateTable('sessions').set({ revoked_at: now }).where('staff_id', '=', staffId).where('revoked_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
