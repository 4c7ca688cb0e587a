/**
 * The week's roster: doctors × days, each cell the shift that day (template, or the day's change
 * marked). A manager sets the weekly shift; reception and managers set a day's change (off, other
 * hours, another room). Clicking a cell opens its editor.
 */
import { App, Button, Divider, Flex, Modal, Segmented, Select, Table, Tag, TimePicker, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SessionInfo } from '../../../shared/contract/auth';
import { addDays } from '../../../shared/domain/clinic-time';
import { weekStartOf, type OverrideKind } from '../../../shared/domain/roster';
import { ApiCallError } from '../../../shared/contract/errors';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { useCan } from '../../ui/permissions';
import { errorMessage } from '../../ui/error-message';
import { roomLabel } from './roster-doctor-card';
import { specialtyLabel } from '../../../shared/domain/specialty';

interface Cell {
  doctorId: number;
  doctorName: string;
  date: string;
  weekday: number;
}
interface DoctorRow {
  id: number;
  name: string;
  specialty: string | null;
  specialtyEn: string | null;
}

const asTime = (value: string | null | undefined, fallback: string) => dayjs(`2000-01-01T${value ?? fallback}`);

export function RosterWeek({ session }: { session: SessionInfo }) {
  const { t, language } = useI18n();
  const [weekStart, setWeekStart] = useState(weekStartOf(session.clinic.today));
  const week = useApiQuery('roster.week', { weekStart });
  const [editing, setEditing] = useState<Cell | null>(null);
  const isManager = useCan('roster.setTemplate');
  const canEditDays = useCan('roster.setOverride');
  const data = week.data;

  const columns: TableColumnsType<DoctorRow> = [
    {
      title: t('roster.week.doctor'),
      key: 'doctor',
      fixed: 'left',
      width: 170,
      render: (_, doctor) => (
        <Flex vertical>
          <Typography.Text strong>{doctor.name}</Typography.Text>
          <Typography.Text type="secondary">{specialtyLabel(doctor, language)}</Typography.Text>
        </Flex>
      ),
    },
    ...(data?.days ?? []).map((day) => ({
      title: `${t(`roster.weekday.${day.weekday}` as 'roster.weekday.1')} ${day.date.slice(5)}`,
      key: day.date,
      render: (_: unknown, doctor: DoctorRow) => {
        const shift = day.shifts.find((candidate) => candidate.doctorId === doctor.id);
        const override = data?.overrides.find((row) => row.doctorId === doctor.id && row.date === day.date);
        const room = data?.rooms.find((candidate) => candidate.id === shift?.roomId) ?? null;
        const content = shift ? (
          <Flex vertical>
            <Typography.Text>
              {shift.start}–{shift.end}
            </Typography.Text>
            <Typography.Text type="secondary">{roomLabel(room, language)}</Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('roster.week.off')}</Typography.Text>
        );
        return (
          <Button
            type="text"
            block
            style={{ height: 'auto', textAlign: 'left', justifyContent: 'flex-start' }}
            disabled={!canEditDays}
            onClick={() => setEditing({ doctorId: doctor.id, doctorName: doctor.name, date: day.date, weekday: day.weekday })}
          >
            <Flex gap={6} align="start">
              {content}
              {override ? <Tag color="orange">{t(`roster.kind.${override.kind}`)}</Tag> : null}
            </Flex>
          </Button>
        );
      },
    })),
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Flex gap={8} align="center">
          <Button onClick={() => setWeekStart(addDays(weekStart, -7))}>{t('roster.week.previous')}</Button>
          <Button onClick={() => setWeekStart(weekStartOf(session.clinic.today))}>{t('roster.week.thisWeek')}</Button>
          <Button onClick={() => setWeekStart(addDays(weekStart, 7))}>{t('roster.week.next')}</Button>
          <Typography.Text strong>{t('roster.week.heading', { from: weekStart, to: addDays(weekStart, 6) })}</Typography.Text>
        </Flex>
        {!isManager ? <Typography.Text type="secondary">{t('roster.week.readOnly')}</Typography.Text> : null}
      </Flex>
      {week.isError ? <Typography.Text type="danger">{errorMessage(week.error, t)}</Typography.Text> : null}
      <Table<DoctorRow> size="small" rowKey="id" bordered loading={week.isPending} pagination={false} columns={columns} dataSource={data?.doctors ?? []} scroll={{ x: 1100 }} />
      {editing && data ? (
        <CellEditor
          cell={editing}
          isManager={isManager}
          language={language}
          rooms={data.rooms}
          template={data.templates.find((row) => row.doctorId === editing.doctorId && row.weekday === editing.weekday) ?? null}
          override={data.overrides.find((row) => row.doctorId === editing.doctorId && row.date === editing.date) ?? null}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Flex>
  );
}

interface CellEditorProps {
  cell: Cell;
  isManager: boolean;
  language: string;
  rooms: { id: number; code: string; name: string; nameEn: string; floor: number }[];
  template: { start: string; end: string; roomId: number | null } | null;
  override: { kind: OverrideKind; start: string | null; end: string | null; roomId: number | null; note: string } | null;
  onClose(): void;
}

function CellEditor({ cell, isManager, language, rooms, template, override, onClose }: CellEditorProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const setTemplate = useApiMutation('roster.setTemplate');
  const setOverride = useApiMutation('roster.setOverride');
  const clearOverride = useApiMutation('roster.clearOverride');
  const [hours, setHours] = useState<[Dayjs, Dayjs]>([asTime(template?.start, '09:00'), asTime(template?.end, '17:30')]);
  const [roomId, setRoomId] = useState<number | null>(template?.roomId ?? null);
  const [kind, setKind] = useState<OverrideKind>(override?.kind ?? 'off');
  const [dayHours, setDayHours] = useState<[Dayjs, Dayjs]>([asTime(override?.start ?? template?.start, '09:00'), asTime(override?.end ?? template?.end, '17:30')]);
  const [dayRoom, setDayRoom] = useState<number | null>(override?.roomId ?? template?.roomId ?? null);
  const roomOptions = rooms.map((room) => ({ value: room.id, label: roomLabel(room, language) }));
  // A save carries what this editor loaded: a cell changed meanwhile by someone else is a conflict
  // (issue 19 part 6); the week is read again, so the grid and a reopened cell show it as it is now.
  const loadedTemplate = template ? { start: template.start, end: template.end, roomId: template.roomId } : null;
  const loadedOverride = override ? { kind: override.kind, start: override.start, end: override.end, roomId: override.roomId, note: override.note } : null;
  const done = {
    onSuccess: () => void message.success(t('roster.week.saved')),
    onError: (error: unknown) => {
      void message.error(errorMessage(error, t));
      if (error instanceof ApiCallError && error.code === 'conflict') {
        void queryClient.invalidateQueries({ queryKey: ['roster.week'] });
        onClose();
      }
    },
  };

  const saveDay = () => {
    const input =
      kind === 'hours'
        ? { start: dayHours[0].format('HH:mm'), end: dayHours[1].format('HH:mm'), ...(dayRoom ? { roomId: dayRoom } : {}) }
        : kind === 'room'
          ? dayRoom
            ? { roomId: dayRoom }
            : {}
          : {};
    setOverride.mutate({ doctorId: cell.doctorId, date: cell.date, expected: loadedOverride, kind, ...input }, { ...done, onSuccess: () => (done.onSuccess(), onClose()) });
  };

  return (
    <Modal open title={`${cell.doctorName} · ${t('roster.week.editDay', { date: cell.date })}`} onCancel={onClose} footer={null} width={560}>
      <Flex vertical gap={12}>
        <Typography.Text strong>{t('roster.week.editDay', { date: cell.date })}</Typography.Text>
        <Segmented<OverrideKind>
          value={kind}
          onChange={setKind}
          options={(['off', 'hours', 'room'] as const).map((value) => ({ value, label: t(`roster.kind.${value}`) }))}
        />
        {kind === 'hours' ? (
          <TimePicker.RangePicker format="HH:mm" minuteStep={15} value={dayHours} onChange={(value) => value?.[0] && value[1] && setDayHours([value[0], value[1]])} />
        ) : null}
        {kind !== 'off' ? <Select aria-label={t('roster.room')} options={roomOptions} value={dayRoom} onChange={setDayRoom} /> : null}
        <Flex gap={8}>
          <Button type="primary" loading={setOverride.isPending} onClick={saveDay}>
            {t('roster.week.save')}
          </Button>
          {override ? (
            <Button loading={clearOverride.isPending} onClick={() => clearOverride.mutate({ doctorId: cell.doctorId, date: cell.date }, { ...done, onSuccess: () => (done.onSuccess(), onClose()) })}>
              {t('roster.week.clearOverride')}
            </Button>
          ) : null}
        </Flex>
        {isManager ? (
          <>
            <Divider style={{ margin: '4px 0' }} />
            <Typography.Text strong>{t('roster.week.editTemplate', { weekday: t(`roster.weekday.${cell.weekday}` as 'roster.weekday.1') })}</Typography.Text>
            <TimePicker.RangePicker format="HH:mm" minuteStep={15} value={hours} onChange={(value) => value?.[0] && value[1] && setHours([value[0], value[1]])} />
            <Select aria-label={t('roster.room')} options={roomOptions} value={roomId} onChange={setRoomId} allowClear />
            <Flex gap={8}>
              <Button
                type="primary"
                loading={setTemplate.isPending}
                onClick={() =>
                  setTemplate.mutate(
                    { doctorId: cell.doctorId, weekday: cell.weekday, expected: loadedTemplate, shift: { start: hours[0].format('HH:mm'), end: hours[1].format('HH:mm'), roomId } },
                    { ...done, onSuccess: () => (done.onSuccess(), onClose()) },
                  )
                }
              >
                {t('roster.week.save')}
              </Button>
              <Button danger onClick={() => setTemplate.mutate({ doctorId: cell.doctorId, weekday: cell.weekday, expected: loadedTemplate, shift: null }, { ...done, onSuccess: () => (done.onSuccess(), onClose()) })}>
                {t('roster.week.remove')}
              </Button>
            </Flex>
          </>
        ) : null}
      </Flex>
    </Modal>
  );
}
