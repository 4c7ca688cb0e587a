/**
 * A visit on the day of arrival (seed 000 step 5 onwards): its statuses, the transitions the
 * queue board allows, ticket numbers, and the wait figures — all computed from the visit's
 * status events, the one source of every wait figure. Pure.
 */

export const VISIT_STATUSES = ['waiting', 'called', 'escorting', 'in_consultation', 'pre_op_exam', 'done', 'left'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/**
 * Who may go where. `left` is "left without being seen"; a customer who comes back waits again.
 * A consultation may send the customer on to the pre-op exam (seed 000 step 7) and back.
 */
export const VISIT_TRANSITIONS: Record<VisitStatus, readonly VisitStatus[]> = {
  waiting: ['called', 'left'],
  called: ['waiting', 'escorting', 'in_consultation', 'left'],
  escorting: ['in_consultation', 'pre_op_exam', 'waiting'],
  in_consultation: ['pre_op_exam', 'escorting', 'done'],
  pre_op_exam: ['in_consultation', 'escorting', 'done'],
  done: [],
  left: ['waiting'],
};

/**
 * The statuses of a visit that is over: the customer has gone home or left unseen. The board keeps
 * their cards (reception looks up who just finished) but no timer or open comfort task.
 */
export const FINISHED_STATUSES = ['done', 'left'] as const satisfies readonly VisitStatus[];

export function isFinished(status: VisitStatus): boolean {
  return (FINISHED_STATUSES as readonly VisitStatus[]).includes(status);
}

export function canTransition(from: VisitStatus, to: VisitStatus): boolean {
  return VISIT_TRANSITIONS[from].includes(to);
}

export const VISIT_KINDS = ['appointment', 'walk_in', 'followup'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** The ticket's letter: A appointment, W walk-in, F follow-up visit. */
export const TICKET_PREFIX: Record<VisitKind, 'A' | 'W' | 'F'> = { appointment: 'A', walk_in: 'W', followup: 'F' };

/** `A`, 7 → `A007`; past 999 the number simply grows (`A1000`). */
export function formatTicket(prefix: string, number: number): string {
  return `${prefix}${String(number).padStart(3, '0')}`;
}

export interface VisitEvent {
  to: VisitStatus;
  /** UTC ISO instant. */
  at: string;
}

/**
 * Minutes spent waiting: the sum of every stretch in `waiting` (a customer sent back to wait
 * keeps their earlier wait), up to `now` for a stretch still open. Events in time order.
 */
export function waitedMinutes(events: readonly VisitEvent[], now: Date): number {
  let total = 0;
  let since: number | null = null;
  for (const event of events) {
    const at = Date.parse(event.at);
    if (since !== null) total += at - since;
    since = event.to === 'waiting' ? at : null;
  }
  if (since !== null) total += Math.max(0, now.getTime() - since);
  return Math.floor(total / 60_000);
}

/** Minutes since the current waiting stretch began (the board's live timer), or null when not waiting. */
export function currentWaitStart(events: readonly VisitEvent[]): string | null {
  const last = events[events.length - 1];
  return last && last.to === 'waiting' ? last.at : null;
}

export type WaitLevel = 'normal' | 'amber' | 'red';

/** seed 004 rule 26 (customers hate waiting most): amber and red at the clinic's thresholds. */
export function waitLevel(minutes: number, amberMinutes: number, redMinutes: number): WaitLevel {
  if (minutes >= redMinutes) return 'red';
  if (minutes >= amberMinutes) return 'amber';
  return 'normal';
}

/** Within this many minutes of the appointment either way, an arrival is on time. */
export const ON_TIME_TOLERANCE_MINUTES = 2;

export type ArrivalTiming = { kind: 'early' | 'late'; minutes: number } | { kind: 'onTime' };

/**
 * How an arrival stands against its appointment, for the greeting at check-in.
 *
 * @example arrivalTiming(-10) // { kind: 'early', minutes: 10 }
 * @example arrivalTiming(1) // { kind: 'onTime' }
 */
export function arrivalTiming(minutesLateBy: number): ArrivalTiming {
  if (minutesLateBy < -ON_TIME_TOLERANCE_MINUTES) return { kind: 'early', minutes: -minutesLateBy };
  if (minutesLateBy > ON_TIME_TOLERANCE_MINUTES) return { kind: 'late', minutes: minutesLateBy };
  return { kind: 'onTime' };
}

/** Early (negative) or late (positive) against the appointment, in whole minutes. */
export function minutesLate(appointmentStart: string, arrivedAt: string): number {
  return Math.round((Date.parse(arrivedAt) - Date.parse(appointmentStart)) / 60_000);
}
