/**
 * The day's follow-up calls (seed 000 step 9): overdue first, then today's, each with the address
 * form, the phone with a copy button, the item, the day since surgery and a suggested script in
 * Chinese or English. Outcomes: reached (how they feel, questions, a concern for the doctor), not
 * reached (tried again later, counted), or call at another time; the plan's visit is booked here.
 * Keys: 1 reached, 2 not reached, 3 another time on the focused card (like the confirmation calls).
 */
import { CopyOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Empty, Flex, Input, Modal, Segmented, Select, Space, Spin, Tag, TimePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { FollowUpCall } from '../../../shared/contract/follow-ups';
import { clinicInstant, clinicTimeOf } from '../../../shared/domain/clinic-time';
import { translate } from '../../../shared/i18n/messages';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import type { PageProps } from '../../routes';
import { copyText } from '../../ui/clipboard';
import { errorMessage } from '../../ui/error-message';
import { CustomerPicker } from '../customers/customer-picker';
import shared from '../calls/call-list-page.module.css';
import own from './follow-up-calls-page.module.css';

const styles = { ...shared, ...own };
import { addressFormOf } from '../../../shared/domain/customers';

export function FollowUpCallsPage({ session }: PageProps) {
  const { t, language } = useI18n();
  const [scriptLanguage, setScriptLanguage] = useState<'zh' | 'en'>(language === 'en' ? 'en' : 'zh');
  const list = useApiQuery('followUps.callList', {});
  const calls = [...(list.data?.calls ?? [])].sort((a, b) => Number(a.waiting) - Number(b.waiting));
  const timeZone = session.clinic.settings.timeZone;
  const clinic = scriptLanguage === 'zh' ? (list.data?.clinicName ?? '') : (list.data?.clinicNameEn ?? '');

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('followUps.title')}
        </Typography.Title>
        <Segmented<'zh' | 'en'> value={scriptLanguage} onChange={setScriptLanguage} options={[{ value: 'zh', label: t('app.scriptZh') }, { value: 'en', label: t('app.scriptEn') }]} />
      </Flex>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error, t)} action={<Button onClick={() => void list.refetch()}>{t('app.retry')}</Button>} />}
      {list.isPending ? (
        <Spin />
      ) : calls.length === 0 ? (
        <Card>
          <Empty description={t('followUps.empty')} />
        </Card>
      ) : (
        calls.map((entry) => <FollowUpCallCard key={entry.stepId} entry={entry} today={session.clinic.today} timeZone={timeZone} scriptLanguage={scriptLanguage} clinic={clinic} />)
      )}
      <PlanByHand />
    </Flex>
  );
}

