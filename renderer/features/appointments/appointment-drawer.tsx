/**
 * One appointment: when and where, who confirmed it, the calls made, and what reception can do
 * with it — reschedule, cancel with a reason, mark a no-show, print the slip.
 */
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Empty, Flex, Input, Modal, Popconfirm, Select, Space, Tag, TimePicker, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AppointmentDetail } from '../../../shared/contract/appointments';
import { isOpenAppointment } from '../../../shared/domain/appointments';
import { clinicDateOf, clinicTimeOf } from '../../../shared/domain/clinic-time';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { formatClinicDate } from '../../ui/format';
import { useCan } from '../../ui/permissions';
import { PrintSlipButton } from '../printing/print-slip-button';
import { addressFormOf } from '../../../shared/domain/customers';
import { roomLabel } from '../../../shared/domain/rooms';

interface AppointmentDrawerProps {
  appointmentId: number | null;
  timeZone: string;
  canBook: boolean;
  onClose(): void;
  navigate(path: string): void;
}

export function AppointmentDrawer({ appointmentId, timeZone, canBook, onClose, navigate }: AppointmentDrawerProps) {
  const { t } = useI18n();
  const detail = useApiQuery('appointments.get', { id: appointmentId ?? 0 }, { enabled: appointmentId !== null });
  const appointment = detail.data;
  return (
    <Drawer open={appointmentId !== null} onClose={onClose} title={t('appointments.detail.title')} size={520} destroyOnHidden>
      {detail.isError && <Alert type="error" showIcon title={errorMessage(detail.error, t)} />}
      {appointment && <DetailBody appointment={appointment} timeZone={timeZone} canBook={canBook} navigate={navigate} />}
    </Drawer>
  );
}

function DetailBody({ appointment, timeZone, canBook, navigate }: { appointment: AppointmentDetail; timeZone: string; canBook: boolean; navigate(path: string): void }) {
  // Each control only for a role the server lets do it (issue 13 part 5).
  const canPrint = useCan('print.record');
  const canOpenCustomer = useCan('customers.get');
  const canMarkNoShow = useCan('appointments.markNoShow');
  const { t, language } = useI18n();
  const date = clinicDateOf(appointment.startsAt, timeZone);
  const time = clinicTimeOf(appointment.startsAt, timeZone);
  const open = isOpenAppointment(appointment.status);
  const [rescheduling, setRescheduling] = useState(false);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="start">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {addressFormOf(appointment.customer)}
          </Typography.Title>
          <Typography.Text type="secondary">{appointment.customer.name}</Typography.Text>
        </div>
        <Tag color={appointment.status === 'confirmed' ? 'cyan' : appointment.status === 'no_show' ? 'error' : 'default'}>{t(`appointment.status.${appointment.status}`)}</Tag>
      </Flex>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('appointments.detail.when')}>
          {formatClinicDate(date, language)} {time}（{t('today.minutes', { count: appointment.durationMinutes })}）
        </Descriptions.Item>
        <Descriptions.Item label={t('appointments.form.doctor')}>{appointment.doctor?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('appointments.detail.where')}>
          {roomLabel(appointment.room, language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('appointments.form.item')}>
          {appointment.item ? (language === 'en' ? appointment.item.nameEn : appointment.item.nameZh) : '—'} · {t(`appointment.kind.${appointment.kind}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('appointments.form.channel')}>{t(`channel.${appointment.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('appointments.detail.bring')}>{appointment.bring || '—'}</Descriptions.Item>
        {appointment.notes ? <Descriptions.Item label={t('appointments.detail.notes')}>{appointment.notes}</Descriptions.Item> : null}
        {appointment.cancelReason ? <Descriptions.Item label={t('appointments.detail.cancelReason')}>{appointment.cancelReason}</Descriptions.Item> : null}
      </Descriptions>
      <Typography.Text type={appointment.confirmedAt ? 'success' : 'secondary'}>
        {appointment.confirmedAt
          ? t('appointments.detail.confirmedBy', { name: appointment.confirmedBy ?? '', time: `${clinicDateOf(appointment.confirmedAt, timeZone)} ${clinicTimeOf(appointment.confirmedAt, timeZone)}` })
          : t('appointments.detail.notConfirmed')}
      </Typography.Text>
      {appointment.overridden && <Alert type="warning" showIcon title={t('appointments.detail.overridden')} />}

      <Space wrap>
        {canPrint && <PrintSlipButton appointmentId={appointment.id} />}
        {canOpenCustomer && <Button onClick={() => navigate(`/customers/${appointment.customer.id}`)}>{t('appointments.detail.openCustomer')}</Button>}
        {open && canBook && (
          <>
            <Button onClick={() => setRescheduling((value) => !value)}>{t('appointments.do.reschedule')}</Button>
            <CancelButton appointment={appointment} />
            {canMarkNoShow && <NoShowButton appointment={appointment} />}
          </>
        )}
      </Space>
      {rescheduling && <RescheduleForm appointment={appointment} date={date} time={time} onDone={() => setRescheduling(false)} />}

      <div>
        <Typography.Title level={5}>{t('appointments.detail.calls')}</Typography.Title>
        {appointment.calls.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appointments.detail.noCalls')} />
        ) : (
          <Timeline
            items={appointment.calls.map((call) => ({
              color: call.outcome === 'confirmed' ? 'green' : call.outcome === 'cancelled' ? 'red' : 'gray',
              content: `${clinicDateOf(call.calledAt, timeZone)} ${clinicTimeOf(call.calledAt, timeZone)} · ${call.staffName} · ${t(`appointments.calls.outcome.${call.outcome}`)}${call.note ? ` · ${call.note}` : ''}`,
            }))}
          />
        )}
      </div>
    </Flex>
  );
}

