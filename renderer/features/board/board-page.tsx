/**
 * The queue board, where reception lives all day: lanes by status, each card with a live wait
 * timer, sorted by priority then arrival; check-in by scanner from anywhere. Keys: F2 check-in.
 */
import { Alert, Button, Flex, Select, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { BoardCard as Card } from '../../../shared/contract/visits';
import { VISIT_STATUSES, waitLevel, type VisitStatus } from '../../../shared/domain/visits';
import { useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import type { PageProps } from '../../routes';
import { errorMessage } from '../../ui/error-message';
import { BoardCard } from './board-card';
import styles from './board.module.css';
import { CheckIn } from './check-in';
import { ComfortPanel } from './comfort';

const CHECK_IN_INPUT = 'board-check-in';

function byPriorityThenArrival(a: Card, b: Card) {
  return b.priority - a.priority || a.arrivedAt.localeCompare(b.arrivedAt);
}

export function BoardPage({ session }: PageProps) {
  const { t } = useI18n();
  const { settings } = session.clinic;
  const board = useApiQuery('visits.board', {});
  const [doctorId, setDoctorId] = useState<number | undefined>();
  const [floor, setFloor] = useState<number | undefined>();

  // Timers run between refreshes: one clock for the whole board, a tick every 15 s.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  const minutesSinceSnapshot = board.dataUpdatedAt ? Math.max(0, Math.floor((now - board.dataUpdatedAt) / 60_000)) : 0;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F2') {
        event.preventDefault();
        document.getElementById(CHECK_IN_INPUT)?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const cards = useMemo(() => board.data?.cards ?? [], [board.data]);
  const doctors = useMemo(() => [...new Map(cards.filter((card) => card.doctor).map((card) => [card.doctor!.id, card.doctor!.name])).entries()], [cards]);
  const floors = useMemo(() => [...new Set(cards.flatMap((card) => (card.room ? [card.room.floor] : [])))].sort(), [cards]);
  const shown = cards.filter((card) => (doctorId === undefined || card.doctor?.id === doctorId) && (floor === undefined || card.room?.floor === floor));
  const lanes = useMemo(() => {
    const map = new Map<VisitStatus, Card[]>(VISIT_STATUSES.map((status) => [status, []]));
    for (const card of shown) map.get(card.status)?.push(card);
    for (const list of map.values()) list.sort(byPriorityThenArrival);
    return map;
  }, [shown]);

  const waiting = cards.filter((card) => card.status === 'waiting');
  const overTime = waiting.filter((card) => waitLevel(card.waitedMinutes + minutesSinceSnapshot, settings.waitAmberMinutes, settings.waitRedMinutes) === 'red').length;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('visits.title')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="board-summary">
            {t('visits.summary', { arrived: cards.length, waiting: waiting.length, late: overTime })}
          </Typography.Text>
        </div>
        <div className={styles.toolbar}>
          <CheckIn timeZone={settings.timeZone} inputId={CHECK_IN_INPUT} />
          <Select allowClear placeholder={t('visits.filterDoctor')} style={{ width: 140 }} value={doctorId} onChange={setDoctorId} options={doctors.map(([id, name]) => ({ value: id, label: name }))} />
          <Select allowClear placeholder={t('visits.filterFloor')} style={{ width: 110 }} value={floor} onChange={setFloor} options={floors.map((value) => ({ value, label: t('visits.floor', { floor: value }) }))} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('visits.shortcuts')}
          </Typography.Text>
        </div>
      </Flex>
      {board.isError && <Alert type="error" showIcon title={errorMessage(board.error, t)} action={<Button onClick={() => void board.refetch()}>{t('app.retry')}</Button>} />}
      {board.data && <ComfortPanel cards={cards} now={now} />}
      {board.isPending ? (
        <Spin />
      ) : (
        <div className={styles.lanes}>
          {VISIT_STATUSES.map((status) => {
            const list = lanes.get(status) ?? [];
            return (
              <section key={status} className={styles.lane} aria-label={t(`visits.status.${status}`)} data-testid={`lane-${status}`}>
                <header className={styles.laneHeader}>
                  <span>{t(`visits.status.${status}`)}</span>
                  <span>{list.length}</span>
                </header>
                <div className={styles.laneBody}>
                  {list.length === 0 ? (
                    <div className={styles.emptyLane}>{t('visits.emptyLane')}</div>
                  ) : (
                    list.map((card) => (
                      <BoardCard key={card.visitId} card={card} minutesSinceSnapshot={minutesSinceSnapshot} amberMinutes={settings.waitAmberMinutes} redMinutes={settings.waitRedMinutes} now={now} timeZone={settings.timeZone} />
                    ))
                  )}
                </div>
              </section>
            );
          })}
        </div>
      )}
    </Flex>
  );
}