function FollowUpCallCard({ entry, today, timeZone, scriptLanguage, clinic }: { entry: FollowUpCall; today: string; timeZone: string; scriptLanguage: 'zh' | 'en'; clinic: string }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const record = useApiMutation('followUps.recordCall');
  const doctors = useApiQuery('appointments.dayView', { date: today });
  const [mode, setMode] = useState<'none' | 'reached' | 'later' | 'book'>('none');
  const [feeling, setFeeling] = useState('');
  const [questions, setQuestions] = useState('');
  const [concern, setConcern] = useState('');
  const [doctorId, setDoctorId] = useState<number | undefined>();
  const [retry, setRetry] = useState(dayjs().add(2, 'hour'));
  const address = addressFormOf(entry.customer);
  const script = translate(scriptLanguage === 'zh' ? 'zh-CN' : 'en', entry.scriptKey, { address, clinic, days: entry.daysSinceSurgery });

  const save = async (outcome: 'reached' | 'not_reached' | 'call_later') => {
    try {
      await record.mutateAsync({
        stepId: entry.stepId,
        expectedVersion: entry.version,
        outcome,
        ...(outcome === 'reached' ? { feeling, questions, ...(concern.trim() ? { concern, ...(doctorId ? { concernDoctorId: doctorId } : {}) } : {}) } : {}),
        ...(outcome === 'call_later' ? { retryAt: retry.toDate().toISOString() } : {}),
      });
      void message.success(t('followUps.saved'));
      setMode('none');
    } catch {
      // shown on the card
    }
  };
  const onKey = (event: React.KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === '1') setMode('reached');
    if (event.key === '2') void save('not_reached');
    if (event.key === '3') setMode('later');
  };

  return (
    <Card size="small" className={styles.card} data-testid="follow-up-call" data-no-consent={entry.noConsent || undefined} tabIndex={0} onKeyDown={entry.noConsent ? undefined : onKey}>
      <div className={styles.row}>
        <div className={styles.when}>
          {entry.daysOverdue > 0 ? <Tag color="error">{t('followUps.overdue', { days: entry.daysOverdue })}</Tag> : <Tag color="processing">{t('followUps.dueToday')}</Tag>}
          <Typography.Text type="secondary">{t('followUps.daysSince', { days: entry.daysSinceSurgery })}</Typography.Text>
        </div>
        <div className={styles.who}>
          <Space size={6} wrap>
            <Typography.Text strong className={styles.addressForm}>{address}</Typography.Text>
            <Typography.Text type="secondary">{entry.customer.name}</Typography.Text>
            {entry.item && <Tag>{language === 'en' ? entry.item.nameEn : entry.item.nameZh}</Tag>}
            {entry.attempts > 0 && <Tag>{t('followUps.attempts', { count: entry.attempts })}</Tag>}
            {entry.waiting && entry.retryAt && <Tag color="default">{t('followUps.retryAt', { time: clinicTimeOf(entry.retryAt, timeZone) })}</Tag>}
            {entry.noConsent && <Tag color="error" data-testid="no-call-consent">{t('followUps.noCallConsent')}</Tag>}
          </Space>
          {entry.noConsent ? (
            // Issue 20: she withdrew her consent to calls — the manager sees why she is not called, not her number.
            <Typography.Text type="secondary">{entry.customer.phone}</Typography.Text>
          ) : (
            <Space size={6}>
              <PhoneOutlined />
              <Typography.Text copyable={{ text: entry.customer.phone, tooltips: [t('followUps.copyPhone'), t('followUps.copied')] }} className={styles.phone}>
                {entry.customer.phone}
              </Typography.Text>
            </Space>
          )}
          {entry.visitStep && !entry.noConsent && (
            <Space size={6}>
              <Typography.Text type="secondary">{t('followUps.visitDue', { date: entry.visitStep.dueDate })}</Typography.Text>
              <Button size="small" onClick={() => setMode('book')}>{t('followUps.bookVisit')}</Button>
            </Space>
          )}
        </div>
        {entry.noConsent ? (
          <Alert className={styles.noConsent} type="warning" showIcon title={t('followUps.noCallConsentHint')} />
        ) : (
          <>
            <div className={styles.script}>
              <Typography.Paragraph className={styles.scriptText}>{script}</Typography.Paragraph>
              <Button size="small" icon={<CopyOutlined />} onClick={() => void copyText(script).then(() => message.success(t('followUps.saved')))} aria-label={t('followUps.script')} />
            </div>
            <div className={styles.actions}>
              <Button type="primary" onClick={() => setMode(mode === 'reached' ? 'none' : 'reached')} data-testid="follow-up-reached">{t('followUps.outcome.reached')}</Button>
              <Button onClick={() => void save('not_reached')} loading={record.isPending}>{t('followUps.outcome.notReached')}</Button>
              <Button onClick={() => setMode(mode === 'later' ? 'none' : 'later')}>{t('followUps.outcome.callLater')}</Button>
            </div>
          </>
        )}
      </div>
      {mode === 'reached' && (
        <div className={styles.more}>
          <Input placeholder={t('followUps.feeling')} aria-label={t('followUps.feeling')} value={feeling} onChange={(event) => setFeeling(event.target.value)} count={{ show: true, max: 500 }} autoFocus />
          <Input.TextArea placeholder={t('followUps.questions')} aria-label={t('followUps.questions')} value={questions} onChange={(event) => setQuestions(event.target.value)} count={{ show: true, max: 1000 }} autoSize />
          <Space.Compact block>
            <Input placeholder={t('followUps.concern')} aria-label={t('followUps.concern')} value={concern} onChange={(event) => setConcern(event.target.value)} count={{ show: true, max: 1000 }} />
            <Select style={{ width: 200 }} allowClear placeholder={t('followUps.concernDoctor')} value={doctorId} onChange={setDoctorId} options={(doctors.data?.doctors ?? []).map((doctor) => ({ value: doctor.id, label: doctor.name }))} />
          </Space.Compact>
          <Button type="primary" onClick={() => void save('reached')} loading={record.isPending} data-testid="follow-up-save">{t('followUps.save')}</Button>
        </div>
      )}
      {mode === 'later' && (
        <Space className={styles.more} wrap>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" value={retry} onChange={(value) => value && setRetry(value)} allowClear={false} aria-label={t('followUps.retryTime')} />
          <Button type="primary" onClick={() => void save('call_later')} loading={record.isPending}>{t('followUps.save')}</Button>
        </Space>
      )}
      {record.isError && <Alert className={styles.more} type="error" showIcon role="alert" title={errorMessage(record.error, t)} />}
      {mode === 'book' && entry.visitStep && <BookVisitModal step={entry.visitStep} timeZone={timeZone} onClose={() => setMode('none')} />}
    </Card>
  );
}

