/**
 * Which raised notifications the desktop shows, and in which words (issue 5, item 6; seed 004
 * rule 26: a long wait must reach reception even when the console is behind another window).
 * Plain Node, so it is tested without Electron; the shell only hands it a way to show one.
 */
import type { Role } from '../../shared/domain/roles';
import { notificationText } from '../../shared/i18n/notification-text';
import type { Language } from '../../shared/i18n/messages';
import type { EventBus } from '../api/event-bus';
import { findNotifications } from '../db/repositories/notifications';
import type { ConsoleCore } from './create-core';

type StaffRole = Exclude<Role, 'display'>;

/** One notification as the desktop shows it. */
export interface DesktopAlert {
  id: number;
  title: string;
  body: string;
  /** The console's hash route that opens what it is about, e.g. `#/board`. */
  link: string;
}

/** Who is at this desktop, asked at the moment a notification is raised. */
export interface DesktopAudience {
  /** The roles of the people signed in at this desktop's windows. */
  roles(): readonly Role[];
  /** The console's language (what its windows last spoke). */
  language(): Language;
}

/**
 * When nobody is signed in (the console locked between customers), the desktop is the lobby PC's,
 * whose alerts are reception's: a wait past red must still be seen.
 */
export const UNATTENDED_ROLES: readonly StaffRole[] = ['reception'];

/** True when a notification told `told` should show for an audience signed in as `signedIn`. */
export function isForAudience(told: readonly Role[], signedIn: readonly Role[]): boolean {
  const audience = signedIn.length > 0 ? signedIn : UNATTENDED_ROLES;
  return told.some((role) => audience.includes(role));
}

export interface DesktopAlertOptions {
  core: Pick<ConsoleCore, 'database'> & { events: EventBus };
  audience: DesktopAudience;
  show(alert: DesktopAlert): void;
  logError?(error: unknown): void;
}

/**
 * Shows every notification the scheduler raises from now on for the desktop's audience, translated;
 * returns the unsubscribe.
 *
 * @example const stop = forwardRaisedToDesktop({ core, audience, show: (alert) => showDesktopNotification(alert, …) });
 */
export function forwardRaisedToDesktop(options: DesktopAlertOptions): () => void {
  const logError = options.logError ?? ((error: unknown) => console.error('[desktop alerts] failed', error));
  return options.core.events.subscribe((notice) => {
    if (notice.name !== 'notifications.raised') return;
    const { ids } = notice.payload as { ids: number[] };
    // Who is at the desk when it is raised, not when the rows have been read.
    const signedIn = [...options.audience.roles()];
    const language = options.audience.language();
    findNotifications(options.core.database.db, ids)
      .then((rows) => {
        for (const row of rows) {
          if (!isForAudience(row.roles, signedIn)) continue;
          const params = JSON.parse(row.params) as Record<string, string | number>;
          const text = notificationText(language, { titleKey: row.title_key, bodyKey: row.body_key, params });
          options.show({ id: row.id, title: text.title, body: text.body, link: row.link });
        }
      })
      .catch(logError);
  });
}
