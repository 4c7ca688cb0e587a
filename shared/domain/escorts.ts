/**
 * Escorts between floors (seed 000 step 6: 将顾客引导至咨询室; seed 004 rule 2: the guide brings
 * the customer onto the 4th floor and into the room). The states follow the hospital transport
 * systems' (pending → dispatched → in progress → complete, "delayed" when a step takes too long;
 * DESIGN.md) plus the acknowledgement at the room door, which alone finishes an escort. Pure.
 */

export const ESCORT_STATUSES = ['requested', 'taken', 'picked_up', 'directions', 'delivered', 'acknowledged', 'not_found', 'sent_back', 'cancelled'] as const;
export type EscortStatus = (typeof ESCORT_STATUSES)[number];

/** Still under way: a guide may act on it, the room sees it coming or at the door. */
export const OPEN_ESCORT_STATUSES = ['requested', 'taken', 'picked_up', 'directions', 'delivered'] as const satisfies readonly EscortStatus[];

export function isOpenEscort(status: EscortStatus): boolean {
  return (OPEN_ESCORT_STATUSES as readonly EscortStatus[]).includes(status);
}

/** The kinds of escort event: every step, and the ways back. */
export const ESCORT_EVENT_KINDS = ['requested', 'taken', 'handed_back', 'picked_up', 'directions', 'delivered', 'acknowledged', 'not_found', 'sent_back', 'cancelled'] as const;
export type EscortEventKind = (typeof ESCORT_EVENT_KINDS)[number];

/** The actions on an escort, and the statuses each may start from. */
export const ESCORT_ACTIONS = {
  take: ['requested'],
  handBack: ['taken', 'picked_up'],
  pickUp: ['taken'],
  deliver: ['picked_up'],
  // The customer who goes alone (with the printed directions slip): from the lobby, before a pick-up.
  sendWithDirections: ['requested', 'taken'],
  // Called but not found in the lobby: back to the queue at her old place.
  notFound: ['requested', 'taken'],
  // The receiver's: only once she is at the door (delivered, or arrived alone).
  acknowledge: ['delivered', 'directions'],
  sendBack: ['delivered', 'directions'],
} as const satisfies Record<string, readonly EscortStatus[]>;
export type EscortAction = keyof typeof ESCORT_ACTIONS;

/** The status an action leaves the escort in. */
export const ESCORT_ACTION_RESULT: Record<EscortAction, EscortStatus> = {
  take: 'taken',
  handBack: 'requested',
  pickUp: 'picked_up',
  deliver: 'delivered',
  sendWithDirections: 'directions',
  notFound: 'not_found',
  acknowledge: 'acknowledged',
  sendBack: 'sent_back',
};

/** The event an action records. */
export const ESCORT_ACTION_EVENT: Record<EscortAction, EscortEventKind> = {
  take: 'taken',
  handBack: 'handed_back',
  pickUp: 'picked_up',
  deliver: 'delivered',
  sendWithDirections: 'directions',
  notFound: 'not_found',
  acknowledge: 'acknowledged',
  sendBack: 'sent_back',
};

export function canAct(action: EscortAction, status: EscortStatus): boolean {
  return (ESCORT_ACTIONS[action] as readonly EscortStatus[]).includes(status);
}

export interface EscortTimingSettings {
  /** Not taken by a guide within this many minutes of the request: delayed. */
  escortTakeMinutes: number;
  /** Taken but not picked up within this many minutes of the take: delayed. */
  escortPickUpMinutes: number;
  /** At the door (delivered, not yet acknowledged) this long: amber (seed 004 rule 26). */
  escortDoorAmberMinutes: number;
}

const minutesBetween = (since: string, now: Date) => Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 60_000));

/**
 * Whether the escort's current step has taken too long, the way a transport system escalates a
 * stuck job: not taken, taken and not picked up, or waiting at the door past amber.
 *
 * @example escortDelay('requested', '2026-12-04T02:00:00Z', new Date('2026-12-04T02:04:00Z'), settings) // { delayed: true, minutes: 4 }
 */
export function escortDelay(status: EscortStatus, stepAt: string, now: Date, settings: EscortTimingSettings): { delayed: boolean; minutes: number } {
  const minutes = minutesBetween(stepAt, now);
  const limit =
    status === 'requested' ? settings.escortTakeMinutes : status === 'taken' ? settings.escortPickUpMinutes : status === 'delivered' ? settings.escortDoorAmberMinutes : null;
  return { delayed: limit !== null && minutes >= limit, minutes };
}

/** The steps the report times, each from one event to the next. */
export const ESCORT_STEPS = [
  { key: 'requestToTake', from: 'requested', to: 'taken' },
  { key: 'takeToPickUp', from: 'taken', to: 'picked_up' },
  { key: 'pickUpToDelivery', from: 'picked_up', to: 'delivered' },
  { key: 'deliveryToAck', from: 'delivered', to: 'acknowledged' },
  { key: 'requestToPickUp', from: 'requested', to: 'picked_up' },
  { key: 'requestToAck', from: 'requested', to: 'acknowledged' },
] as const;
export type EscortStepKey = (typeof ESCORT_STEPS)[number]['key'];

export interface EscortEventTime {
  kind: EscortEventKind;
  /** UTC ISO instant. */
  at: string;
}

/**
 * The seconds of each step of one escort, from its events in time order: the first `from` event
 * to the last `to` event after it (a hand-back and a second take count from the first request).
 */
export function escortStepSeconds(events: readonly EscortEventTime[]): Partial<Record<EscortStepKey, number>> {
  const result: Partial<Record<EscortStepKey, number>> = {};
  for (const step of ESCORT_STEPS) {
    const start = events.find((event) => event.kind === step.from);
    const ends = events.filter((event) => event.kind === step.to);
    const end = ends[ends.length - 1];
    if (start && end && Date.parse(end.at) >= Date.parse(start.at)) result[step.key] = Math.round((Date.parse(end.at) - Date.parse(start.at)) / 1000);
  }
  return result;
}

export interface TimeSummary {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  longestSeconds: number | null;
}

/** Median, 90th percentile (nearest rank) and longest of a list of seconds. */
export function summarizeSeconds(values: readonly number[]): TimeSummary {
  if (values.length === 0) return { count: 0, medianSeconds: null, p90Seconds: null, longestSeconds: null };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] as number) : Math.round(((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2);
  const p90 = sorted[Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)] as number;
  return { count: sorted.length, medianSeconds: median, p90Seconds: p90, longestSeconds: sorted[sorted.length - 1] as number };
}
