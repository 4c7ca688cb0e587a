/**
 * Whether this renderer's host already shows notifications on the desktop: the desktop app's main
 * process does (electron/shell/notifications.ts), so the page must not show them a second time
 * through the Web Notifications API. Lives beside the transport, the one place that knows which
 * host it is.
 */
export function desktopShowsNotifications(): boolean {
  return window.frontdesk !== undefined;
}
