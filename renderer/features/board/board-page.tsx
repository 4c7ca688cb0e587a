/**
 * The queue board, where reception lives all day: lanes by status, each card with a live wait
 * timer, sorted by priority then arrival; check-in by scanner from anywhere; filters by doctor,
 * floor and status. Keys: F2 check-in · F4 walk-in · arrows choose a card · Enter moves it on ·
 * Space completes its next comfort task · Esc clears the choice. No letter keys: a desk scanner
 * types letters, and they must reach the scanner, not act on a card.
 */
import { isOpenTask } from '../../../shared/domain/comfort';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BoardCard as Card } from '../../../shared/contract/visits';
import { isFinished, VISIT_STATUSES, waitLevel, type VisitStatus } from '../../../shared/domain/visits';
import { useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { useCan } from '../../ui/permissions';
import { byInstant, wholeMinutes } from '../../../shared/domain/durations';
import type { PageProps } from '../../routes';
import { errorMessage } from '../../ui/error-message';
import { PRIMARY } from './board-card';
import { CardMovesProvider, useCardMoves } from './card-moves';
import styles from './board.module.css';
import { BoardToolbar, useSameWhileEqual } from './board-toolbar';
import { ComfortPanel, useComplete } from './comfort';
import { Lane } from './lane';
import { OutcomeActionProvider } from '../consultation/outcome-action';
import { ShortcutHint } from '../../ui/shortcut-hint';

const CHECK_IN_INPUT = 'board-check-in';

/** Keys typed into a field, a menu or a dialog belong to it, not to the board. */
function isForSomethingElse(event: KeyboardEvent) {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable) return true;
  return target.closest('[role="dialog"], [role="menu"], .ant-select-dropdown, .ant-popover') !== null;
}

function byPriorityThenArrival(a: Card, b: Card) {
  return b.priority - a.priority || byInstant(a.arrivedAt, b.arrivedAt);
}

/** The lanes of those who have gone show the latest first: on a busy day the done lane holds 200+. */
function latestFirst(a: Card, b: Card) {
  return byInstant(b.arrivedAt, a.arrivedAt);
}

