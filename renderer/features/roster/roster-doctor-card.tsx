/**
 * One doctor in the morning confirmation: shift, room, the Present / Late / Absent buttons, who
 * confirmed what and when, and — for an absent or late doctor — the appointments at risk with
 * "move to Dr X" (same specialty, on shift and free) and "to call list" on each row.
 */
import { App, Button, Card, Flex, Popover, Select, Table, Tag, TimePicker, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AffectedAppointment, RosterRoom, TodayDoctor } from '../../../shared/contract/roster';
import type { RosterStatus } from '../../../shared/domain/roster';
import { useApiMutation } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { formatClinicTime } from '../../ui/format';
import { addressFormOf } from '../../../shared/domain/customers';
import { roomLabel as sharedRoomLabel } from '../../../shared/domain/rooms';
import { useConfirmDoctor } from './use-confirm-doctor';
import { specialtyLabel } from '../../../shared/domain/specialty';

const STATUS_COLORS: Record<RosterStatus, string> = { present: 'success', late: 'warning', absent: 'error' };

export interface RosterDoctorCardProps {
  entry: TodayDoctor;
  date: string;
  rooms: RosterRoom[];
  timeZone: string;
  canWrite: boolean;
  focused: boolean;
  lateOpen: boolean;
  onLateOpenChange(open: boolean): void;
  onFocus(): void;
}

/** A room as the desk says it: 3 楼咨询一室 / 3F · Consultation 3-1. */
export function roomLabel(room: RosterRoom | null, language: string): string {
  return sharedRoomLabel(room, language);
}

