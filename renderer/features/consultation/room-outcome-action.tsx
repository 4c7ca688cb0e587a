/**
 * The consultation's outcome from the room view (issues 14 and 16): a customer inside the room gets
 * a "record the outcome" button for the consultants, doctors and managers the provider allows.
 */
import { Button } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { registerRoomRowAction } from '../escorts/room-row-actions';
import { useOutcomeAction } from './outcome-action';

function OutcomeRowButton({ visitId }: { visitId: number }) {
  const { t } = useI18n();
  const open = useOutcomeAction();
  if (!open) return null;
  return (
    <Button size="large" type="primary" onClick={() => open(visitId)} data-testid="room-outcome">
      {t('outcomes.action')}
    </Button>
  );
}

registerRoomRowAction({ key: 'outcome', order: 10, shows: (row) => row.place === 'inside', render: (row) => <OutcomeRowButton visitId={row.escort.visitId} /> });
