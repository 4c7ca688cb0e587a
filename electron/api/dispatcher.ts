/**
 * The one dispatcher behind every transport. For each call it: finds the method in the contract,
 * authenticates the caller, checks the role, validates the input (a bad input names the field and
 * changes nothing), runs the handler — in a transaction when the method writes — validates the
 * output (a bad row of a list degraded and logged, not the answer lost: degraded-rows.ts), writes
 * exactly one audit row per write, publishes change notices after commit, and turns
 * every failure into the one error shape in the caller's language.
 *
 * Hand-written rather than oRPC: the transaction must wrap the handler *and* its audit row on the
 * single better-sqlite3 connection, errors must carry our codes and translated messages, and the
 * IPC and HTTP transports stay a few lines each. About 150 lines we fully own.
 */
import type { Kysely } from 'kysely';
import { AppError, HTTP_STATUS, type ApiError } from '../../shared/contract/errors';
import type { ChangeNotice } from '../../shared/contract/events';
import { findMethod } from '../../shared/contract/index';
import { isMessageKey, translate, type Language } from '../../shared/i18n/messages';
import { firstIllFormedText } from '../../shared/contract/well-formed';
import { describeIssue, fieldLabel } from '../../shared/i18n/zod-message';
import type { Clock } from '../core/clock';
import { isDiskFull } from '../db/disk-full';
import { appendAudit } from '../db/repositories/audit';
import { findIdempotentAnswer, storeIdempotentAnswer } from '../db/repositories/idempotency';
import { roleAllowedOnDevice } from '../../shared/domain/devices';
import type { Database } from '../db/schema';
import type { EventBus } from './event-bus';
import { DegradedRowError, parseDegrading } from './degraded-rows';
import { nameIssue } from './input-issue';
import { outputShape } from './output-shape';
import { createSessionCache } from './session-cache';
import type { Actor, AuditNote, Caller, HandlerContext, Handlers } from './context';

export type DispatchResult = { ok: true; value: unknown } | { ok: false; status: number; error: ApiError };

export interface Dispatcher {
  dispatch(method: string, input: unknown, caller: Caller): Promise<DispatchResult>;
  /** The actor behind a token, for transports that authenticate streams (SSE, print pages). */
  authenticate(token: string | null): Promise<Actor | null>;
}

export interface DispatcherDeps {
  db: Kysely<Database>;
  handlers: Handlers;
  clock: Clock;
  events: EventBus;
  resolveActor(db: Kysely<Database>, token: string, now: Date): Promise<Actor | null>;
  /**
   * How outputs are checked: `full` (the default: tests, development) against every check of the
   * contract, `shape` (the running console) by fields and types only (output-shape.ts).
   */
  outputChecks?: 'full' | 'shape';
  /** Why no change may be made now (the database failed its integrity check), or null. */
  refuseWrites?(): AppError | null;
  /** Where internal errors are reported (with their stack); never to the caller. */
  logError?(error: unknown, method: string): void;
}

const SECRET_KEYS = /pin|token|password|secret/i;

/**
 * The writes after which the kept sessions are dropped: signing in and out (a session made or
 * revoked, a PIN lockout) and the clinic's settings. Only these change a session or a staff member
 * today; other writes (a check-in, a comfort task) leave them, since looking the session up again
 * after every write was a third of the dispatcher's cost on a check-in (docs/performance.md). A
 * change made outside the dispatcher is seen after one of these or within SESSION_CACHE_MS.
 */
export function changesSessions(method: string): boolean {
  // devices.: removing a device ends every session signed in on it (issue 15); staff.: a deactivation or a PIN reset ends them (issue 13).
  return method.startsWith('auth.') || method.startsWith('settings.') || method.startsWith('devices.') || method.startsWith('staff.');
}

/**
 * What a person with a first or reset PIN may call before choosing their own (issue 13 part 8):
 * who they are, the change itself, and signing out. Everything else is refused by the server, not
 * only hidden by the console.
 */
