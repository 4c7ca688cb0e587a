/**
 * The notifications of the person at the console: the list (refreshed by the `notifications.*`
 * notices), what counts as news (a toast, and a system alert in the browser where allowed), and
 * opening one (go to its link, mark it read). Also answers the desktop app's "a system notification
 * was clicked" notice.
 */
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { createElement, useCallback, useEffect, useRef, useState } from 'react';
import type { ApiCallError } from '../../../shared/contract/errors';
import { openedNotification } from '../../../shared/contract/event-names';
import type { NotificationItem } from '../../../shared/contract/notifications';
import type { OutputOf } from '../../../shared/contract/index';
import { notificationText } from '../../../shared/i18n/notification-text';
import { useApi } from '../../client/api-context';
import { desktopShowsNotifications } from '../../client/system-notifications';
import { useI18n } from '../../i18n/i18n';
import { MAX_TOASTS, newArrivals } from './arrivals';
import { askWebAlertPermission, showWebAlert, webAlertPermission, type WebAlertPermission } from './web-alerts';

const LIST_INPUT = { limit: 50 } as const;
const TOAST_SECONDS = 10;

export interface NotificationsState {
  items: NotificationItem[];
  unreadCount: number;
  /** The server's clock minus this device's (a demo played to another time, a PC clock off). */
  serverOffsetMs: number;
  loading: boolean;
  error: ApiCallError | null;
  /** Goes to the notification's link and marks it read. */
  open(item: NotificationItem): void;
  markAllRead(): void;
  markingAll: boolean;
  /** `desktopApp` when the desktop app shows system alerts itself. */
  webAlerts: WebAlertPermission | 'desktopApp';
  askWebAlerts(): void;
}

/**
 * @param staffId who is signed in: each person has their own list and their own baseline of news.
 * @param navigate the shell's hash navigation (`/board`).
 */
export function useNotifications(staffId: number, navigate: (path: string) => void): NotificationsState {
  const api = useApi();
  const queryClient = useQueryClient();
  const { t, language } = useI18n();
  const { notification: toasts } = App.useApp();
  const queryKey = ['notifications.list', LIST_INPUT, { staffId }];
  const list = useQuery<OutputOf<'notifications.list'>, ApiCallError>({ queryKey, queryFn: () => api.call('notifications.list', LIST_INPUT) });

  const { mutate: markRead } = useMutation<OutputOf<'notifications.markRead'>, ApiCallError, number[]>({
    mutationFn: (ids) => api.call('notifications.markRead', { ids }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications.list'] }),
  });
  const markAll = useMutation<OutputOf<'notifications.markAllRead'>, ApiCallError, void>({
    mutationFn: () => api.call('notifications.markAllRead', {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications.list'] }),
  });

  const openLink = useCallback((id: number, link: string, unread: boolean) => {
    toasts.destroy(`notification-${id}`);
    navigate(link.replace(/^#/, ''));
    if (unread) markRead([id]);
  }, [navigate, markRead, toasts]);

  const open = useCallback((item: NotificationItem) => openLink(item.id, item.link, item.readAt === null), [openLink]);

  // The desktop app: a click on one of its system notifications.
  useEffect(
    () =>
      api.onNotice((notice) => {
        if (notice.name !== 'notifications.opened') return;
        // Checked like any input: only a console route is followed.
        const opened = openedNotification(notice.payload);
        if (opened) openLink(opened.id, opened.link, true);
      }),
    [api, openLink],
  );

  const [permission, setPermission] = useState<WebAlertPermission>(() => webAlertPermission());
  const desktopApp = desktopShowsNotifications();

  // News: a toast each (a few at most, bottom right: the header's buttons stay free), and a system alert in the browser where turned on.
  const known = useRef<{ staffId: number; ids: Set<number> } | null>(null);
  // The toasts below read these at the moment news arrives, without re-running on each change.
  const latest = useRef({ open, t, language, desktopApp });
  useEffect(() => {
    latest.current = { open, t, language, desktopApp };
  });
  useEffect(() => {
    if (!list.data) return;
    const before = known.current?.staffId === staffId ? known.current.ids : null;
    const { arrived, known: ids } = newArrivals(before, list.data.items);
    known.current = { staffId, ids };
    const { open: openItem, t: translate, language: lang, desktopApp: appShows } = latest.current;
    const shown = arrived.slice(-MAX_TOASTS);
    for (const item of shown) {
      const text = notificationText(lang, item);
      toasts.open({
        key: `notification-${item.id}`,
        title: text.title,
        description: text.body,
        duration: TOAST_SECONDS,
        placement: 'bottomRight',
        icon: createElement(BellOutlined, { style: { color: '#0e7c7b' } }),
        onClick: () => openItem(item),
        props: { 'data-testid': 'notification-toast', role: 'alert', style: { cursor: 'pointer' } } as never,
      });
      if (!appShows) showWebAlert({ tag: `frontdesk-${item.id}`, title: text.title, body: text.body, lang }, () => openItem(item));
    }
    if (arrived.length > shown.length) {
      toasts.info({ key: 'notification-more', title: translate('notifications.more', { count: arrived.length - shown.length }), duration: TOAST_SECONDS, placement: 'bottomRight' });
    }
  }, [list.data, staffId, toasts]);

  return {
    items: list.data?.items ?? [],
    unreadCount: list.data?.unreadCount ?? 0,
    serverOffsetMs: list.data ? Date.parse(list.data.now) - list.dataUpdatedAt : 0,
    loading: list.isLoading,
    error: list.error,
    open,
    markAllRead: () => markAll.mutate(),
    markingAll: markAll.isPending,
    webAlerts: desktopApp ? 'desktopApp' : permission,
    askWebAlerts: () => {
      void askWebAlertPermission().then(setPermission);
    },
  };
}