function RescheduleForm({ appointment, date: initialDate, time: initialTime, onDone }: { appointment: AppointmentDetail; date: string; time: string; onDone(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [date, setDate] = useState(initialDate);
  const [time, setTime] = useState(initialTime);
  const [doctorId, setDoctorId] = useState(appointment.doctor?.id);
  const day = useApiQuery('appointments.dayView', { date });
  const reschedule = useApiMutation('appointments.reschedule');
  const save = async () => {
    await reschedule.mutateAsync({ id: appointment.id, expectedVersion: appointment.version, date, time, ...(doctorId ? { doctorId } : {}) });
    void message.success(t('appointments.reschedule.done', { date, time }));
    onDone();
  };
  return (
    <Flex vertical gap={8} style={{ padding: 12, background: '#f6f8f9', borderRadius: 6 }}>
      <Typography.Text strong>{t('appointments.reschedule.title')}</Typography.Text>
      <Space wrap>
        <DatePicker value={dayjs(date)} onChange={(value) => value && setDate(value.format('YYYY-MM-DD'))} allowClear={false} aria-label={t('appointments.form.date')} />
        <TimePicker value={dayjs(`2000-01-01T${time}`)} onChange={(value) => value && setTime(value.format('HH:mm'))} format="HH:mm" minuteStep={5} needConfirm={false} allowClear={false} aria-label={t('appointments.form.time')} />
        <Select
          style={{ minWidth: 180 }}
          value={doctorId}
          onChange={setDoctorId}
          aria-label={t('appointments.form.doctor')}
          options={(day.data?.doctors ?? []).map((doctor) => ({ value: doctor.id, label: `${doctor.name}${doctor.shift ? `（${doctor.shift.start}–${doctor.shift.end}）` : ''}`, disabled: !doctor.shift || doctor.confirmation === 'absent' }))}
        />
        <Button type="primary" loading={reschedule.isPending} onClick={() => void save().catch(() => undefined)}>
          {t('appointments.do.save')}
        </Button>
      </Space>
      {reschedule.isError && <Alert type="error" showIcon role="alert" title={errorMessage(reschedule.error, t)} />}
    </Flex>
  );
}

function CancelButton({ appointment }: { appointment: AppointmentDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useApiMutation('appointments.cancel');
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('appointments.do.cancel')}
      </Button>
      <Modal
        open={open}
        title={t('appointments.cancel.title')}
        okText={t('appointments.do.cancel')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: cancel.isPending }}
        cancelText={t('appointments.do.close')}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          try {
            await cancel.mutateAsync({ id: appointment.id, expectedVersion: appointment.version, reason });
            void message.success(t('appointments.cancel.done'));
            setOpen(false);
          } catch {
            // shown below
          }
        }}
      >
        <Input.TextArea
          autoFocus
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          placeholder={t('appointments.cancel.reasonPlaceholder')}
          aria-label={t('appointments.cancel.reason')}
          showCount
          count={{ max: 200 }}
        />
        {cancel.isError && <Alert type="error" showIcon title={errorMessage(cancel.error, t)} style={{ marginTop: 12 }} />}
      </Modal>
    </>
  );
}

function NoShowButton({ appointment }: { appointment: AppointmentDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const noShow = useApiMutation('appointments.markNoShow');
  return (
    <Popconfirm
      title={t('appointments.noShow.confirm', { customer: addressFormOf(appointment.customer) })}
      okText={t('appointments.do.noShow')}
      cancelText={t('appointments.do.close')}
      onConfirm={async () => {
        try {
          await noShow.mutateAsync({ id: appointment.id, expectedVersion: appointment.version });
          void message.success(t('appointments.noShow.done'));
        } catch (error) {
          void message.error(errorMessage(error, t));
        }
      }}
    >
      <Button>{t('appointments.do.noShow')}</Button>
    </Popconfirm>
  );
}
