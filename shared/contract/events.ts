/**
 * Change notices pushed to every client (SSE in the browser, IPC on the desktop) so it refreshes
 * what it shows. Past-tense names; payloads carry ids only, never personal data.
 */
import { z } from 'zod';

export const eventSchemas = {
  'appointments.changed': z.object({ ids: z.array(z.number().int()) }),
  'customers.changed': z.object({ ids: z.array(z.number().int()) }),
  'settings.changed': z.object({ keys: z.array(z.string()) }),
  'items.changed': z.object({ ids: z.array(z.number().int()) }),
  'staff.changed': z.object({ ids: z.array(z.number().int()) }),
  'roster.changed': z.object({ doctorIds: z.array(z.number().int()) }),
  'checklists.changed': z.object({ templateIds: z.array(z.number().int()) }),
  'comfortRules.changed': z.object({ ids: z.array(z.number().int()) }),
  'visits.changed': z.object({ ids: z.array(z.number().int()) }),
  /** An escort moved a step (issue 14): the guides' and room views re-read `escorts.board`. Ids only. */
  'escorts.changed': z.object({ ids: z.array(z.number().int()) }),
  /** A stay or its ward tasks changed (issue 16): the ward board re-reads `stays.board`. */
  'stays.changed': z.object({ ids: z.array(z.number().int()) }),
  /** Follow-up plans, calls or concerns changed (issue 17): the call list and the doctor's list read again. */
  'followUps.changed': z.object({ customerIds: z.array(z.number().int()) }),
  'surveys.changed': z.object({ ids: z.array(z.number().int()) }),
  'notifications.raised': z.object({ ids: z.array(z.number().int()) }),
  'notifications.read': z.object({ ids: z.array(z.number().int()) }),
  /** A backup started, moved on by 5 %, or finished: the settings screen re-reads `backups.list`. */
  'backups.changed': z.object({ running: z.boolean() }),
  /** Consents recorded or withdrawn, consent texts published (issue 20). */
  'privacy.changed': z.object({ customerIds: z.array(z.number().int()) }),
  /** Customers erased: every screen reads its lists again; the core checkpoints the WAL and expires older backups. */
  'privacy.erased': z.object({ customerIds: z.array(z.number().int()) }),
  /** Paired devices (issue 15): one was paired or renamed; the settings screen re-reads the list. */
  'devices.changed': z.object({ ids: z.array(z.number().int()) }),
  /** Devices were removed: the server ends their event streams; the list re-reads. */
  'devices.revoked': z.object({ ids: z.array(z.number().int()) }),
  /** Five wrong pairing codes locked pairing until `until`: the lobby PC says so. */
  'devices.pairingLocked': z.object({ until: z.string() }),
  /** Desktop only: the shell tells its window that a desktop notification was clicked, to open its link. */
  'notifications.opened': z.object({ id: z.number().int(), link: z.string() }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<Name extends EventName> = z.infer<(typeof eventSchemas)[Name]>;

/** One notice as it travels. */
export interface ChangeNotice<Name extends EventName = EventName> {
  name: Name;
  payload: EventPayload<Name>;
}
