/**
 * A notification rule: one thing the scheduler watches for, as data. The scheduler calls every
 * rule's `evaluate` on each tick and raises each item it returns at most once — the database's
 * UNIQUE (kind, subject, escalation) key makes "one per thing per escalation" hold across ticks,
 * racing ticks and restarts alike. So a rule never remembers what it already raised: it only says
 * what is due *now*, and returns it again on every tick while it stays due.
 *
 * ## Adding a rule (one file)
 * 1. Create `electron/services/notification-rules/<kind-in-kebab-case>.ts` exporting a
 *    `NotificationRule`, e.g. the comfort round of seed 004 rule 2:
 *    ```ts
 *    export const comfortOverdueRule: NotificationRule = {
 *      kind: 'comfortOverdue',
 *      async evaluate(db, now, settings) {
 *        const overdue = await overdueComfortTasks(db, now); // from the visits/comfort service
 *        return overdue.map((task) => ({
 *          subject: { kind: 'comfortTask', id: String(task.id) },
 *          escalation: 'due',                      // or 'due+15' for a second, louder step
 *          titleKey: 'notifications.comfortOverdue.title',
 *          bodyKey: 'notifications.comfortOverdue.body',
 *          params: { ticket: task.ticket, task: task.kind, minutes: task.minutesLate },
 *          roles: ['reception', 'guide', 'manager'],
 *          link: `#/queue/${task.visitId}`,
 *        }));
 *      },
 *    };
 *    ```
 * 2. Add its messages (title and body, zh and en) to shared/i18n/catalog/notifications.ts.
 * 3. Add it to `NOTIFICATION_RULES` in ./index.ts, and a test beside it with a moving clock.
 *
 * Rules read; they never write (the scheduler does). Params are ids, counts, times and masked
 * names only: a notification is shown on screens and desktops in public places (DESIGN.md,
 * privacy), so never a full name, a phone or an item of interest.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../../shared/domain/roles';
import type { Settings } from '../../../shared/domain/settings';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { Database } from '../../db/schema';

/** One thing that is due now. */
export interface DueNotification {
  /** What it is about: `{kind: 'rosterDay', id: '2026-11-23'}`, `{kind: 'checklist', id: '3@2026-11-23'}`. */
  subject: { kind: string; id: string };
  /** The step of the rule: the same thing may be raised again at a later escalation, once each. */
  escalation: string;
  titleKey: MessageKey;
  bodyKey: MessageKey;
  /**
   * The messages' `{name}` parameters. A text that has an English form too is passed twice:
   * `name` (Chinese) and `nameEn`; English readers see the `…En` one in place of `{name}`.
   */
  params: Record<string, string | number>;
  /** Who is told. */
  roles: readonly Exclude<Role, 'display'>[];
  /** The hash route that opens the thing, e.g. `#/roster`. */
  link: string;
}

/** A rule the scheduler evaluates on every tick. */
export interface NotificationRule {
  /** camelCase, unique among the rules; stored with each notification it raises. */
  kind: string;
  /** Everything due at `now` (clinic rules read `settings.timeZone`); returns the same items again while they stay due. */
  evaluate(db: Kysely<Database> | Transaction<Database>, now: Date, settings: Settings): Promise<DueNotification[]>;
}