function BookVisitModal({ step, onClose }: { step: NonNullable<FollowUpCall['visitStep']>; timeZone: string; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [date, setDate] = useState(step.dueDate);
  const [time, setTime] = useState('10:00');
  const [doctorId, setDoctorId] = useState<number | undefined>();
  const day = useApiQuery('appointments.dayView', { date });
  const book = useApiMutation('followUps.bookVisit');
  const submit = async () => {
    if (!doctorId) return;
    try {
      await book.mutateAsync({ stepId: step.stepId, expectedVersion: step.version, doctorId, date, time, durationMinutes: 30 });
      void message.success(t('followUps.visitBooked'));
      onClose();
    } catch {
      // shown below
    }
  };
  return (
    <Modal open title={t('followUps.bookVisit')} onCancel={onClose} onOk={() => void submit()} okButtonProps={{ disabled: !doctorId, loading: book.isPending }} okText={t('followUps.bookVisit')}>
      <Flex vertical gap={8}>
        <DatePicker value={dayjs(date)} allowClear={false} onChange={(value) => value && setDate(value.format('YYYY-MM-DD'))} aria-label={t('appointments.form.date')} />
        <TimePicker value={dayjs(`2000-01-01T${time}`)} onChange={(value) => value && setTime(value.format('HH:mm'))} format="HH:mm" minuteStep={5} needConfirm={false} allowClear={false} aria-label={t('field.newTime')} />
        <Select
          placeholder={t('followUps.concernDoctor')}
          value={doctorId}
          onChange={setDoctorId}
          // Typed to find, as in the booking drawer: a clinic's whole list of doctors is long.
          showSearch={{ optionFilterProp: 'label' }}
          options={(day.data?.doctors ?? []).map((doctor) => ({ value: doctor.id, label: `${doctor.name}${doctor.shift ? `（${doctor.shift.start}–${doctor.shift.end}）` : ''}`, disabled: !doctor.shift }))}
          data-testid="book-doctor"
        />
        {book.isError && <Alert type="error" showIcon role="alert" title={errorMessage(book.error, t)} />}
      </Flex>
    </Modal>
  );
}

/** A plan by hand: the customer, the item, and when the surgery was (the template gives the dates). */
function PlanByHand() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [customerId, setCustomerId] = useState<number | null>(null);
  const [itemId, setItemId] = useState<number | undefined>();
  const [surgeryAt, setSurgeryAt] = useState(dayjs().subtract(1, 'day'));
  const items = useApiQuery('items.list', {});
  const create = useApiMutation('followUps.createPlan');
  const submit = async () => {
    if (!customerId) return;
    try {
      await create.mutateAsync({ customerId, itemId: itemId ?? null, surgeryAt: surgeryAt.toDate().toISOString() });
      void message.success(t('followUps.planCreated'));
    } catch {
      // shown below
    }
  };
  return (
    <Card size="small" title={t('followUps.createPlan')}>
      <Space wrap>
        <div style={{ width: 320 }}>
          <CustomerPicker value={customerId} onChange={(id) => setCustomerId(id)} />
        </div>
        <Select style={{ width: 200 }} allowClear value={itemId} onChange={setItemId} placeholder={t('field.itemId')} options={(items.data ?? []).map((item) => ({ value: item.id, label: item.nameZh }))} />
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={surgeryAt} onChange={(value) => value && setSurgeryAt(value)} allowClear={false} aria-label={t('followUps.surgeryAt')} />
        <Button type="primary" disabled={!customerId} onClick={() => void submit()} loading={create.isPending}>{t('followUps.createPlan')}</Button>
      </Space>
      {create.isError && <Alert type="error" showIcon role="alert" title={errorMessage(create.error, t)} />}
    </Card>
  );
}

/** The clinic's instant of a date and time, for tests and callers outside React. */
export const retryInstant = (date: string, time: string, timeZone: string) => clinicInstant(date, time, timeZone).toISOString();