export function BoardPage({ session, params }: PageProps) {
  const { t } = useI18n();
  const { settings } = session.clinic;
  const board = useApiQuery('visits.board', {});
  const [doctorId, setDoctorId] = useState<number | undefined>();
  const [floor, setFloor] = useState<number | undefined>();
  const [statuses, setStatuses] = useState<VisitStatus[]>([]);
  const [selectedVisitId, setSelectedVisitId] = useState<number | null>(null);
  const [walkInOpen, setWalkInOpen] = useState(false);
  // Consultants, nurses and doctors do not check customers in: no box, no walk-in button, no F2/F4 (issue 13 part 5).
  const canCheckIn = useCan('visits.checkIn');
  // `#/board/<visitId>` (a notification about a customer): that card, chosen and in view, with
  // any filter that would hide it cleared — when the page opens on the link or the link changes.
  const linkedVisitId = params[0] && /^\d+$/.test(params[0]) ? Number(params[0]) : null;
  const [followedLink, setFollowedLink] = useState<number | null>(null);
  if (linkedVisitId !== followedLink) {
    setFollowedLink(linkedVisitId);
    if (linkedVisitId !== null) {
      setSelectedVisitId(linkedVisitId);
      setDoctorId(undefined);
      setFloor(undefined);
      setStatuses([]);
    }
  }
  const { moves, reasonDialog } = useCardMoves();
  const move = moves.go;
  const complete = useComplete();

  // Timers run between refreshes: one clock for the whole board, a tick every 15 s.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  const minutesSinceSnapshot = board.dataUpdatedAt ? Math.max(0, Math.floor((now - board.dataUpdatedAt) / 60_000)) : 0;
  // Comfort tasks fall due by the server's clock (a PC's clock may be off; `serve --demo-at` runs
  // the clinic at another hour): the snapshot says the server's time when it was taken.
  const serverSkew = board.data ? Date.parse(board.data.now) - board.dataUpdatedAt : 0;
  const serverNow = now + serverSkew;


  const cards = useMemo(() => board.data?.cards ?? [], [board.data]);
  const doctorsNow = useMemo(() => [...new Map(cards.filter((card) => card.doctor).map((card) => [card.doctor!.id, card.doctor!.name])).entries()], [cards]);
  const floorsNow = useMemo(() => [...new Set(cards.flatMap((card) => (card.room ? [card.room.floor] : [])))].sort(), [cards]);
  // The same lists while they say the same: the toolbar then skips a check-in's re-render.
  const doctors = useSameWhileEqual(doctorsNow, JSON.stringify(doctorsNow));
  const floors = useSameWhileEqual(floorsNow, JSON.stringify(floorsNow));
  const checkInProps = useMemo(
    () => (canCheckIn ? { timeZone: settings.timeZone, inputId: CHECK_IN_INPUT, onCheckedIn: setSelectedVisitId, walkInOpen, onWalkInOpenChange: setWalkInOpen } : null),
    [canCheckIn, settings.timeZone, walkInOpen],
  );
  const shown = cards.filter((card) => (doctorId === undefined || card.doctor?.id === doctorId) && (floor === undefined || card.room?.floor === floor));
  const visibleStatuses = useMemo(() => (statuses.length === 0 ? VISIT_STATUSES : VISIT_STATUSES.filter((status) => statuses.includes(status))), [statuses]);
  const lanes = useMemo(() => {
    const map = new Map<VisitStatus, Card[]>(visibleStatuses.map((status) => [status, []]));
    for (const card of shown) map.get(card.status)?.push(card);
    for (const [status, list] of map) list.sort(isFinished(status) ? latestFirst : byPriorityThenArrival);
    return map;
  }, [shown, visibleStatuses]);

  // The keyboard: the latest lanes and selection, read by one listener installed once.
  const keyState = useRef({ lanes, visibleStatuses, selectedVisitId, move, complete, canCheckIn });
  useEffect(() => {
    keyState.current = { lanes, visibleStatuses, selectedVisitId, move, complete, canCheckIn };
  });
  useEffect(() => {
    // An Enter right after typed characters ends something typed (a scan the scanner hook did not
    // take as one), never a command to move the chosen card.
    let lastCharacterAt = -Infinity;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.length === 1 && event.key !== ' ') {
        lastCharacterAt = event.timeStamp;
        return;
      }
      if (event.key === 'Enter' && event.timeStamp - lastCharacterAt < 1000) return;
      if ((event.key === 'F2' || event.key === 'F4') && keyState.current.canCheckIn) {
        event.preventDefault();
        if (event.key === 'F2') document.getElementById(CHECK_IN_INPUT)?.focus();
        else setWalkInOpen(true);
        return;
      }
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isForSomethingElse(event)) return;
      // Enter and Space on a focused button press that button.
      if ((event.key === 'Enter' || event.key === ' ') && (event.target as HTMLElement | null)?.closest('button, a')) return;
      const state = keyState.current;
      const laneOrder = state.visibleStatuses.filter((status) => (state.lanes.get(status)?.length ?? 0) > 0);
      const selected = state.selectedVisitId === null ? undefined : [...state.lanes.values()].flat().find((card) => card.visitId === state.selectedVisitId);
      const laneIndex = selected ? laneOrder.indexOf(selected.status) : -1;
      const lane = selected ? (state.lanes.get(selected.status) ?? []) : [];
      const index = selected ? lane.indexOf(selected) : -1;
      const pick = (card: Card | undefined) => {
        if (!card) return;
        event.preventDefault();
        setSelectedVisitId(card.visitId);
      };
      switch (event.key) {
        case 'ArrowDown':
        case 'ArrowUp': {
          if (!selected) return pick(state.lanes.get(laneOrder[0]!)?.[0]);
          return pick(lane[Math.min(lane.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))]);
        }
        case 'ArrowLeft':
        case 'ArrowRight': {
          const next = laneOrder[Math.min(laneOrder.length - 1, Math.max(0, laneIndex + (event.key === 'ArrowRight' ? 1 : -1)))];
          const target = next ? (state.lanes.get(next) ?? []) : [];
          return pick(target[Math.min(Math.max(index, 0), target.length - 1)]);
        }
        case 'Enter': {
          const to = selected ? PRIMARY[selected.status] : undefined;
          if (!selected || !to) return;
          event.preventDefault();
          state.move(selected, to);
          return;
        }
        case ' ': {
          const task = selected?.comfort.filter(isOpenTask).sort((a, b) => byInstant(a.dueAt, b.dueAt))[0];
          if (!task) return;
          event.preventDefault();
          state.complete(task);
          return;
        }
        case 'Escape':
          setSelectedVisitId(null);
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const onSelect = useCallback((visitId: number) => setSelectedVisitId(visitId), []);

  const waiting = cards.filter((card) => card.status === 'waiting');
  const overTime = waiting.filter((card) => waitLevel(wholeMinutes((card.waitedMinutes ?? 0) + minutesSinceSnapshot), settings.waitAmberMinutes, settings.waitRedMinutes) === 'red').length;

  return (
    <OutcomeActionProvider role={session.staff.role}>
    <CardMovesProvider moves={moves}>
    {reasonDialog}
    <Flex vertical gap={12} className={styles.page}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('visits.title')}
          </Typography.Title>
          <Flex gap={16} wrap align="baseline">
            <Typography.Text type="secondary" data-testid="board-summary">
              {t('visits.summary', { arrived: cards.length, waiting: waiting.length, late: overTime })}
            </Typography.Text>
            {/* Beside the summary, not a line of its own under the toolbar: the lanes get the height (issue 13 part 9). */}
            <ShortcutHint>{t(canCheckIn ? 'visits.shortcuts' : 'visits.shortcutsNoCheckIn')}</ShortcutHint>
          </Flex>
        </div>
        <BoardToolbar
          doctors={doctors}
          floors={floors}
          doctorId={doctorId}
          onDoctorChange={setDoctorId}
          floor={floor}
          onFloorChange={setFloor}
          statuses={statuses}
          onStatusesChange={setStatuses}
          checkIn={checkInProps}
        />
      </Flex>
      {board.isError && <Alert type="error" showIcon title={errorMessage(board.error, t)} action={<Button onClick={() => void board.refetch()}>{t('app.retry')}</Button>} />}
      {board.data && <ComfortPanel cards={cards} now={serverNow} />}
      {board.isPending ? (
        <Spin />
      ) : (
        <div className={styles.lanes} style={{ gridTemplateColumns: visibleStatuses.map((status) => (status === 'done' || status === 'left' ? 'minmax(150px, 0.7fr)' : status === 'waiting' ? 'minmax(200px, 1.3fr)' : 'minmax(200px, 1fr)')).join(' ') }}>
          {visibleStatuses.map((status) => (
            <Lane
              key={status}
              status={status}
              cards={lanes.get(status) ?? []}
              selectedVisitId={selectedVisitId}
              onSelect={onSelect}
              minutesSinceSnapshot={minutesSinceSnapshot}
              amberMinutes={settings.waitAmberMinutes}
              redMinutes={settings.waitRedMinutes}
              now={serverNow}
              timeZone={settings.timeZone}
            />
          ))}
        </div>
      )}
    </Flex>
    </CardMovesProvider>
    </OutcomeActionProvider>
  );
}
