/**
 * Desktop notifications, for the alerts of later issues (seed 004 rule 26: a long wait or an
 * overdue comfort round must reach reception even when the console is behind another window).
 */
import { Notification, type BrowserWindow } from 'electron';
import { focusWindow } from './windows';

export interface DesktopNotice {
  title: string;
  body: string;
}

/**
 * Shows `notice` as a system notification; clicking it brings the console to the front.
 * Returns false where the system has no notifications.
 *
 * @example showDesktopNotification({ title: '等候超时', body: 'A012 已等候 31 分钟' }, () => mainWindow)
 */
export function showDesktopNotification(notice: DesktopNotice, windowToFocus: () => BrowserWindow | null): boolean {
  if (!Notification.isSupported()) return false;
  const notification = new Notification({ title: notice.title, body: notice.body });
  notification.on('click', () => {
    focusWindow(windowToFocus());
  });
  notification.show();
  return true;
}
