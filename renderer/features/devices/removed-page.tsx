/** A device a manager removed (issue 15): said plainly, nothing of the clinic left on screen. */
import { StopOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useI18n } from '../../i18n/i18n';
import styles from './devices.module.css';

export function RemovedPage({ onPairAgain }: { onPairAgain(): void }) {
  const { t } = useI18n();
  return (
    <div className={styles.page}>
      <div className={styles.card} style={{ background: '#fff', padding: 24 }} data-testid="device-removed">
        <Result
          status="error"
          icon={<StopOutlined />}
          title={t('devices.removedPage.title')}
          subTitle={t('devices.removedPage.body')}
          extra={
            <Button size="large" className={styles.bigButton} onClick={onPairAgain}>
              {t('devices.removedPage.again')}
            </Button>
          }
        />
      </div>
    </div>
  );
}
