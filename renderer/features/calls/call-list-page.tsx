/**
 * Confirmation calls (seed 000 step 3): tomorrow's bookings not yet confirmed, each with the
 * phone number, the address form and a ready text to read out or paste into SMS / WeChat; the
 * clerk records what came of the call. Bookings the roster put back (doctor absent or late) come
 * first, marked to be moved.
 */
import { CopyOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Empty, Flex, Input, Modal, Segmented, Space, Spin, Tag, TimePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { CallListEntry } from '../../../shared/contract/appointments';
import { addDays, clinicTimeOf, isClinicDate } from '../../../shared/domain/clinic-time';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import type { PageProps } from '../../routes';
import { copyText } from '../../ui/clipboard';
import { errorMessage } from '../../ui/error-message';
import { formatClinicDate } from '../../ui/format';
import styles from './call-list-page.module.css';
import { addressFormOf } from '../../../shared/domain/customers';
import { roomLabel } from '../../../shared/domain/rooms';

export function CallListPage({ session, params, navigate }: PageProps) {
  const { t, language } = useI18n();
  const tomorrow = addDays(session.clinic.today, 1);
  const date = params[0] && isClinicDate(params[0]) ? params[0] : tomorrow;
  const [scriptLanguage, setScriptLanguage] = useState<'zh' | 'en'>(language === 'en' ? 'en' : 'zh');
  const list = useApiQuery('appointments.callList', { date });
  const entries = [...(list.data?.entries ?? [])].sort((a, b) => Number(b.needsReschedule) - Number(a.needsReschedule));

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('appointments.calls.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('appointments.calls.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          <DatePicker value={dayjs(date)} allowClear={false} onChange={(value) => value && navigate(`/calls/${value.format('YYYY-MM-DD')}`)} aria-label={t('appointments.form.date')} />
          <Segmented<'zh' | 'en'>
            value={scriptLanguage}
            onChange={setScriptLanguage}
            options={[
              { value: 'zh', label: t('app.scriptZh') },
              { value: 'en', label: t('app.scriptEn') },
            ]}
          />
        </Space>
      </Flex>
      <Typography.Text strong data-testid="call-count">
        {t('appointments.calls.count', { date: formatClinicDate(date, language), count: entries.length })}
      </Typography.Text>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error, t)} action={<Button onClick={() => void list.refetch()}>{t('app.retry')}</Button>} />}
      {list.isPending ? (
        <Spin />
      ) : entries.length === 0 ? (
        <Card>
          <Empty description={<>{t('appointments.calls.empty')}<br />{t('appointments.calls.emptyHint')}</>} />
        </Card>
      ) : (
        entries.map((entry) => <CallCard key={entry.appointment.id} entry={entry} date={date} timeZone={session.clinic.settings.timeZone} scriptLanguage={scriptLanguage} />)
      )}
    </Flex>
  );
}

