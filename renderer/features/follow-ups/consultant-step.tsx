/**
 * The checks of a follow-up visit (F) for the board card and the room view (seed 004 rules 11 and
 * 23): a "consultant not seen yet" chip with the button that starts the consultant step, then a
 * timer from its start; on day 2 after surgery or at stitch removal, the surgeon's look, offered
 * while the surgeon is on shift. `CloseFollowUpDialog` asks for a reason when closing before 5 minutes.
 */
import { Button, Input, Modal, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { FOLLOW_UP_MINIMUM_MINUTES } from '../../../shared/domain/follow-ups';
import { TICKET_PREFIX } from '../../../shared/domain/visits';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';

/** Whether a ticket is a follow-up visit's (F): the room view knows visits by ticket. */
export const isFollowUpTicket = (ticket: string) => ticket.startsWith(TICKET_PREFIX.followup);

export function ConsultantStepChip({ visitId, now, size = 'small' }: { visitId: number; now: () => number; size?: 'small' | 'large' }) {
  const { t } = useI18n();
  const check = useApiQuery('followUps.visitCheck', { visitId });
  const start = useApiMutation('followUps.consultantSeen');
  const looked = useApiMutation('followUps.surgeonSeen');
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((value) => value + 1), 15_000);
    return () => clearInterval(timer);
  }, []);
  const startedAt = check.data?.consultantStartedAt ?? null;
  const look = check.data?.surgeonLook ?? null;
  const minutes = startedAt ? Math.max(0, Math.floor((now() - Date.parse(startedAt)) / 60_000)) : 0;
  return (
    <Space size={4} wrap onClick={(event) => event.stopPropagation()}>
      {startedAt ? (
        <Tag color={minutes >= FOLLOW_UP_MINIMUM_MINUTES ? 'success' : 'processing'} data-testid="follow-up-timer">
          {t('followUps.timer', { minutes })}
        </Tag>
      ) : (
        <>
          <Tag color="warning" data-testid="consultant-not-seen">{t('followUps.consultantNotSeen')}</Tag>
          <Button size={size} loading={start.isPending} data-testid="consultant-seen" onClick={() => void start.mutateAsync({ visitId }).then(() => check.refetch(), () => check.refetch())}>
            {t('followUps.markConsultantSeen')}
          </Button>
        </>
      )}
      {look &&
        (look.seenAt ? (
          <Tag color="success" data-testid="surgeon-look-done">{t('followUps.surgeonLook.done')}</Tag>
        ) : look.onShift ? (
          <>
            <Tag color="gold" data-testid="surgeon-look">
              {look.reason === 'day2' ? t('followUps.surgeonLook.day2', { surgeon: look.surgeon.name }) : t('followUps.surgeonLook.stitches', { surgeon: look.surgeon.name, days: look.daysSinceSurgery })}
            </Tag>
            {startedAt && (
              <Button size={size} loading={looked.isPending} onClick={() => void looked.mutateAsync({ visitId }).then(() => check.refetch(), () => check.refetch())}>
                {t('followUps.surgeonLook.mark')}
              </Button>
            )}
          </>
        ) : (
          <Tag data-testid="surgeon-off-shift">{t('followUps.surgeonLook.offShift', { surgeon: look.surgeon.name })}</Tag>
        ))}
    </Space>
  );
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
