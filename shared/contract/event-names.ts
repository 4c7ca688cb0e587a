/**
 * The change notices' names and the notification link's form, without zod: the renderer's first
 * screen needs only these (the event stream keeps the notices it knows; a clicked desktop
 * notification is followed only to a console route), and evaluating the contract's zod schemas at
 * start cost the board's first screen (docs/performance.md, 2026-12-04 night). `events.ts` holds
 * the schemas; a test keeps the two lists equal.
 */
export const EVENT_NAMES = [
  'appointments.changed',
  'customers.changed',
  'settings.changed',
  'items.changed',
  'staff.changed',
  'roster.changed',
  'checklists.changed',
  'comfortRules.changed',
  'visits.changed',
  'escorts.changed',
  'stays.changed',
  'followUps.changed',
  'surveys.changed',
  'notifications.raised',
  'notifications.read',
  'backups.changed',
  'privacy.changed',
  'privacy.erased',
  'devices.changed',
  'devices.revoked',
  'devices.pairingLocked',
  'notifications.opened',
] as const;

export type KnownEventName = (typeof EVENT_NAMES)[number];

const KNOWN: ReadonlySet<string> = new Set(EVENT_NAMES);

/** Whether `name` is a notice this version of the console knows (a newer server may send more). */
export function isEventName(name: string): name is KnownEventName {
  return KNOWN.has(name);
}

/**
 * The header of every `POST /api/<method>` answer naming the newest notice it already reflects: a
 * stream started from it (`Last-Event-ID`) misses nothing after the answer (the early board).
 */
export const EVENT_ID_HEADER = 'x-event-id';

/** A link a notification may carry: a route of the console (`#/board/12`), nothing else. */
export const NOTIFICATION_LINK = /^#\/[\w\-/.%]*$/;

/** The payload of `notifications.opened` when it is well formed and its link a console route; otherwise null. */
export function openedNotification(payload: unknown): { id: number; link: string } | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { id, link } = payload as { id?: unknown; link?: unknown };
  if (typeof id !== 'number' || !Number.isInteger(id) || typeof link !== 'string' || !NOTIFICATION_LINK.test(link)) return null;
  return { id, link };
}
