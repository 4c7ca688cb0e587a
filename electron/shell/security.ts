/**
 * What every page of the app may and may not do, applied to each webContents as it is created:
 * no navigation away from `app://console`, no new windows, no `<webview>`, and of all browser
 * permissions only notifications (the wait and comfort-round alerts).
 */
import type { Session, WebContents } from 'electron';
import { isConsoleUrl } from './console-url';

/** Locks one webContents to the console's own pages. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isConsoleUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isConsoleUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** The one permission the console asks for: notifications, from its own origin. */
export function isPermissionAllowed(permission: string, origin: string | undefined): boolean {
  return permission === 'notifications' && isConsoleUrl(origin);
}

/** Refuses every permission request and check except notifications from the console. */
export function allowOnlyNotifications(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
}
