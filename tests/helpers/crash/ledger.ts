/**
 * What the crash test's clients were told: every acknowledged write, and the one write each visit
 * may have in flight when the server died (sent, never answered: it may or may not be there).
 */
import type { VisitStatus } from '../../../shared/domain/visits';

export interface VisitRecord {
  visitId: number;
  ticket: string;
  customerId: number;
  appointmentId: number | null;
  /** The client that made it: only that one moves it, so its state is known exactly. */
  owner: number;
  status: VisitStatus;
  version: number;
  /** A move sent and not answered before the kill. */
  pending: { to: VisitStatus } | null;
}

export interface Ledger {
  /** Acknowledged customers: id → phone. */
  customers: Map<number, string>;
  /** Acknowledged bookings: id → whether their check-in was acknowledged. */
  appointments: Map<number, { checkedIn: boolean }>;
  visits: Map<number, VisitRecord>;
  /** Acknowledged manual comfort tasks (the answer carries no id: the label is unique). */
  comfortAdded: { visitId: number; label: string }[];
  /** Acknowledged completions, by task id; and completions sent but not answered. */
  comfortDone: Set<number>;
  comfortPending: Set<number>;
  /** How many writes were acknowledged in all. */
  acknowledged: number;
}

export function emptyLedger(): Ledger {
  return { customers: new Map(), appointments: new Map(), visits: new Map(), comfortAdded: [], comfortDone: new Set(), comfortPending: new Set(), acknowledged: 0 };
}

/** The statuses a visit's customer is gone in: nothing moves it on. */
export const isOver = (status: VisitStatus) => status === 'done' || status === 'left';
