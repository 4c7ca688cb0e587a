/**
 * Today's "arrival" column (issue 13 part 10): the ticket and where the customer is once they
 * arrived; before that, a booking whose time has passed is flagged late with the minutes and,
 * past the clinic's threshold (settings: lateCallMinutes), reception is told to call — the phone
 * is read on demand through `customers.get`, whose access is logged.
 */
import { PhoneOutlined } from '@ant-design/icons';
import { Button, Flex, Popover, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AppointmentRow } from '../../../shared/contract/appointments';
import { lateness } from '../../../shared/domain/lateness';
import { formatPhone } from '../../../shared/domain/phone';
import { useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { addressFormOf } from '../../../shared/domain/customers';

export function ArrivalCell({ row, now, callAfterMinutes }: { row: AppointmentRow; now: Date; callAfterMinutes: number }) {
  const { t } = useI18n();
  if (row.visit) {
    return (
      <Tag color="success" data-testid="today-ticket">
        {row.visit.ticket} · {t(`visits.status.${row.visit.status}`)}
      </Tag>
    );
  }
  const late = lateness(row, now, callAfterMinutes);
  if (!late) return null;
  if (late.kind === 'late') {
    return (
      <Tag color="warning" data-testid="today-late">
        {t('appointments.late.minutes', { minutes: late.minutes })}
      </Tag>
    );
  }
  return (
    <Flex gap={4} align="center" wrap>
      <Tag color="error" data-testid="today-late">
        {t('appointments.late.minutes', { minutes: late.minutes })} · {t('appointments.late.suggestCall')}
      </Tag>
      <CallButton customerId={row.customer.id} name={addressFormOf(row.customer)} />
    </Flex>
  );
}

function CallButton({ customerId, name }: { customerId: number; name: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('appointments.late.callTitle', { name })}
      content={open ? <PhoneOf customerId={customerId} /> : null}
    >
      <Button size="small" icon={<PhoneOutlined />} data-testid="today-call">
        {t('appointments.late.call')}
      </Button>
    </Popover>
  );
}

function PhoneOf({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const detail = useApiQuery('customers.get', { id: customerId });
  if (detail.isPending) return <Spin size="small" />;
  if (detail.isError) return <Typography.Text type="danger">{errorMessage(detail.error, t)}</Typography.Text>;
  const phone = detail.data.customer.phone;
  return (
    <Typography.Link href={`tel:${phone}`} copyable={{ text: phone }} data-testid="today-phone" style={{ fontSize: 16 }}>
      {formatPhone(phone)}
    </Typography.Link>
  );
}
