/**
 * The home screen's reminder that today's doctors are not all confirmed yet (seed 000 step 4:
 * the roster is confirmed before opening). Shows nothing once every doctor on shift is confirmed.
 */
import { Alert, Button } from 'antd';
import { useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';

export function RosterStatusBanner() {
  const { t } = useI18n();
  const today = useApiQuery('roster.today', {});
  const total = today.data?.doctors.length ?? 0;
  const confirmed = today.data?.confirmedCount ?? 0;
  if (!today.data || total === 0 || confirmed >= total) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('roster.banner.unconfirmed', { confirmed, total })}
      action={
        <Button size="small" type="primary" href="#/roster">
          {t('roster.banner.open')}
        </Button>
      }
    />
  );
}
