/**
 * The home screen's reminder that today's doctors are not all confirmed yet (seed 000 step 4:
 * the roster is confirmed before opening). Shows nothing once every doctor on shift is confirmed.
 */
import { Alert, Button } from 'antd';
import { useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { useCan } from '../../ui/permissions';

export function RosterStatusBanner() {
  const { t } = useI18n();
  // Only a role that confirms the roster is asked to (issue 13 part 5: a guide's banner led to a page of disabled buttons).
  const canConfirm = useCan('roster.confirm');
  const today = useApiQuery('roster.today', {}, { enabled: canConfirm });
  const total = today.data?.doctors.length ?? 0;
  const confirmed = today.data?.confirmedCount ?? 0;
  if (!canConfirm || !today.data || total === 0 || confirmed >= total) return null;
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
