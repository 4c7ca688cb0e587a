/**
 * The consultant step of a follow-up visit (seed 004 rules 11 and 23), for the board card and the
 * room view: a "consultant not seen yet" chip with the button that starts it, then a timer from the
 * start; `CloseFollowUpDialog` asks for a reason when closing before 5 minutes.
 */
import { Button, Input, Modal, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { FOLLOW_UP_MINIMUM_MINUTES } from '../../../shared/domain/follow-ups';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';

export function ConsultantStepChip({ visitId, now }: { visitId: number; now: () => number }) {
  const { t } = useI18n();
  const check = useApiQuery('followUps.visitCheck', { visitId });
  const start = useApiMutation('followUps.consultantSeen');
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((value) => value + 1), 15_000);
    return () => clearInterval(timer);
  }, []);
  const startedAt = check.data?.consultantStartedAt ?? null;
  if (!startedAt) {
    return (
      <Space size={4}>
        <Tag color="warning" data-testid="consultant-not-seen">{t('followUps.consultantNotSeen')}</Tag>
        <Button size="small" loading={start.isPending} onClick={() => void start.mutateAsync({ visitId }).then(() => check.refetch())}>
          {t('followUps.markConsultantSeen')}
        </Button>
      </Space>
    );
  }
  const minutes = Math.max(0, Math.floor((now() - Date.parse(startedAt)) / 60_000));
  return <Tag color={minutes >= FOLLOW_UP_MINIMUM_MINUTES ? 'success' : 'processing'} data-testid="follow-up-timer">{t('followUps.timer', { minutes })}</Tag>;
}

/** Asks for the reason to close a follow-up visit under 5 minutes; `onConfirm(reason)` closes it with the reason as the note. */
export function CloseFollowUpDialog({ open, onConfirm, onCancel }: { open: boolean; onConfirm(reason: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <Modal open={open} title={t('followUps.closeReason')} okButtonProps={{ disabled: reason.trim() === '' }} onOk={() => onConfirm(reason.trim())} onCancel={onCancel}>
      <Input.TextArea autoFocus value={reason} onChange={(event) => setReason(event.target.value)} count={{ show: true, max: 200 }} aria-label={t('followUps.closeReason')} />
    </Modal>
  );
}