export const ALLOWED_BEFORE_PIN_CHANGE: readonly string[] = ['auth.session', 'auth.me', 'auth.staff', 'auth.changePin', 'auth.signOut', 'auth.signIn'];

/** The input as the audit log keeps it: secrets replaced. */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, SECRET_KEYS.test(key) ? '***' : redact(inner)]),
    );
  }
  return value;
}

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const { db, handlers, clock, events } = deps;
  const logError =
    deps.logError ??
    ((error, method) =>
      error instanceof DegradedRowError ? console.warn(`[dispatcher] ${error.message}`) : console.error(`[dispatcher] ${method} failed`, error));

  /** Parameters that are themselves catalogue keys (a status, an action) are translated too. */
  const localParams = (language: Language, params: Record<string, string | number>) =>
    Object.fromEntries(
      Object.entries(params).map(([name, value]) => [name, typeof value === 'string' && isMessageKey(value) ? translate(language, value) : value]),
    );

  const fail = (caller: Caller, error: AppError): DispatchResult => ({
    ok: false,
    status: HTTP_STATUS[error.code],
    error: {
      code: error.code,
      message: translate(caller.language, error.messageKey, localParams(caller.language, error.params)),
      ...(error.path ? { path: error.path } : {}),
      ...(error.details ? { details: error.details } : {}),
    },
  });

  const sessions = createSessionCache();
  async function authenticate(token: string | null): Promise<Actor | null> {
    if (!token) return null;
    const now = clock.now();
    const cached = sessions.get(token, now);
    if (cached) return cached;
    const actor = await deps.resolveActor(db, token, now);
    if (actor) sessions.set(token, actor, now);
    return actor;
  }

  async function dispatch(method: string, rawInput: unknown, caller: Caller): Promise<DispatchResult> {
    const spec = findMethod(method);
    if (!spec) return fail(caller, new AppError('not_found', 'error.unknownMethod', { params: { method } }));

    let actor: Actor | null = null;
    if (spec.roles !== 'public' || caller.token) {
      actor = await authenticate(caller.token);
      if (spec.roles !== 'public') {
        if (!actor) {
          const key = caller.token ? 'error.sessionExpired' : 'error.unauthenticated';
          return fail(caller, new AppError('unauthenticated', key));
        }
        if (actor.mustChangePin && !ALLOWED_BEFORE_PIN_CHANGE.includes(method)) {
          return fail(caller, new AppError('forbidden', 'error.mustChangePin'));
        }
        if (!spec.roles.includes(actor.role)) {
          const role = translate(caller.language, `role.${actor.role}`);
          return fail(caller, new AppError('forbidden', 'error.forbidden', { params: { role } }));
        }
      }
      // A device's kind limits who may use it (issue 15): a lobby TV is the display, nothing more.
      if (actor && caller.paired && !roleAllowedOnDevice(caller.paired.kind, actor.role)) {
        return fail(caller, new AppError('forbidden', 'devices.error.roleNotOnDevice', { params: { role: `role.${actor.role}` } }));
      }
    }

    // Text that cannot be stored as it was sent is refused before the schema reads it.
    const illFormed = firstIllFormedText(rawInput);
    if (illFormed) {
      return fail(caller, new AppError('invalid', 'validation.text', { params: { field: fieldLabel(caller.language, illFormed) }, path: illFormed }));
    }
    const parsed = spec.input.safeParse(rawInput ?? {}, { reportInput: true });
    if (!parsed.success) {
      const named = nameIssue(parsed.error.issues);
      return {
        ok: false,
        status: HTTP_STATUS.invalid,
        error: {
          code: 'invalid',
          message: named ? describeIssue(caller.language, { ...named.issue, path: named.path }) : translate(caller.language, 'error.invalid'),
          path: named?.path ?? [],
        },
      };
    }

    // Signing in and out stays possible, so staff can still read the board while it is restored.
    const refusal = spec.writes && !method.startsWith('auth.') ? (deps.refuseWrites?.() ?? null) : null;
    if (refusal) return fail(caller, refusal);

    // A write retried with its idempotency key (issue 15) answers what it answered the first time.
    const idempotency = spec.writes && caller.idempotencyKey ? { scope: caller.device, key: caller.idempotencyKey } : null;
    if (idempotency) {
      const stored = await findIdempotentAnswer(db, idempotency.scope, idempotency.key);
      if (stored) {
        if (stored.method !== method) return fail(caller, new AppError('conflict', 'error.idempotencyKeyReused'));
        return { ok: true, value: JSON.parse(stored.response) as unknown };
      }
    }

    // What the lobby or a caller not signed in receives is always checked in full: its checks are
    // the privacy rules of public outputs (a display name must be masked).
    const byShape = deps.outputChecks === 'shape' && spec.roles !== 'public' && !spec.roles.includes('display');
    const handler = handlers[method as keyof Handlers] as unknown as (
      input: unknown,
      context: HandlerContext,
    ) => unknown;
    const now = clock.now();
    const notices: ChangeNotice[] = [];
    let auditNote: AuditNote = {};

    const run = async (context: HandlerContext['db']) => {
      const value = await handler(parsed.data, {
        db: context,
        actor,
        caller,
        now,
        audit: (note) => {
          auditNote = { ...auditNote, ...note };
        },
        emit: (name, payload) => notices.push({ name, payload } as ChangeNotice),
      });
      // A row of a list that breaks its schema is shown degraded and logged, not the answer lost.
      const checked = parseDegrading(byShape ? outputShape(spec.output) : spec.output, value);
      if (!checked.success) throw new Error(`output of ${method} broke its schema: ${checked.error.message}`);
      for (const row of checked.degraded) logError(new DegradedRowError(method, row), method);
      return checked.data;
    };

    try {
      let value: unknown;
      if (!spec.writes) {
        value = await run(db);
      } else {
        // An AppError marked keepWrites (a failed PIN attempt) commits what was written, then fails.
        let kept: AppError | null = null;
        value = await db.transaction().execute(async (trx) => {
          let result: unknown;
          try {
            result = await run(trx);
          } catch (error) {
            if (!(error instanceof AppError && error.keepWrites)) throw error;
            kept = error;
          }
          await appendAudit(trx, {
            at: now.toISOString(),
            staffId: auditNote.staffId ?? actor?.staffId ?? null,
            device: caller.device,
            method: kept ? `${method}:refused` : method,
            target: auditNote.target ?? null,
            diff: auditNote.diff !== undefined ? auditNote.diff : redact(parsed.data),
          });
          if (idempotency && !kept) await storeIdempotentAnswer(trx, { ...idempotency, method, response: result, at: now });
          return result;
        });
        if (changesSessions(method)) sessions.clear();
        if (kept) {
          // What was kept is told (a pairing lock warns the lobby PC); nothing else was made.
          for (const notice of notices) events.publish(notice.name, notice.payload as never);
          return fail(caller, kept);
        }
      }
      for (const notice of notices) events.publish(notice.name, notice.payload as never);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return fail(caller, error);
      // A full disk is the desk's to fix (free space, call IT), not a bug: said plainly, and logged.
      if (isDiskFull(error)) {
        logError(error, method);
        return fail(caller, new AppError('disk_full', 'error.diskFull'));
      }
      logError(error, method);
      return fail(caller, new AppError('internal', 'error.internal'));
    }
  }

  // Two copies of one write in flight at once (a retry racing the original) share one answer.
  const inFlight = new Map<string, Promise<DispatchResult>>();
  function dispatchOnce(method: string, rawInput: unknown, caller: Caller): Promise<DispatchResult> {
    if (!caller.idempotencyKey) return dispatch(method, rawInput, caller);
    const slot = `${caller.device}\u0000${caller.idempotencyKey}`;
    const running = inFlight.get(slot);
    if (running) return running;
    const answer = dispatch(method, rawInput, caller).finally(() => inFlight.delete(slot));
    inFlight.set(slot, answer);
    return answer;
  }

  return { dispatch: dispatchOnce, authenticate };
}