export function RosterDoctorCard({ entry, date, rooms, timeZone, canWrite, focused, lateOpen, onLateOpenChange, onFocus }: RosterDoctorCardProps) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const confirmDoctor = useConfirmDoctor(date);
  const confirm = confirmDoctor.mutation;
  const move = useApiMutation('roster.moveAppointment');
  const toCallList = useApiMutation('roster.toCallList');
  const [lateUntil, setLateUntil] = useState<Dayjs | null>(dayjs(`2000-01-01T${entry.confirmation?.lateUntil ?? addMinutes(entry.shift.start, 60)}`));
  const { doctor, confirmation } = entry;

  // Buttons change data on a click the clerk aimed; absent is still asked, and every change can be undone.
  const send = (status: RosterStatus, extra: { lateUntil?: string; roomId?: number } = {}) => confirmDoctor(entry, status, extra, { ask: true });

  const columns: TableColumnsType<AffectedAppointment> = [
    { title: t('today.column.time'), dataIndex: 'startsAt', width: 80, render: (startsAt: string) => formatClinicTime(startsAt, timeZone) },
    {
      title: t('today.column.customer'),
      key: 'customer',
      render: (_, row) => (
        <Flex gap={8} align="baseline" wrap>
          <Typography.Text strong>{addressFormOf(row.customer)}</Typography.Text>
          <Typography.Text type="secondary">{row.customer.name}</Typography.Text>
          {row.arrival ? <Tag color="green" data-testid="affected-arrived">{t('roster.affected.arrived', { ticket: row.arrival.ticket })}</Tag> : null}
        </Flex>
      ),
    },
    { title: t('today.column.item'), key: 'item', render: (_, row) => (row.item ? (language === 'en' ? row.item.nameEn : row.item.nameZh) : '—') },
    {
      title: '',
      key: 'actions',
      align: 'right',
      render: (_, row) => (
        <Flex gap={8} justify="end" wrap>
          {row.candidates.length === 0 ? <Typography.Text type="secondary">{t('roster.affected.noCandidate')}</Typography.Text> : null}
          {row.candidates.map((candidate) => (
            <Button
              key={candidate.doctorId}
              size="small"
              type="primary"
              ghost
              disabled={!canWrite}
              loading={move.isPending && move.variables.appointmentId === row.id}
              onClick={() =>
                move.mutate(
                  { appointmentId: row.id, toDoctorId: candidate.doctorId, expectedVersion: row.version },
                  {
                    onSuccess: () => void message.success(t('roster.moved', { name: candidate.name })),
                    onError: (error) => void message.error(errorMessage(error, t)),
                  },
                )
              }
            >
              {t('roster.affected.moveTo', { name: candidate.name })}
            </Button>
          ))}
          {row.arrival ? null : row.needsReschedule ? (
            <Tag color="processing">{t('roster.affected.onCallList')}</Tag>
          ) : (
            <Button
              size="small"
              disabled={!canWrite}
              onClick={() =>
                toCallList.mutate(
                  { appointmentId: row.id },
                  { onSuccess: () => void message.success(t('roster.addedToCallList')), onError: (error) => void message.error(errorMessage(error, t)) },
                )
              }
            >
              {t('roster.affected.toCallList')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  const latePicker = (
    <Flex gap={8} align="center">
      <TimePicker format="HH:mm" minuteStep={5} value={lateUntil} onChange={setLateUntil} needConfirm={false} aria-label={t('roster.lateUntil')} />
      <Button
        type="primary"
        disabled={!lateUntil}
        onClick={() => {
          if (!lateUntil) return;
          onLateOpenChange(false);
          send('late', { lateUntil: lateUntil.format('HH:mm') });
        }}
      >
        {t('roster.action.lateConfirm')}
      </Button>
    </Flex>
  );

  return (
    <Card
      size="small"
      data-testid={`roster-doctor-${doctor.id}`}
      tabIndex={0}
      onFocus={onFocus}
      onClick={onFocus}
      style={focused ? { borderColor: 'var(--ant-color-primary)', boxShadow: '0 0 0 2px var(--ant-color-primary-bg)' } : {}}
    >
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Flex vertical gap={2} style={{ minWidth: 240 }}>
          <Flex gap={8} align="center">
            <Typography.Text strong style={{ fontSize: 16 }}>
              {doctor.name}
            </Typography.Text>
            <Typography.Text type="secondary">{specialtyLabel(doctor, language)}</Typography.Text>
            {confirmation ? (
              <Tag color={STATUS_COLORS[confirmation.status]}>
                {t(`roster.status.${confirmation.status}`)}
                {confirmation.lateUntil ? ` · ${t('roster.lateUntilLabel', { time: confirmation.lateUntil })}` : ''}
              </Tag>
            ) : (
              <Tag>{t('roster.status.unconfirmed')}</Tag>
            )}
          </Flex>
          <Typography.Text type="secondary">
            {t('roster.shift')} {entry.shift.start}–{entry.shift.end} · {t('roster.today.appointments', { count: entry.appointmentCount })}
            {confirmation ? ` · ${t('roster.confirmedBy', { name: confirmation.confirmedBy.name, time: formatClinicTime(confirmation.confirmedAt, timeZone) })}` : ''}
          </Typography.Text>
        </Flex>
        {!canWrite ? (
          // A role that may not confirm sees where the doctor is, not buttons it cannot press (issue 13 part 5).
          <Typography.Text data-testid="roster-room-read-only">{(confirmation?.room ?? entry.room) ? roomLabel((confirmation?.room ?? entry.room)!, language) : '—'}</Typography.Text>
        ) : (
        <Flex gap={8} align="center" wrap>
          <Select<number | null>
            style={{ width: 200 }}
            aria-label={t('roster.room')}
            value={(confirmation?.room ?? entry.room)?.id ?? null}
            disabled={!canWrite || confirm.isPending}
            options={rooms.map((room) => ({ value: room.id, label: roomLabel(room, language) }))}
            onChange={(roomId) => roomId !== null && send(confirmation?.status ?? 'present', { roomId, ...(confirmation?.lateUntil ? { lateUntil: confirmation.lateUntil } : {}) })}
          />
          <Button disabled={!canWrite} loading={confirm.isPending && confirm.variables.status === 'present'} type={confirmation?.status === 'present' ? 'primary' : 'default'} onClick={() => send('present')}>
            {t('roster.action.present')} <Typography.Text keyboard>P</Typography.Text>
          </Button>
          <Popover open={lateOpen} onOpenChange={onLateOpenChange} trigger="click" title={t('roster.lateUntil')} content={latePicker}>
            <Button disabled={!canWrite} type={confirmation?.status === 'late' ? 'primary' : 'default'}>
              {t('roster.action.late')} <Typography.Text keyboard>L</Typography.Text>
            </Button>
          </Popover>
          <Button disabled={!canWrite} danger={confirmation?.status === 'absent'} type={confirmation?.status === 'absent' ? 'primary' : 'default'} onClick={() => send('absent')}>
            {t('roster.action.absent')} <Typography.Text keyboard>A</Typography.Text>
          </Button>
        </Flex>
        )}
      </Flex>
      {confirmation && confirmation.status !== 'present' ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('roster.affected.title', { count: entry.affected.length })}</Typography.Text>
          {entry.affected.length === 0 ? (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {t('roster.affected.allHandled')}
            </Typography.Paragraph>
          ) : (
            <Table<AffectedAppointment> size="small" rowKey="id" pagination={false} columns={canWrite ? columns : columns.filter((column) => column.key !== 'actions')} dataSource={entry.affected} style={{ marginTop: 8 }} />
          )}
        </div>
      ) : null}
    </Card>
  );
}

/** `HH:MM` moved by `minutes`, within the day. */
function addMinutes(time: string, minutes: number): string {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const total = Math.min(hour * 60 + minute + minutes, 23 * 60 + 55);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
