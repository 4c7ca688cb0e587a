/**
 * One lane of the queue board, virtualised: a 300-arrival day puts a hundred cards or more in the
 * done lane, and only the ones in view (plus a few above and below) are in the page. Cards are
 * measured as they render, since a card grows with its comfort tasks.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { BoardCard as Card } from '../../../shared/contract/visits';
import type { VisitStatus } from '../../../shared/domain/visits';
import { useI18n } from '../../i18n/i18n';
import { BoardCard } from './board-card';
import styles from './board.module.css';

/** A card with two open comfort tasks and flags is about this tall; the real height is measured. */
const ESTIMATED_CARD_PX = 150;
const GAP_PX = 8;

interface LaneProps {
  status: VisitStatus;
  cards: readonly Card[];
  selectedVisitId: number | null;
  onSelect(visitId: number): void;
  minutesSinceSnapshot: number;
  amberMinutes: number;
  redMinutes: number;
  now: number;
  timeZone: string;
}

export function Lane({ status, cards, selectedVisitId, onSelect, minutesSinceSnapshot, amberMinutes, redMinutes, now, timeZone }: LaneProps) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back a mutable instance; the React Compiler leaves this component as written.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_CARD_PX,
    getItemKey: (index) => cards[index]!.visitId,
    gap: GAP_PX,
    overscan: 4,
    paddingStart: GAP_PX,
    paddingEnd: GAP_PX,
  });

  // The selected card (keyboard, or one just checked in) is scrolled into view in its lane.
  const selectedIndex = selectedVisitId === null ? -1 : cards.findIndex((card) => card.visitId === selectedVisitId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  return (
    <section className={styles.lane} aria-label={t(`visits.status.${status}`)} data-testid={`lane-${status}`}>
      <header className={styles.laneHeader}>
        <span>{t(`visits.status.${status}`)}</span>
        <span data-testid="lane-count">{cards.length}</span>
      </header>
      <div ref={scroller} className={styles.laneBody}>
        {cards.length === 0 ? (
          <div className={styles.emptyLane}>{t('visits.emptyLane')}</div>
        ) : (
          <div className={styles.laneInner} style={{ height: virtualizer.getTotalSize() }} role="list">
            {virtualizer.getVirtualItems().map((item) => {
              const card = cards[item.index]!;
              return (
                <div key={item.key} ref={virtualizer.measureElement} data-index={item.index} className={styles.laneItem} style={{ transform: `translateY(${String(item.start)}px)` }} role="listitem">
                  <BoardCard
                    card={card}
                    selected={card.visitId === selectedVisitId}
                    onSelect={onSelect}
                    minutesSinceSnapshot={minutesSinceSnapshot}
                    amberMinutes={amberMinutes}
                    redMinutes={redMinutes}
                    now={now}
                    timeZone={timeZone}
                  />
                </div>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
