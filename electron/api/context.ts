import type { Kysely, Transaction } from 'kysely';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { MethodName, OutputOf, ParsedInputOf } from '../../shared/contract/index';
import type { DeviceKind } from '../../shared/domain/devices';
import type { Role } from '../../shared/domain/roles';
import type { Language } from '../../shared/i18n/messages';
import type { Database } from '../db/schema';

/** What the transport knows about a call; clients never send it themselves. */
export interface Caller {
  transport: 'ipc' | 'http' | 'internal';
  /** The bearer token the transport found, if any. */
  token: string | null;
  /** Which device: `desktop`, `http:<address>`, or `device:<id>` for a paired tablet or TV. */
  device: string;
  language: Language;
  /** The network address the call came from (HTTP only). */
  address?: string;
  /** The paired device the call came from (issue 15); absent on the lobby PC itself. */
  paired?: { id: number; kind: DeviceKind; name: string };
  /** The write's idempotency key: a retry with the same key answers the first answer again. */
  idempotencyKey?: string;
}

/** The signed-in staff member behind a call. */
export interface Actor {
  staffId: number;
  name: string;
  role: Role;
  specialty: string | null;
  tokenHash: string;
  /** When the session ends (UTC ISO instant). */
  expiresAt: string;
  /** A first or reset PIN not yet changed: only signing out and `auth.changePin` are allowed. */
  mustChangePin?: boolean;
}

export interface AuditNote {
  /** What the change is about, e.g. `appointment:12`. */
  target?: string | null;
  /** A compact diff: `{field: [before, after]}` or the new record. */
  diff?: unknown;
  /** Who acted, when that is not the caller (the staff member who just signed in). */
  staffId?: number;
}

/** Everything a handler may use: the database (a transaction when it writes), who calls, the time. */
export interface HandlerContext {
  db: Kysely<Database> | Transaction<Database>;
  actor: Actor | null;
  caller: Caller;
  now: Date;
  /** Describes the change for the one audit row the dispatcher writes. */
  audit(note: AuditNote): void;
  /** Queues a change notice, published only after the transaction commits. */
  emit<Name extends EventName>(name: Name, payload: EventPayload<Name>): void;
}

/** The signed-in actor; handlers of non-public methods can rely on it. */
export function requireActor(context: HandlerContext): Actor {
  if (!context.actor) throw new Error('handler of a signed-in method ran without an actor');
  return context.actor;
}

export type Handler<M extends MethodName> = (
  input: ParsedInputOf<M>,
  context: HandlerContext,
) => Promise<OutputOf<M>> | OutputOf<M>;

/** One handler per contract method: the compiler refuses a missing or extra one. */
export type Handlers = { [M in MethodName]: Handler<M> };

/** The handlers of one domain: every method named `<noun>.…`. */
export type HandlersOf<Noun extends string> = { [M in MethodName as M extends `${Noun}.${string}` ? M : never]: Handler<M> };