function CallCard({ entry, date, timeZone, scriptLanguage }: { entry: CallListEntry; date: string; timeZone: string; scriptLanguage: 'zh' | 'en' }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const record = useApiMutation('appointments.recordCall');
  const [mode, setMode] = useState<'none' | 'reschedule' | 'cancel'>('none');
  const [newDate, setNewDate] = useState(date);
  const [newTime, setNewTime] = useState(clinicTimeOf(entry.appointment.startsAt, timeZone));
  const [note, setNote] = useState('');
  const { appointment } = entry;
  const script = entry.message[scriptLanguage];

  const save = async (outcome: CallListEntry['lastOutcome'] & string, extra: { note?: string; newDate?: string; newTime?: string } = {}) => {
    try {
      await record.mutateAsync({ id: appointment.id, expectedVersion: entry.version, outcome, ...extra });
      void message.success(t('appointments.calls.recorded', { outcome: t(`appointments.calls.outcome.${outcome}`) }));
      setMode('none');
    } catch {
      // shown on the card
    }
  };

  return (
    <Card size="small" className={styles.card} data-testid="call-card">
      <div className={styles.row}>
        <div className={styles.when}>
          <span className={styles.time}>{clinicTimeOf(appointment.startsAt, timeZone)}</span>
          <Typography.Text type="secondary">{appointment.doctor?.name ?? '—'}</Typography.Text>
        </div>
        <div className={styles.who}>
          <Space size={6} wrap>
            <Typography.Text strong className={styles.addressForm}>
              {addressFormOf(appointment.customer)}
            </Typography.Text>
            <Typography.Text type="secondary">{appointment.customer.name}</Typography.Text>
            {entry.needsReschedule && <Tag color="warning">{t('appointments.calls.needsReschedule')}</Tag>}
            {entry.attempts > 0 && (
              <Tag>
                {t('appointments.calls.attempts', { count: entry.attempts })}
                {entry.lastOutcome ? ` · ${t(`appointments.calls.outcome.${entry.lastOutcome}`)}` : ''}
              </Tag>
            )}
          </Space>
          <Space size={6}>
            <PhoneOutlined />
            <Typography.Text copyable={{ text: entry.phone }} className={styles.phone}>
              {entry.phone}
            </Typography.Text>
            <Typography.Text type="secondary">
              · {appointment.room ? roomLabel(appointment.room, language) : ''} · {t(`appointment.kind.${appointment.kind}`)}
            </Typography.Text>
          </Space>
        </div>
        <div className={styles.script}>
          <Typography.Paragraph className={styles.scriptText}>{script}</Typography.Paragraph>
          <Button
            size="small"
            icon={<CopyOutlined />}
            onClick={() => void copyText(script).then(() => message.success(t('appointments.calls.copied')))}
          >
            {t('appointments.calls.copy')}
          </Button>
        </div>
        <div className={styles.actions}>
          <Button type="primary" onClick={() => void save('confirmed')} loading={record.isPending} data-testid="call-confirmed">
            {t('appointments.calls.outcome.confirmed')}
          </Button>
          <Button onClick={() => void save('no_answer')}>{t('appointments.calls.outcome.no_answer')}</Button>
          <Button onClick={() => setMode(mode === 'reschedule' ? 'none' : 'reschedule')}>{t('appointments.calls.outcome.rescheduled')}</Button>
          <Button danger onClick={() => setMode('cancel')}>
            {t('appointments.calls.outcome.cancelled')}
          </Button>
        </div>
      </div>
      {mode === 'reschedule' && (
        <Space className={styles.more} wrap>
          <DatePicker value={dayjs(newDate)} allowClear={false} onChange={(value) => value && setNewDate(value.format('YYYY-MM-DD'))} aria-label={t('field.newDate')} />
          <TimePicker value={dayjs(`2000-01-01T${newTime}`)} onChange={(value) => value && setNewTime(value.format('HH:mm'))} format="HH:mm" minuteStep={5} needConfirm={false} allowClear={false} aria-label={t('field.newTime')} />
          <Button type="primary" onClick={() => void save('rescheduled', { newDate, newTime })} loading={record.isPending}>
            {t('appointments.do.save')}
          </Button>
        </Space>
      )}
      {record.isError && <Alert className={styles.more} type="error" showIcon role="alert" title={errorMessage(record.error, t)} />}
      <Modal
        open={mode === 'cancel'}
        title={t('appointments.cancel.title')}
        okText={t('appointments.do.cancel')}
        okButtonProps={{ danger: true, disabled: note.trim() === '' }}
        cancelText={t('appointments.do.close')}
        onCancel={() => setMode('none')}
        onOk={() => void save('cancelled', { note })}
      >
        <Input.TextArea autoFocus value={note} onChange={(event) => setNote(event.target.value)} placeholder={t('appointments.cancel.reasonPlaceholder')} aria-label={t('appointments.cancel.reason')} />
      </Modal>
    </Card>
  );
}
