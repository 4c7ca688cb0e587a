/**
 * The bell in the console's header: the unread count, the centre it opens (also with Alt+N), and
 * the toasts of news while the console is open (./use-notifications.ts).
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useWithShortcut } from '../../ui/shortcut-hint';
import { later, useTimesOpened } from '../../ui/later';
import { useNotifications } from './use-notifications';

/** Alt+N opens and closes the centre (N alone is "new appointment" on the appointments page). */
export const CENTRE_SHORTCUT = 'Alt+N';

// The centre (antd's Drawer and its list) is fetched after the first frame (ui/later.tsx).
const NotificationCentre = later(() => import('./notification-centre').then((module) => module.NotificationCentre));

export function NotificationBell({ staffId, timeZone, navigate }: { staffId: number; timeZone: string; navigate(path: string): void }) {
  const { t } = useI18n();
  const withShortcut = useWithShortcut();
  const state = useNotifications(staffId, navigate);
  const [open, setOpen] = useState(false);
  // Made when first opened, then kept, so that it closes with its animation.
  const [made, setMade] = useState(false);
  if (open && !made) setMade(true);
  const timesOpened = useTimesOpened(open);
  const close = () => setOpen(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // event.code: Alt+N types "˜" on a Mac keyboard.
      if (event.altKey && !event.ctrlKey && !event.metaKey && (event.code === 'KeyN' || event.key.toLowerCase() === 'n')) {
        event.preventDefault();
        setOpen((current) => !current);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const label = state.unreadCount > 0 ? t('notifications.bellUnread', { count: state.unreadCount }) : t('notifications.bell');
  return (
    <>
      <Tooltip title={withShortcut(label, CENTRE_SHORTCUT)}>
        <Badge count={state.unreadCount} size="small" overflowCount={99} offset={[-4, 4]}>
          <Button icon={<BellOutlined />} onClick={() => setOpen(true)} aria-label={label} data-testid="notification-bell" />
        </Badge>
      </Tooltip>
      {made && (
        <NotificationCentre open={open} onClose={close} state={state} timeZone={timeZone} partAttempt={timesOpened} partClose={close} />
      )}
    </>
  );
}
