/**
 * The banner of a tablet or TV whose Wi-Fi dropped (issue 15): what is on screen is what was
 * known when the link dropped, and how many taps wait to be sent. The screen underneath stays.
 */
import { DisconnectOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { LinkState } from '../../client/device-link';
import styles from './devices.module.css';

export function OfflineBanner({ link }: { link: LinkState }) {
  const { t, language } = useI18n();
  if (link.offlineSince === null) return null;
  const time = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false }).format(link.offlineSince);
  return (
    <Alert
      type="warning"
      showIcon
      icon={<DisconnectOutlined />}
      banner
      role="status"
      data-testid="offline-banner"
      className={styles.offline}
      title={t('devices.offline.banner', { time })}
      description={link.queued > 0 ? t('devices.offline.queued', { count: link.queued }) : undefined}
    />
  );
}
