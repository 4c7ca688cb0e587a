/**
 * Confirming a doctor for the day, by button or by a single key (P, A), with a way back (issue 13
 * part 3: one stray `A` turned "late until 11:00" into "absent" with no confirmation or undo).
 *
 * - Absent puts a doctor's whole day at risk: it is asked first (Enter confirms, Esc cancels).
 * - Every change of an earlier confirmation is said in a message with Undo, which restores the
 *   previous status, late-until time and room through the same versioned `roster.confirm`
 *   (sending the new confirmation's `confirmedAt`, so a third desk's change is not overwritten).
 */
import { App, Button } from 'antd';
import type { TodayDoctor } from '../../../shared/contract/roster';
import type { RosterStatus } from '../../../shared/domain/roster';
import { useApiMutation } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';

export interface ConfirmExtra {
  lateUntil?: string;
  roomId?: number;
}

/** `confirmDoctor(entry, status, extra, { ask })`; `ask` asks before marking absent. */
export function useConfirmDoctor(date: string) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const confirm = useApiMutation('roster.confirm');

  const statusText = (status: RosterStatus, lateUntil: string | null) =>
    status === 'late' && lateUntil ? `${t('roster.status.late')} · ${t('roster.lateUntilLabel', { time: lateUntil })}` : t(`roster.status.${status}`);

  const send = (entry: TodayDoctor, status: RosterStatus, extra: ConfirmExtra) => {
    const previous = entry.confirmation;
    const { doctor } = entry;
    confirm.mutate(
      { date, doctorId: doctor.id, status, ...extra, ...(previous ? { expectedConfirmedAt: previous.confirmedAt } : {}) },
      {
        onSuccess: (result) => {
          const text = t('roster.confirmed', { name: doctor.name, status: t(`roster.status.${status}`) });
          const changed = previous && (previous.status !== status || previous.lateUntil !== result.confirmation?.lateUntil || previous.room?.id !== result.confirmation?.room?.id);
          if (!changed || !result.confirmation) {
            void message.success(text);
            return;
          }
          const key = `roster-undo-${doctor.id}`;
          const restoredAt = result.confirmation.confirmedAt;
          const undo = () => {
            message.destroy(key);
            confirm.mutate(
              {
                date,
                doctorId: doctor.id,
                status: previous.status,
                ...(previous.lateUntil ? { lateUntil: previous.lateUntil } : {}),
                ...(previous.room ? { roomId: previous.room.id } : {}),
                expectedConfirmedAt: restoredAt,
              },
              {
                onSuccess: () => void message.success(t('roster.undone', { name: doctor.name, status: statusText(previous.status, previous.lateUntil) })),
                onError: (error) => void message.error(errorMessage(error, t)),
              },
            );
          };
          void message.success({
            key,
            duration: 10,
            content: (
              <span data-testid="roster-undo-message">
                {text}{' '}
                <Button size="small" type="link" onClick={undo} data-testid="roster-undo">
                  {t('roster.undo', { status: statusText(previous.status, previous.lateUntil) })}
                </Button>
              </span>
            ),
          });
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };

  const confirmDoctor = (entry: TodayDoctor, status: RosterStatus, extra: ConfirmExtra = {}, options: { ask?: boolean } = {}) => {
    if (status === 'absent' && options.ask && entry.confirmation?.status !== 'absent') {
      modal.confirm({
        title: t('roster.absentConfirm.title', { name: entry.doctor.name }),
        content: t('roster.absentConfirm.body', { name: entry.doctor.name, count: entry.appointmentCount }),
        okText: t('roster.action.absent'),
        okButtonProps: { danger: true, 'data-testid': 'roster-absent-ok' } as never,
        cancelText: t('roster.absentConfirm.cancel'),
        autoFocusButton: 'ok',
        onOk: () => send(entry, status, extra),
      });
      return;
    }
    send(entry, status, extra);
  };

  return Object.assign(confirmDoctor, { mutation: confirm });
}
