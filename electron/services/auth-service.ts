/**
 * Staff sign-in: PINs checked against scrypt hashes, bearer tokens stored only as their SHA-256,
 * five wrong PINs lock the account for a minute.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/contract/errors';
import type { StaffSummary } from '../../shared/contract/auth';
import type { Actor } from '../api/context';
import { clearPinFailures, findStaff, listActiveStaff, recordPinFailure } from '../db/repositories/staff';
import { findLiveSession, insertSession, revokeSession } from '../db/repositories/sessions';
import type { Database } from '../db/schema';
import { verifyPin } from './pin-hash';

type Db = Kysely<Database> | Transaction<Database>;

export const MAX_PIN_FAILURES = 5;
export const LOCK_MILLISECONDS = 60_000;
/** A session outlives a long shift; the idle lock in the console is what guards the screen. */
export const SESSION_HOURS = 14;
/**
 * The lobby display signs in once and stays signed in (a TV has nobody to type a PIN after a
 * reboot); its token can read nothing but the masked display board, and signing out revokes it.
 */
export const DISPLAY_SESSION_HOURS = 180 * 24;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface AuthService {
  listStaff(db: Db): Promise<StaffSummary[]>;
  signIn(
    db: Db,
    input: { staffId: number; pin: string },
    device: string,
    now: Date,
  ): Promise<{ token: string; staff: StaffSummary; expiresAt: string; mustChangePin: boolean }>;
  signOut(db: Db, actor: Actor, now: Date): Promise<void>;
  resolveActor(db: Db, token: string, now: Date): Promise<Actor | null>;
}

export function createAuthService(): AuthService {
  return {
    listStaff: (db) => listActiveStaff(db),

    async signIn(db, { staffId, pin }, device, now) {
      const staff = await findStaff(db, staffId);
      if (!staff) throw new AppError('not_found', 'error.notFound', { path: ['staffId'] });
      if (!staff.active) throw new AppError('forbidden', 'error.staffInactive', { path: ['staffId'] });

      if (staff.locked_until && staff.locked_until > now.toISOString()) {
        const seconds = Math.ceil((Date.parse(staff.locked_until) - now.getTime()) / 1000);
        throw new AppError('forbidden', 'error.accountLocked', {
          params: { seconds },
          path: ['pin'],
          details: { lockedUntil: staff.locked_until },
        });
      }

      if (!(await verifyPin(pin, staff.pin_hash))) {
        // A lock that has run out starts a fresh count.
        const previous = staff.locked_until ? 0 : staff.failed_pins;
        const failures = previous + 1;
        if (failures >= MAX_PIN_FAILURES) {
          const lockedUntil = new Date(now.getTime() + LOCK_MILLISECONDS).toISOString();
          await recordPinFailure(db, staff.id, 0, lockedUntil);
          throw new AppError('forbidden', 'error.accountLocked', {
            params: { seconds: LOCK_MILLISECONDS / 1000 },
            path: ['pin'],
            details: { lockedUntil },
            keepWrites: true,
          });
        }
        await recordPinFailure(db, staff.id, failures, null);
        throw new AppError('unauthenticated', 'error.wrongPin', {
          params: { left: MAX_PIN_FAILURES - failures },
          path: ['pin'],
          details: { attemptsLeft: MAX_PIN_FAILURES - failures },
          keepWrites: true,
        });
      }

      await clearPinFailures(db, staff.id);
      const token = randomBytes(32).toString('base64url');
      const hours = staff.role === 'display' ? DISPLAY_SESSION_HOURS : SESSION_HOURS;
      const expiresAt = new Date(now.getTime() + hours * 3_600_000).toISOString();
      await insertSession(db, {
        tokenHash: hashToken(token),
        staffId: staff.id,
        device,
        createdAt: now.toISOString(),
        expiresAt,
      });
      return {
        token,
        expiresAt,
        staff: { id: staff.id, name: staff.name, role: staff.role, specialty: staff.specialty },
        mustChangePin: staff.must_change_pin === 1,
      };
    },

    async signOut(db, actor, now) {
      await revokeSession(db, actor.tokenHash, now.toISOString());
    },

    async resolveActor(db, token, now) {
      const tokenHash = hashToken(token);
      const session = await findLiveSession(db, tokenHash, now.toISOString());
      if (!session) return null;
      return {
        staffId: session.staffId,
        name: session.name,
        role: session.role,
        specialty: session.specialty,
        tokenHash,
        expiresAt: session.expiresAt,
        mustChangePin: session.mustChangePin === 1,
      };
    },
  };
}
