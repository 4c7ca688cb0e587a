/**
 * The notification centre: a drawer with the person's notifications, newest first, unread in bold
 * with a dot, how long ago, "mark all read", and — in the browser — the one place that asks for
 * desktop alerts. Clicking one opens what it is about and marks it read.
 */
import { BellOutlined, CheckOutlined, DesktopOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Empty, Segmented, Spin, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { notificationText } from '../../../shared/i18n/notification-text';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { formatTimeAgo } from './time-ago';
import type { NotificationsState } from './use-notifications';
import styles from './notifications.module.css';

/**
 * "now" on the server's clock for the time-ago labels, moving on every half minute (the list is
 * mounted only while open, so it starts fresh each time).
 */
function useServerNow(offsetMs: number): Date {
  const [deviceNow, setDeviceNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setDeviceNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return new Date(deviceNow + offsetMs);
}

export function NotificationCentre({ open, onClose, state, timeZone }: { open: boolean; onClose(): void; state: NotificationsState; timeZone: string }) {
  const { t } = useI18n();
  return (
    <Drawer
      open={open}
      destroyOnHidden
      onClose={onClose}
      placement="right"
      size={420}
      title={
        <span>
          <BellOutlined /> {t('notifications.heading')}
        </span>
      }
      extra={
        <Button size="small" icon={<CheckOutlined />} disabled={state.unreadCount === 0} loading={state.markingAll} onClick={state.markAllRead}>
          {t('notifications.markAllRead')}
        </Button>
      }
      styles={{ body: { padding: '12px 0 0', display: 'flex', flexDirection: 'column' } }}
      data-testid="notification-centre"
    >
      <CentreList state={state} timeZone={timeZone} onClose={onClose} />
      <DesktopAlerts state={state} />
    </Drawer>
  );
}

/** The filter and the list; mounted while the centre is open, so "how long ago" starts from now. */
function CentreList({ state, timeZone, onClose }: { state: NotificationsState; timeZone: string; onClose(): void }) {
  const { t, language } = useI18n();
  const now = useServerNow(state.serverOffsetMs);
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const shown = filter === 'unread' ? state.items.filter((item) => item.readAt === null) : state.items;
  const absolute = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (
    <>
      <div className={styles.toolbar}>
        <Segmented
          size="small"
          value={filter}
          onChange={(value) => setFilter(value as 'all' | 'unread')}
          options={[
            { value: 'all', label: t('notifications.all') },
            { value: 'unread', label: t('notifications.showUnreadOnly') },
          ]}
        />
        <Typography.Text type="secondary">{t('notifications.unreadCount', { count: state.unreadCount })}</Typography.Text>
      </div>
      <div style={{ flex: 1, overflow: 'auto' }}>
        {state.error ? (
          <Alert type="error" showIcon title={errorMessage(state.error, t)} style={{ margin: 12 }} />
        ) : state.loading ? (
          <Spin style={{ display: 'block', margin: 24 }} />
        ) : shown.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filter === 'unread' ? t('notifications.emptyUnread') : t('notifications.empty')} style={{ margin: '32px 24px' }} />
        ) : (
          <ul className={styles.list} aria-label={t('notifications.heading')}>
            {shown.map((item) => {
              const text = notificationText(language, item);
              const unread = item.readAt === null;
              return (
                <li key={item.id}>
                  <button
                    type="button"
                    className={`${styles.item} ${unread ? styles.unread : styles.read}`}
                    onClick={() => {
                      state.open(item);
                      onClose();
                    }}
                    data-testid="notification-item"
                    data-unread={unread}
                  >
                    <span className={styles.itemHead}>
                      <span className={styles.itemTitle}>
                        <span className={styles.dot} aria-label={unread ? t('notifications.unread') : undefined} />
                        <span>{text.title}</span>
                      </span>
                      <Tooltip title={absolute.format(new Date(item.createdAt))}>
                        <span className={styles.when}>{formatTimeAgo(item.createdAt, now, language)}</span>
                      </Tooltip>
                    </span>
                    {text.body && <span className={styles.body}>{text.body}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </>
  );
}

/** The desktop-alerts line at the foot of the centre: ask (browser), say it is on, or why not. */
function DesktopAlerts({ state }: { state: NotificationsState }) {
  const { t } = useI18n();
  const line = (text: string) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      <DesktopOutlined /> {text}
    </Typography.Text>
  );
  return (
    <div className={styles.desktop} data-testid="desktop-alerts">
      {state.webAlerts === 'desktopApp' && line(t('notifications.desktopByApp'))}
      {state.webAlerts === 'granted' && line(t('notifications.desktopOn'))}
      {state.webAlerts === 'denied' && line(t('notifications.desktopBlocked'))}
      {state.webAlerts === 'unsupported' && line(t('notifications.desktopUnsupported'))}
      {state.webAlerts === 'default' && (
        <Tooltip title={t('notifications.desktopHint')}>
          <Button size="small" icon={<DesktopOutlined />} onClick={state.askWebAlerts}>
            {t('notifications.desktopAllow')}
          </Button>
        </Tooltip>
      )}
    </div>
  );
}
