/**
 * What a tablet or TV on the clinic LAN sees until it is paired (issue 15): nothing of the clinic,
 * only a box for the 6-digit code a manager shows on the lobby PC. Touch-sized (44 px and more).
 */
import { Alert, App, Button, Card, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiCallError } from '../../../shared/contract/errors';
import { useApi } from '../../client/api-context';
import { useI18n } from '../../i18n/i18n';
import { LanguageSwitch } from '../../ui/language-switch';
import styles from './devices.module.css';

export function PairingPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!/^\d{6}$/.test(code)) {
      setError(t('validation.pairingCode'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { device } = await api.call('devices.pair', { code });
      void message.success(t('devices.pairPage.done', { name: device.name }));
    } catch (caught) {
      setError(caught instanceof ApiCallError ? caught.message : t('error.network'));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.page}>
      <Card className={styles.card} data-testid="pairing-page">
        <Flex vertical gap={20}>
          <Flex justify="space-between" align="center">
            <div className={styles.brandMark}>前</div>
            <LanguageSwitch />
          </Flex>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('devices.pairPage.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 16, margin: 0 }}>
            {t('devices.pairPage.hint')}
          </Typography.Paragraph>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <Flex vertical gap={16}>
              <label htmlFor="pairing-code">
                <Typography.Text strong>{t('devices.pairPage.code')}</Typography.Text>
              </label>
              <Input
                id="pairing-code"
                className={styles.codeInput}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                autoFocus
                value={code}
                status={error ? 'error' : ''}
                onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
                {...(error ? { 'aria-describedby': 'pairing-error' } : {})}
              />
              {error && <Alert id="pairing-error" type="error" showIcon title={error} role="alert" />}
              <Button type="primary" htmlType="submit" size="large" block loading={busy} className={styles.bigButton}>
                {t('devices.pairPage.submit')}
              </Button>
            </Flex>
          </form>
        </Flex>
      </Card>
    </div>
  );
}
