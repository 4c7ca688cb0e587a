/**
 * Which notifications are news: those that appear after the console has loaded its list. The ones
 * already there when the page (or a new person's session) loaded are in the centre, not toasted.
 */
import type { NotificationItem } from '../../../shared/contract/notifications';

/** At most this many toasts at once; more become one "and N more" toast. */
export const MAX_TOASTS = 3;

export interface Arrivals {
  /** Unread notifications not seen before, oldest first. */
  arrived: NotificationItem[];
  /** Every id seen so far, to pass to the next call. */
  known: Set<number>;
}

/**
 * Compares a fresh list with the ids seen before. `known` is null before the first list: that one
 * only sets the baseline.
 *
 * @example newArrivals(null, firstList) // → { arrived: [], known: ids of firstList }
 */
export function newArrivals(known: ReadonlySet<number> | null, items: readonly NotificationItem[]): Arrivals {
  const next = new Set(known ?? []);
  const arrived: NotificationItem[] = [];
  for (const item of items) {
    if (known && !known.has(item.id) && item.readAt === null) arrived.push(item);
    next.add(item.id);
  }
  arrived.sort((a, b) => a.id - b.id);
  return { arrived, known: next };
}
