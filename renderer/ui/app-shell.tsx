/**
 * The frame of every signed-in screen: navigation on the left, the clinic, the day, the connection
 * and the person at the console on top.
 */
import { DisconnectOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Avatar, Button, Dropdown, Flex, Layout, Menu, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import type { SessionInfo } from '../../shared/contract/auth';
import type { ConnectionState } from '../client/transport';
import { useApi } from '../client/api-context';
import { useApiQuery } from '../client/queries';
import { NotificationBell } from '../features/notifications/notification-bell';
import { ROUTES } from '../routes';
import { useI18n } from '../i18n/i18n';
import { formatClinicDate } from './format';
import { HEADER_HEIGHT } from './theme';
import { LanguageSwitch } from './language-switch';
import { PageBoundary } from './page-boundary';
import { RoleProvider } from './permissions';
import { useWithShortcut } from './shortcut-hint';
import { useHashRoute } from './router';
import { useAfterFirstPaint } from './use-after-first-paint';
import { fetchLaterParts } from './later';
import styles from './app-shell.module.css';

interface AppShellProps {
  session: SessionInfo;
  onLock(): void;
  onSignOut(): Promise<void>;
  onSessionChanged(session: SessionInfo): void;
}

export function AppShell({ session: initial, onLock, onSignOut, onSessionChanged }: AppShellProps) {
  const { t, language } = useI18n();
  const withShortcut = useWithShortcut();
  const api = useApi();
  // Settings changed by a manager elsewhere arrive here through the change notices.
  const me = useApiQuery('auth.me', {}, { initialData: initial });
  const session = me.data ?? initial;
  useEffect(() => {
    if (me.data && me.data !== initial) onSessionChanged(me.data);
  }, [me.data, initial, onSessionChanged]);

  const [connection, setConnection] = useState<ConnectionState>('open');
  useEffect(() => api.onConnection(setConnection), [api]);
  // Shown over every screen until a change goes through again: staff must act (free space, call IT).
  const [diskFull, setDiskFull] = useState(false);
  useEffect(() => api.onDiskFull(setDiskFull), [api]);

  // Alt+L locks the console at once (leaving the desk).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        onLock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onLock]);

  // The menu comes in the frame after the page's first (use-after-first-paint.ts): its width is the
  // sider's, so nothing moves.
  const menuShown = useAfterFirstPaint();
  // And then the dialogs, drawers and popovers nobody has opened yet (later.tsx).
  useEffect(() => {
    if (menuShown) fetchLaterParts();
  }, [menuShown]);
  const { segments, navigate } = useHashRoute();
  const allowed = ROUTES.filter((route) => route.roles.includes(session.staff.role));
  const current = allowed.find((route) => route.key === segments[0]) ?? allowed[0];

  const { settings, today } = session.clinic;
  const clinicName = language === 'en' && settings.clinicNameEn ? settings.clinicNameEn : settings.clinicName;

  return (
    <Layout className={styles.shell} style={{ '--fd-header-height': `${String(HEADER_HEIGHT)}px` } as CSSProperties}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64} className={styles.sider}>
        <div className={styles.logo}>
          <span className={styles.logoMark}>{t('app.logoMark')}</span>
          <span className={styles.logoText}>{t('app.name')}</span>
        </div>
        {menuShown && (
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={current ? [current.key] : []}
            // A page's code starts loading as the pointer reaches its entry, before the click.
            items={allowed.map((route) => ({ key: route.key, icon: route.icon, label: t(route.label), onMouseEnter: () => void route.preload() }))}
            onClick={({ key }) => navigate(`/${key}`)}
          />
        )}
      </Layout.Sider>
      <Layout>
        <Layout.Header className={styles.header}>
          <Flex align="baseline" gap={14} className={styles.headerTitle}>
            <Typography.Text strong className={styles.clinicName}>
              {clinicName}
            </Typography.Text>
            <Typography.Text type="secondary" className={styles.headerDate}>
              {formatClinicDate(today, language)}
            </Typography.Text>
          </Flex>
          <Flex align="center" gap={12}>
            {connection !== 'open' && (
              <Tooltip title={t('app.offline')}>
                <Tag icon={<DisconnectOutlined />} color="warning">
                  {t('app.offline')}
                </Tag>
              </Tooltip>
            )}
            <NotificationBell staffId={session.staff.id} timeZone={settings.timeZone} navigate={navigate} />
            <LanguageSwitch />
            <Tooltip title={withShortcut(t('signIn.lockNow'), 'Alt+L')}>
              <Button icon={<LockOutlined />} onClick={onLock} aria-label={t('nav.lock')} />
            </Tooltip>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'lock', icon: <LockOutlined />, label: withShortcut(t('nav.lock'), 'Alt+L'), onClick: onLock },
                  { key: 'signOut', icon: <LogoutOutlined />, label: t('nav.signOut'), onClick: () => void onSignOut() },
                ],
              }}
            >
              <Button type="text" className={styles.user} data-testid="user-menu">
                <Avatar size={28} icon={<UserOutlined />} className={styles.userAvatar} />
                <span>{session.staff.name}</span>
                <Tag className={styles.userRole}>{t(`role.${session.staff.role}`)}</Tag>
              </Button>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content className={styles.content}>
          {diskFull && (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="disk-full-banner"
              className={styles.diskFull}
              title={t('app.diskFull.title')}
              description={t('app.diskFull.action')}
            />
          )}
          {current ? (
            <RoleProvider role={session.staff.role}>
              <PageBoundary pageKey={current.key}>{current.render({ session, params: segments.slice(1), navigate })}</PageBoundary>
            </RoleProvider>
          ) : (
            <Alert type="info" showIcon title={t('role.display')} />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
