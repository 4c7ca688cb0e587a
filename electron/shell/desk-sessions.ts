/**
 * Who is signed in at this desktop's windows, and the language the console speaks: what the desktop
 * notifications are filtered by and written in (../core/desktop-alerts.ts). The IPC bridge keeps it
 * current from the calls it carries; nothing here imports Electron.
 */
import type { Role } from '../../shared/domain/roles';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/i18n/messages';
import type { DesktopAudience } from '../core/desktop-alerts';

export interface DeskSessions extends DesktopAudience {
  /** A window (by webContents id) signed in as `role`. */
  signedIn(windowId: number, role: Role): void;
  /** A window signed out, was locked, or went away. */
  signedOut(windowId: number): void;
  /** The language a window's last call was made in. */
  spoke(windowId: number, language: Language): void;
}

export function createDeskSessions(): DeskSessions {
  const roles = new Map<number, Role>();
  let language: Language = DEFAULT_LANGUAGE;
  return {
    signedIn: (windowId, role) => void roles.set(windowId, role),
    signedOut: (windowId) => void roles.delete(windowId),
    spoke(windowId, next) {
      // The lobby TV's language is the lobby's, not the desk's.
      if (roles.get(windowId) !== 'display') language = next;
    },
    // The lobby display is not a reader of notifications.
    roles: () => [...new Set(roles.values())].filter((role) => role !== 'display'),
    language: () => language,
  };
}
