/**
 * One lane of the queue board. A long lane is virtualised: a 300-arrival day puts a hundred cards
 * or more in the done lane, and only the ones in view (plus a few above and below) are in the page,
 * measured as they render since a card grows with its comfort tasks. A short lane — every lane but
 * done, most of the day — is a plain list: measuring its cards cost the board's first screen a
 * second render and a forced layout of every card (docs/performance.md, 2026-12-04 evening).
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
/** A lane with more cards than this is virtualised (a screen shows about six; thirty is a queue). */
export const VIRTUALISE_FROM = 30;

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

export function Lane({ status, cards, ...cardProps }: LaneProps) {
  const { t } = useI18n();
  return (
    <section className={styles.lane} aria-label={t(`visits.status.${status}`)} data-testid={`lane-${status}`}>
      <header className={styles.laneHeader}>
        <span>{t(`visits.status.${status}`)}</span>
        <span data-testid="lane-count">{cards.length}</span>
      </header>
      {cards.length === 0 ? (
        <div className={styles.laneBody}>
          <div className={styles.emptyLane}>{t('visits.emptyLane')}</div>
        </div>
      ) : cards.length > VIRTUALISE_FROM ? (
        <VirtualLaneBody cards={cards} {...cardProps} />
      ) : (
        <PlainLaneBody cards={cards} {...cardProps} />
      )}
    </section>
  );
}

type BodyProps = Omit<LaneProps, 'status'>;

function LaneCard({ card, ...props }: Omit<BodyProps, 'cards'> & { card: Card }) {
  return (
    <BoardCard
      card={card}
      selected={card.visitId === props.selectedVisitId}
      onSelect={props.onSelect}
      minutesSinceSnapshot={props.minutesSinceSnapshot}
      amberMinutes={props.amberMinutes}
      redMinutes={props.redMinutes}
      now={props.now}
      timeZone={props.timeZone}
    />
  );
}

/** A short lane: the cards in the page's flow, the selected one scrolled into view. */
function PlainLaneBody({ cards, ...props }: BodyProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const { selectedVisitId } = props;
  useEffect(() => {
    if (selectedVisitId === null) return;
    scroller.current?.querySelector(`[data-visit-id="${String(selectedVisitId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedVisitId]);
  return (
    <div ref={scroller} className={styles.laneBody}>
      <div className={styles.lanePlain} role="list">
        {cards.map((card) => (
          <div key={card.visitId} data-visit-id={card.visitId} role="listitem">
            <LaneCard card={card} {...props} />
          </div>
        ))}
      </div>
    </div>
  );
}

/** A long lane: only the cards in view are in the page, each measured as it renders. */
function VirtualLaneBody({ cards, ...props }: BodyProps) {
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
  const selectedIndex = props.selectedVisitId === null ? -1 : cards.findIndex((card) => card.visitId === props.selectedVisitId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  return (
    <div ref={scroller} className={styles.laneBody}>
      <div className={styles.laneInner} style={{ height: virtualizer.getTotalSize() }} role="list">
        {virtualizer.getVirtualItems().map((item) => {
          const card = cards[item.index]!;
          return (
            <div key={item.key} ref={virtualizer.measureElement} data-index={item.index} data-visit-id={card.visitId} className={styles.laneItem} style={{ transform: `translateY(${String(item.start)}px)` }} role="listitem">
              <LaneCard card={card} {...props} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
