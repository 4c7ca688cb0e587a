/**
 * A doctor's default weekly hours (issue 13 part 8): the roster's weekly template, reused — the
 * same `roster.setTemplate` the roster page's week grid calls, one weekday at a time. Day changes
 * (off, other hours, another room) stay on the roster page.
 */
import { Alert, App, Button, Flex, Modal, Select, Switch, Table, TimePicker, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { StaffMember } from '../../../shared/contract/staff';
import { weekStartOf } from '../../../shared/domain/roster';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { roomLabel } from '../../../shared/domain/rooms';

type Room = { id: number; name: string; nameEn: string; floor: number };
interface Row {
  weekday: number;
  on: boolean;
  start: string;
  end: string;
  roomId: number | null;
}
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function WeeklyHoursDialog({ doctor, today, rooms, onClose }: { doctor: StaffMember; today: string; rooms: Room[]; onClose(): void }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const week = useApiQuery('roster.week', { weekStart: weekStartOf(today) });
  const setTemplate = useApiMutation('roster.setTemplate');
  const [edits, setEdits] = useState<Record<number, Row>>({});
  // The weekday's shift as it was when the manager began to edit it: the save sends it back, so a
  // change made meanwhile by someone else is a conflict, never overwritten (issue 19 part 6).
  const [loaded, setLoaded] = useState<Record<number, { start: string; end: string; roomId: number | null } | null>>({});
  const templateOf = (weekday: number) => {
    const template = week.data?.templates.find((entry) => entry.doctorId === doctor.id && entry.weekday === weekday);
    return template ? { start: template.start, end: template.end, roomId: template.roomId } : null;
  };

  const stored = (weekday: number): Row => {
    const template = week.data?.templates.find((entry) => entry.doctorId === doctor.id && entry.weekday === weekday);
    return template ? { weekday, on: true, start: template.start, end: template.end, roomId: template.roomId } : { weekday, on: false, start: '09:00', end: '17:00', roomId: doctor.rooms[0]?.id ?? null };
  };
  const rowOf = (weekday: number): Row => edits[weekday] ?? stored(weekday);
  const change = (weekday: number, patch: Partial<Row>) => {
    if (!(weekday in loaded)) setLoaded((current) => ({ ...current, [weekday]: templateOf(weekday) }));
    setEdits((current) => ({ ...current, [weekday]: { ...rowOf(weekday), ...patch } }));
  };

  const save = async (row: Row) => {
    try {
      const expected = row.weekday in loaded ? (loaded[row.weekday] ?? null) : templateOf(row.weekday);
      await setTemplate.mutateAsync({ doctorId: doctor.id, weekday: row.weekday, expected, shift: row.on ? { start: row.start, end: row.end, roomId: row.roomId } : null });
      setEdits(({ [row.weekday]: _saved, ...rest }) => rest);
      setLoaded(({ [row.weekday]: _done, ...rest }) => rest);
      void message.success(t('staff.hoursSaved', { weekday: t(`roster.weekday.${row.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7}`) }));
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };
  const time = (value: string) => dayjs(`2000-01-01T${value}`);
  const columns: TableColumnsType<Row> = [
    { title: '', key: 'weekday', width: 60, render: (_value, row) => t(`roster.weekday.${row.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7}`) },
    {
      title: '',
      key: 'on',
      width: 90,
      render: (_value, row) => <Switch checked={row.on} onChange={(on) => change(row.weekday, { on })} checkedChildren={t('roster.shift')} unCheckedChildren={t('staff.hoursOff')} />,
    },
    {
      title: t('roster.shift'),
      key: 'hours',
      render: (_value, row) =>
        row.on ? (
          <Flex gap={4} align="center">
            <TimePicker size="small" format="HH:mm" minuteStep={15} needConfirm={false} allowClear={false} value={time(row.start)} onChange={(value: Dayjs | null) => value && change(row.weekday, { start: value.format('HH:mm') })} />
            –
            <TimePicker size="small" format="HH:mm" minuteStep={15} needConfirm={false} allowClear={false} value={time(row.end)} onChange={(value: Dayjs | null) => value && change(row.weekday, { end: value.format('HH:mm') })} />
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('staff.hoursOff')}</Typography.Text>
        ),
    },
    {
      title: t('roster.room'),
      key: 'room',
      render: (_value, row) =>
        row.on ? (
          <Select<number | null> size="small" style={{ width: 180 }} value={row.roomId} onChange={(roomId) => change(row.weekday, { roomId })} options={[{ value: null, label: '—' }, ...rooms.map((room) => ({ value: room.id, label: roomLabel(room, language) }))]} />
        ) : null,
    },
    {
      title: '',
      key: 'save',
      width: 80,
      render: (_value, row) => (
        <Button size="small" type="primary" disabled={!edits[row.weekday]} loading={setTemplate.isPending && setTemplate.variables.weekday === row.weekday} onClick={() => void save(row)}>
          {t('staff.save')}
        </Button>
      ),
    },
  ];
  return (
    <Modal open title={t('staff.hoursTitle', { name: doctor.name })} footer={null} onCancel={onClose} width={720} destroyOnHidden>
      <Alert type="info" showIcon title={t('staff.hoursHint')} style={{ marginBottom: 12 }} />
      {week.isError && <Alert type="error" showIcon title={errorMessage(week.error, t)} />}
      <Table<Row> rowKey="weekday" size="small" pagination={false} loading={week.isPending} columns={columns} dataSource={WEEKDAYS.map(rowOf)} data-testid="weekly-hours" />
    </Modal>
  );
}
