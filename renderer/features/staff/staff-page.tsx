/**
 * Staff administration (issue 13 part 8), managers only: who works here, in which role and rooms,
 * whether they can sign in and whether their PIN is still the one a manager set. Add a member of
 * staff with a first PIN; edit; reset a PIN; deactivate (sessions end at once, history stays) or
 * reactivate; a doctor's default weekly hours (the roster's weekly template). A dense table.
 */
import { ClockCircleOutlined, EditOutlined, KeyOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Space, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { SessionInfo } from '../../../shared/contract/auth';
import type { StaffMember } from '../../../shared/contract/staff';
import { clinicDateOf, clinicTimeOf } from '../../../shared/domain/clinic-time';
import { ROLES } from '../../../shared/domain/roles';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { StaffDialog, ResetPinDialog } from './staff-dialogs';
import { WeeklyHoursDialog } from './weekly-hours-dialog';
import { roomLabel } from '../../../shared/domain/rooms';
import { specialtyLabel } from '../../../shared/domain/specialty';

type Dialog = { kind: 'add' } | { kind: 'edit' | 'resetPin' | 'hours'; member: StaffMember };

export function StaffPage({ session }: { session: SessionInfo }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const timeZone = session.clinic.settings.timeZone;
  const list = useApiQuery('staff.list', {});
  const deactivate = useApiMutation('staff.deactivate');
  const reactivate = useApiMutation('staff.reactivate');
  const [showInactive, setShowInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const staff = (list.data?.staff ?? []).filter((member) => showInactive || member.active);
  const inactiveCount = (list.data?.staff ?? []).filter((member) => !member.active).length;
  const when = (instant: string) => `${clinicDateOf(instant, timeZone)} ${clinicTimeOf(instant, timeZone)}`;
  const roomName = (room: StaffMember['rooms'][number]) => roomLabel(room, language);

  const setActive = (member: StaffMember, active: boolean) =>
    (active ? reactivate : deactivate).mutate(
      { id: member.id, expectedVersion: member.version },
      {
        onSuccess: () => void message.success(t(active ? 'staff.reactivated' : 'staff.deactivated', { name: member.name })),
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );

  const columns: TableColumnsType<StaffMember> = [
    {
      title: t('staff.column.name'),
      key: 'name',
      render: (_value, member) => (
        <Typography.Text strong={member.active} {...(member.active ? {} : { type: 'secondary' as const })} delete={!member.active}>
          {member.name}
          {member.id === session.staff.id ? t('staff.you') : ''}
        </Typography.Text>
      ),
    },
    {
      title: t('staff.column.role'),
      key: 'role',
      width: 110,
      filters: ROLES.map((role) => ({ text: t(`role.${role}`), value: role })),
      onFilter: (value, member) => member.role === value,
      render: (_value, member) => <Tag>{t(`role.${member.role}`)}</Tag>,
    },
    { title: t('staff.column.specialty'), key: 'specialty', render: (_value, member) => specialtyLabel(member, language) || '—' },
    { title: t('staff.column.rooms'), key: 'rooms', render: (_value, member) => (member.rooms.length === 0 ? '—' : member.rooms.map(roomName).join(language === 'en' ? ', ' : '、')) },
    {
      title: t('staff.column.state'),
      key: 'state',
      width: 190,
      render: (_value, member) => (
        <Space size={4} wrap>
          {member.active ? <Tag color="green">{t('staff.state.active')}</Tag> : <Tooltip title={member.deactivatedAt ? when(member.deactivatedAt) : undefined}><Tag>{t('staff.state.inactive')}</Tag></Tooltip>}
          {member.active && member.mustChangePin && <Tag color="gold">{t('staff.state.mustChangePin')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('staff.column.lastSignIn'),
      key: 'lastSignIn',
      width: 150,
      render: (_value, member) => (member.lastSignInAt ? when(member.lastSignInAt) : <Typography.Text type="secondary">{t('staff.neverSignedIn')}</Typography.Text>),
    },
    {
      title: t('staff.column.actions'),
      key: 'actions',
      width: 470,
      render: (_value, member) => (
        <Space size={4} wrap>
          <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', member })} aria-label={`${t('staff.edit')} ${member.name}`}>
            {t('staff.edit')}
          </Button>
          {member.active && (
            <Button size="small" icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'resetPin', member })} aria-label={`${t('staff.resetPin')} ${member.name}`}>
              {t('staff.resetPin')}
            </Button>
          )}
          {member.role === 'doctor' && member.active && (
            <Button size="small" icon={<ClockCircleOutlined />} onClick={() => setDialog({ kind: 'hours', member })}>
              {t('staff.hours')}
            </Button>
          )}
          {member.active ? (
            // A manager never deactivates themself (the server refuses it too).
            member.id !== session.staff.id && (
              <Popconfirm title={t('staff.deactivateConfirm', { name: member.name })} okText={t('staff.deactivate')} cancelText={t('staff.cancel')} okButtonProps={{ danger: true }} onConfirm={() => setActive(member, false)}>
                <Button size="small" danger icon={<StopOutlined />} aria-label={`${t('staff.deactivate')} ${member.name}`}>
                  {t('staff.deactivate')}
                </Button>
              </Popconfirm>
            )
          ) : (
            <Button size="small" icon={<UndoOutlined />} onClick={() => setActive(member, true)} aria-label={`${t('staff.reactivate')} ${member.name}`}>
              {t('staff.reactivate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="staff-page">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('staff.title')}
        </Typography.Title>
        <Space>
          <Switch checked={showInactive} onChange={setShowInactive} aria-label={t('staff.showInactive')} />
          <Typography.Text>
            {t('staff.showInactive')} ({inactiveCount})
          </Typography.Text>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
            {t('staff.add')}
          </Button>
        </Space>
      </Flex>
      <Alert type="info" showIcon title={t('staff.hint')} />
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error, t)} action={<Button onClick={() => void list.refetch()}>{t('app.retry')}</Button>} />}
      <Table<StaffMember>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={staff}
        loading={list.isPending}
        pagination={false}
        data-testid="staff-table"
        locale={{ emptyText: t('staff.empty') }}
      />
      {dialog?.kind === 'add' && <StaffDialog rooms={list.data?.rooms ?? []} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <StaffDialog key={`${dialog.member.id}@${dialog.member.version}`} member={dialog.member} rooms={list.data?.rooms ?? []} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'resetPin' && <ResetPinDialog member={dialog.member} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'hours' && <WeeklyHoursDialog doctor={dialog.member} today={session.clinic.today} rooms={list.data?.rooms ?? []} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
