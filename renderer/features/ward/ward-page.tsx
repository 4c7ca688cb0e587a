/**
 * The ward board (seed 004 rules 4–7, 12–21, 23) for the nurses' tablet (768×1024): every bed,
 * its customer's form of address, the day of stay and the tasks due and overdue, each done with
 * one tap (a round: start, then end — closed before 10 minutes it warns). Admission, infusion,
 * the aftercare sheet and discharge from the bed's card. Refreshed by `stays.changed`.
 */
import { Alert, App, Button, Empty, Flex, InputNumber, Modal, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { WardBed, WardTaskView } from '../../../shared/contract/stays';
import { clinicDateOf, clinicDayRange, clinicTimeOf } from '../../../shared/domain/clinic-time';
import { useApi } from '../../client/api-context';
import { useServerNow } from '../../client/server-clock';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { CustomerPicker } from '../customers/customer-picker';
import { loadForPrinting } from '../printing/print-in-frame';
import type { PageProps } from '../../routes';
import styles from './ward.module.css';
import { addressFormOf } from '../../../shared/domain/customers';

const STATE_COLOR: Record<WardTaskView['state'], string> = { upcoming: 'default', due: 'processing', overdue: 'warning', escalated: 'error', done: 'success' };

function TaskRow({ task, timeZone }: { task: WardTaskView; timeZone: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const start = useApiMutation('wardTasks.start');
  const complete = useApiMutation('wardTasks.complete');
  const timed = task.kind === 'round' || task.kind === 'night_round';
  const onError = (error: unknown) => void message.error(errorMessage(error, t));
  const done = task.doneAt !== null;
  return (
    <div className={`${styles.task} ${styles[`task_${task.state}`] ?? ''}`} data-testid="ward-task" data-kind={task.kind} data-state={task.state}>
      <span className={styles.taskTime}>{clinicTimeOf(task.dueAt, timeZone)}</span>
      <span className={styles.taskLabel}>
        {t(`stays.task.${task.kind}`)}
        {task.startedAt && !done && <Tag color="blue">{t('ward.roundSince', { time: clinicTimeOf(task.startedAt, timeZone) })}</Tag>}
      </span>
      <Tag color={STATE_COLOR[task.state]}>{t(`ward.state.${task.state}`)}</Tag>
      {!done &&
        (timed && !task.startedAt ? (
          <Button className={styles.tap} loading={start.isPending} onClick={() => start.mutate({ taskId: task.id }, { onError })}>
            {t('ward.startRound')}
          </Button>
        ) : (
          <Button
            type="primary"
            className={styles.tap}
            loading={complete.isPending}
            onClick={() =>
              complete.mutate(
                { taskId: task.id },
                {
                  onError,
                  onSuccess: (result) => {
                    if (result.warning) void message.warning(t('ward.shortRound', { minutes: result.warning.minutes, minimum: result.warning.minimum }), 8);
                    else void message.success(t('ward.done'));
                  },
                },
              )
            }
          >
            {timed ? t('ward.endRound') : t('ward.complete')}
          </Button>
        ))}
    </div>
  );
}

function BedCard({ bed, timeZone, dayEnds, onAdmit }: { bed: WardBed; timeZone: string; dayEnds: string; onAdmit(bed: WardBed): void }) {
  const { t, language } = useI18n();
  const { message, modal } = App.useApp();
  const api = useApi();
  const infusion = useApiMutation('stays.infusion');
  const discharge = useApiMutation('stays.discharge');
  const care = useApiMutation('stays.recordCare');
  const [printing, setPrinting] = useState(false);
  const onError = (error: unknown) => void message.error(errorMessage(error, t));
  const room = language === 'en' ? bed.room.nameEn : bed.room.name;
  const stay = bed.stay;
  // Past the tablet's midnight (by the server's clock) the next day's tasks are the day's; before
  // it they are one line, so the night nurse knows what the morning holds.
  const tasks = stay ? [...stay.tasks, ...stay.nextDayTasks.filter((task) => task.dueAt < dayEnds)] : [];
  const later = stay ? stay.nextDayTasks.filter((task) => task.dueAt >= dayEnds && task.doneAt === null) : [];
  const print = async (paper: 'a5' | 'a4') => {
    if (!stay) return;
    setPrinting(true);
    try {
      const open = await loadForPrinting(`/print/aftercare/${stay.id}?paper=${paper}&lang=${language === 'en' ? 'en' : 'zh-CN'}`);
      open();
      const recorded = await api.call('aftercare.recordPrint', { stayId: stay.id });
      void message.success(t('ward.aftercarePrinted', { time: clinicTimeOf(recorded.aftercareAgainAt, timeZone) }));
    } catch (error) {
      onError(error);
    } finally {
      setPrinting(false);
    }
  };
  return (
    <section className={styles.bed} data-testid="ward-bed" data-room={bed.room.name} data-bed={bed.bed} data-occupied={stay ? 'true' : 'false'}>
      <header className={styles.bedHead}>
        <strong>
          {room} · {t('ward.bed', { bed: bed.bed })}
        </strong>
        {stay && <Tag>{t('ward.dayOfStay', { day: stay.dayOfStay })}</Tag>}
      </header>
      {!stay ? (
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary">{t('ward.empty')}</Typography.Text>
          <Button className={styles.tap} onClick={() => onAdmit(bed)} data-testid="admit">
            {t('ward.admit')}
          </Button>
        </Flex>
      ) : (
        <Flex vertical gap={6}>
          <div className={styles.who}>
            <span className={styles.address}>{addressFormOf(stay)}</span> <span className={styles.name}>{stay.name}</span>
            {stay.surgeryAt && <Typography.Text type="secondary"> · {t('ward.surgeryAt', { time: clinicTimeOf(stay.surgeryAt, timeZone) })}</Typography.Text>}
          </div>
          {tasks.length === 0 ? <Typography.Text type="secondary">{t('ward.noTasks')}</Typography.Text> : tasks.map((task) => <TaskRow key={task.id} task={task} timeZone={timeZone} />)}
          {later[0] && (
            <Typography.Text type="secondary" data-testid="ward-tomorrow">
              {t('ward.tomorrow', { count: later.length, time: clinicTimeOf(later[0].dueAt, timeZone), task: t(`stays.task.${later[0].kind}`) })}
            </Typography.Text>
          )}
          <Flex gap={8} wrap className={styles.bedActions}>
            <Button className={styles.tap} loading={printing} onClick={() => void print('a5')} data-testid="print-aftercare">
              {t('ward.printAftercare')}
            </Button>
            <Button className={styles.tap} onClick={() => void print('a4')}>
              A4
            </Button>
            <Button className={styles.tap} loading={infusion.isPending} onClick={() => infusion.mutate({ stayId: stay.id, running: stay.infusionSince === null }, { onError })}>
              {stay.infusionSince === null ? t('ward.infusionStart') : t('ward.infusionStop')}
            </Button>
            <Button className={styles.tap} onClick={() => care.mutate({ stayId: stay.id, kind: 'dressing' }, { onError, onSuccess: () => void message.success(t('ward.careRecorded')) })}>
              {t('ward.dressing')}
            </Button>
            <Button
              className={styles.tap}
              danger
              onClick={() =>
                void modal.confirm({
                  title: t('ward.dischargeTitle'),
                  content: t('ward.dischargeBody'),
                  okText: t('ward.discharge'),
                  onOk: () => discharge.mutateAsync({ stayId: stay.id, expectedVersion: stay.version, sheetGiven: true }).then(() => void message.success(t('ward.discharged')), onError),
                })
              }
            >
              {t('ward.discharge')}
            </Button>
          </Flex>
        </Flex>
      )}
    </section>
  );
}

function AdmitDialog({ bed, onClose }: { bed: WardBed; onClose(): void }) {
  const { t } = useI18n();
  const admit = useApiMutation('stays.admit');
  const [customerId, setCustomerId] = useState<number | null>(null);
  const [bedNumber, setBedNumber] = useState(bed.bed);
  return (
    <Modal open title={t('ward.admitTitle')} onCancel={onClose} okText={t('ward.admit')} okButtonProps={{ disabled: customerId === null, loading: admit.isPending }} onOk={() => customerId !== null && admit.mutate({ customerId, roomId: bed.room.id, bed: bedNumber }, { onSuccess: onClose })}>
      <Flex vertical gap={10}>
        <CustomerPicker value={customerId} onChange={(id) => setCustomerId(id)} />
        <Flex gap={8} align="center">
          <span>{t('field.bed')}</span>
          <InputNumber min={1} max={12} value={bedNumber} onChange={(value) => setBedNumber(value ?? 1)} />
        </Flex>
        <Typography.Text type="secondary">{t('ward.admitHint')}</Typography.Text>
        {admit.isError && <Alert type="error" showIcon title={errorMessage(admit.error, t)} />}
      </Flex>
    </Modal>
  );
}

export function WardPage({ session }: PageProps) {
  const { t } = useI18n();
  const board = useApiQuery('stays.board', {});
  const [admitting, setAdmitting] = useState<WardBed | null>(null);
  const timeZone = session.clinic.settings.timeZone;
  const now = useServerNow(30_000);
  const dayEnds = clinicDayRange(clinicDateOf(now, timeZone), timeZone).end;
  // The board's day moves on by itself: tasks of the next morning appear without a notice.
  useEffect(() => {
    const timer = window.setInterval(() => void board.refetch(), 60_000);
    return () => window.clearInterval(timer);
  }, [board]);
  if (board.isPending) return <Spin />;
  if (board.isError) return <Alert type="error" showIcon title={errorMessage(board.error, t)} action={<Button onClick={() => void board.refetch()}>{t('app.retry')}</Button>} />;
  const { beds, restaurants } = board.data;
  return (
    <Flex vertical gap={12} className={styles.page} data-testid="ward-page">
      <Flex justify="space-between" align="baseline" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('ward.title')}
        </Typography.Title>
        {restaurants.length > 0 && <Typography.Text type="secondary">{t('ward.menus', { menus: restaurants.join(' · ') })}</Typography.Text>}
      </Flex>
      {beds.length === 0 ? (
        <Empty description={t('ward.noWards')} />
      ) : (
        <div className={styles.beds}>
          {beds.map((bed) => (
            <BedCard key={`${bed.room.id}-${bed.bed}`} bed={bed} timeZone={timeZone} dayEnds={dayEnds} onAdmit={setAdmitting} />
          ))}
        </div>
      )}
      {admitting && <AdmitDialog bed={admitting} onClose={() => setAdmitting(null)} />}
    </Flex>
  );
}
