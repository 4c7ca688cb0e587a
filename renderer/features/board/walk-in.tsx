/**
 * The walk-in dialog of the board's check-in (F4 or the walk-in button): a customer with no
 * appointment today, found or created, checked in with the doctor she asks for. Loaded after the
 * board's first frame (ui/later.tsx), as nobody can open it before.
 */
import { Form, Modal, Select } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { ApiCallError } from '../../../shared/contract/errors';
import type { OutputOf } from '../../../shared/contract/index';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { CustomerPicker } from '../customers/customer-picker';

export function WalkIn({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(result: OutputOf<'visits.checkIn'>): void }) {
  const { t } = useI18n();
  const [customerId, setCustomerId] = useState<number | null>(null);
  const [doctorId, setDoctorId] = useState<number | undefined>();
  const day = useApiQuery('appointments.dayView', {}, { enabled: open });
  const checkIn = useApiMutation('visits.checkIn');
  const body = useRef<HTMLDivElement | null>(null);
  // F4 then typing at once: the name goes into the customer search, not to the close button the
  // dialog would focus first (issue 13 part 6). Focused as the dialog's body mounts, so the dialog
  // (which focuses itself only when nothing inside it has the focus) leaves it there.
  const focusSearch = useCallback((node: HTMLDivElement | null) => {
    body.current = node;
    node?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);
  return (
    <Modal
      open={open}
      title={t('visits.walkInTitle')}
      afterOpenChange={(opened) => {
        if (opened) body.current?.querySelector<HTMLInputElement>('input')?.focus();
      }}
      okText={t('visits.checkIn')}
      okButtonProps={{ disabled: customerId === null, loading: checkIn.isPending }}
      onCancel={onClose}
      destroyOnHidden
      onOk={() =>
        customerId !== null &&
        checkIn.mutate(
          { walkIn: { customerId, ...(doctorId ? { doctorId } : {}) } },
          {
            onSuccess: (result) => {
              onDone(result);
              setCustomerId(null);
              onClose();
            },
          },
        )
      }
    >
      <Form layout="vertical" component="div">
        <div ref={focusSearch}>
        <Form.Item label={t('appointments.form.customer')} required>
          <CustomerPicker value={customerId} onChange={(id) => setCustomerId(id)} allowCreate />
        </Form.Item>
        </div>
        <Form.Item label={t('visits.walkInDoctor')}>
          <Select
            allowClear
            value={doctorId}
            onChange={setDoctorId}
            options={(day.data?.doctors ?? []).filter((doctor) => doctor.shift && doctor.confirmation !== 'absent').map((doctor) => ({ value: doctor.id, label: `${doctor.name}${doctor.specialty ? ` · ${doctor.specialty}` : ''}` }))}
          />
        </Form.Item>
      </Form>
      {checkIn.error instanceof ApiCallError && <div role="alert" style={{ color: '#c62830' }}>{checkIn.error.message}</div>}
    </Modal>
  );
}
