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
import { findLiveSession, insertSession, revokeOldestSessions, revokeSession, touchSession } from '../db/repositories/sessions';
import { roleAllowedOnDevice, type DeviceKind } from '../../shared/domain/devices';
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
/**
 * …but not unseen (issue 15): a lobby display's session that no call has used for a week ends,
 * so a TV that was unplugged, stolen or replaced does not stay signed in for half a year.
 */
export const DISPLAY_IDLE_DAYS = 7;
/** The live sessions one person may have at once (issue 15); signing in again ends the oldest. */
export const MAX_LIVE_SESSIONS = 8;
/** How often a session's last use is written (every call of a busy tablet would be wasted writes). */
const TOUCH_SESSION_MS = 10 * 60_000;

/** Where a sign-in comes from: the lobby PC itself, or a paired device of some kind (issue 15). */
export interface SignInOrigin {
  device: string;
  /** The paired device's kind; absent on the lobby PC (IPC, or loopback while LAN access is off). */
  kind?: DeviceKind;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface AuthService {
  /** The accounts that may sign in here: on a paired device only the roles its kind allows. */
  listStaff(db: Db, kind?: DeviceKind): Promise<StaffSummary[]>;
  signIn(
    db: Db,
    input: { staffId: number; pin: string },
    origin: SignInOrigin,
    now: Date,
  ): Promise<{ token: string; staff: StaffSummary; expiresAt: string; mustChangePin: boolean }>;
  signOut(db: Db, actor: Actor, now: Date): Promise<void>;
  resolveActor(db: Db, token: string, now: Date): Promise<Actor | null>;
}

export function createAuthService(): AuthService {
  return {
    listStaff: async (db, kind) => {
      const staff = await listActiveStaff(db);
      return kind ? staff.filter((member) => roleAllowedOnDevice(kind, member.role)) : staff;
    },

    async signIn(db, { staffId, pin }, origin, now) {
      const staff = await findStaff(db, staffId);
      if (!staff) throw new AppError('not_found', 'error.notFound', { path: ['staffId'] });
      if (!staff.active) throw new AppError('forbidden', 'error.staffInactive', { path: ['staffId'] });
      if (origin.kind && !roleAllowedOnDevice(origin.kind, staff.role)) {
        throw new AppError('forbidden', 'devices.error.roleNotOnDevice', { params: { role: `role.${staff.role}` }, path: ['staffId'] });
      }

      if (staff.locked_until && staff.locked_until > now.toISOString()) {
        const seconds = Math.ceil((Date.parse(staff.locked_until) - now.getTime()) / 1000);
        throw new AppError('forbidden', 'error.accountLocked', {
          params: { seconds },
          path: ['pin'],
          details: { lockedUntil: staff.locked_until },
        });
      }

      if (!(await verifyPin(pin, staff.pin_hash))) {
        // A paired device's wrong PINs are limited per device and per address by the HTTP
        // server's rate limit, never by locking the account (issue 15): a tablet in the wrong
        // hands cannot lock reception out of its own accounts at the lobby PC.
        if (origin.kind) {
          throw new AppError('unauthenticated', 'error.wrongPin', { params: { left: MAX_PIN_FAILURES }, path: ['pin'], details: { attemptsLeft: MAX_PIN_FAILURES } });
        }
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
      const tokenHash = hashToken(token);
      await insertSession(db, {
        tokenHash,
        staffId: staff.id,
        device: origin.device,
        createdAt: now.toISOString(),
        expiresAt,
      });
      await revokeOldestSessions(db, staff.id, MAX_LIVE_SESSIONS, now.toISOString(), tokenHash);
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
      const lastSeen = Date.parse(session.lastSeenAt ?? session.createdAt);
      if (session.role === 'display' && now.getTime() - lastSeen > DISPLAY_IDLE_DAYS * 86_400_000) return null;
      if (now.getTime() - lastSeen >= TOUCH_SESSION_MS) await touchSession(db, tokenHash, now.toISOString());
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
