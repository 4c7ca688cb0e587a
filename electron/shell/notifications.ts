/**
 * Desktop notifications (seed 004 rule 26: a long wait or an overdue comfort round must reach
 * reception even when the console is behind another window). Which ones, and in which words, is
 * ../core/desktop-alerts.ts; this only shows them and answers a click.
 */
import { Notification, type BrowserWindow } from 'electron';
import type { ChangeNotice } from '../../shared/contract/events';
import type { DesktopAlert } from '../core/desktop-alerts';
import { NOTICE_CHANNEL } from './channels';
import { focusWindow } from './windows';

export interface DesktopNotice {
  title: string;
  body: string;
}

/**
 * Shows `notice` as a system notification; clicking it brings the console to the front, then runs
 * `onClick` with that window. Returns false where the system has no notifications.
 *
 * @example showDesktopNotification({ title: '等候超时', body: 'A012 已等候 31 分钟' }, () => mainWindow)
 */
export function showDesktopNotification(
  notice: DesktopNotice,
  windowToFocus: () => BrowserWindow | null,
  onClick?: (window: BrowserWindow) => void,
): boolean {
  if (!Notification.isSupported()) return false;
  const notification = new Notification({ title: notice.title, body: notice.body });
  notification.on('click', () => {
    const window = windowToFocus();
    focusWindow(window);
    if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) onClick?.(window);
  });
  notification.show();
  return true;
}

/**
 * Shows a raised notification; a click focuses the console and tells its page to open the
 * notification's link (the `notifications.opened` notice, which the renderer turns into a
 * navigation and a read mark).
 */
export function showNotificationAlert(alert: DesktopAlert, consoleWindow: () => BrowserWindow | null): boolean {
  return showDesktopNotification(alert, consoleWindow, (window) => {
    const opened: ChangeNotice<'notifications.opened'> = { name: 'notifications.opened', payload: { id: alert.id, link: alert.link } };
    window.webContents.send(NOTICE_CHANNEL, opened);
  });
}
