/**
 * One customer on the queue board: ticket, address form and name, item, doctor and room, flags,
 * and — while they wait — a live timer that turns amber and red (seed 004 rule 26).
 *
 * A card is plain elements styled from antd's CSS variables, not antd's Button, Tag, Tooltip,
 * Space and Dropdown: a board shows 40–60 cards at once, and those components (each with its
 * wave effect, token and compact-context hooks, and a trigger measuring its child) were most of
 * the board's first render (docs/performance.md). The menu of other moves is an antd Dropdown
 * made on first use.
 */
import { Dropdown } from 'antd';
import { memo } from 'react';
import type { BoardCard as Card } from '../../../shared/contract/visits';
import { VISIT_TRANSITIONS, waitLevel, type VisitStatus } from '../../../shared/domain/visits';
import { useI18n } from '../../i18n/i18n';
import { TAG_COLORS, tagLabel } from '../customers/customer-labels';
import type { CustomerTag } from '../../../shared/domain/customers';
import styles from './board.module.css';
import { DOWN_ICON } from './card-icons';
import { CardComfort, TimelineButton } from './comfort';
import { CardEscort } from '../escorts/card-escort';
import { useMadeOnFirstUse } from './use-made-on-first-use';
import { useOutcomeAction } from '../consultation/outcome-action';
import { minutesBetween, wholeMinutes } from '../../../shared/domain/durations';
import { addressFormOf } from '../../../shared/domain/customers';
import { roomLabel } from '../../../shared/domain/rooms';
import { ConsultantStepChip } from '../follow-ups/consultant-step';
import { useCardMove } from './card-moves';
import { plainTagClass } from '../../ui/plain-tag';

/** The move a card's main button (and Enter on the selected card) makes, by status. */
export const PRIMARY: Partial<Record<VisitStatus, VisitStatus>> = {
  waiting: 'called',
  called: 'escorting',
  escorting: 'in_consultation',
  in_consultation: 'done',
  pre_op_exam: 'done',
  left: 'waiting',
};

interface BoardCardProps {
  card: Card;
  /** Chosen by the arrow keys or a click; Enter and Space act on it. */
  selected: boolean;
  onSelect(visitId: number): void;
  /** Minutes since the snapshot was taken, to keep timers running between refreshes. */
  minutesSinceSnapshot: number;
  amberMinutes: number;
  redMinutes: number;
  now: number;
  timeZone: string;
}

export const BoardCard = memo(function BoardCard({ card, selected, onSelect, minutesSinceSnapshot, amberMinutes, redMinutes, now, timeZone }: BoardCardProps) {
  const { t, language } = useI18n();
  const { go, pending } = useCardMove(card.visitId);
  const waiting = card.status === 'waiting';
  // Never negative: a card read a moment after the board's snapshot is counted back to it (durations.ts).
  const minutes = wholeMinutes((card.waitedMinutes ?? 0) + (waiting ? minutesSinceSnapshot : 0));
  // A called customer is on the way to the room: how long since the call (issue 13 part 6).
  const calledMinutes = card.status === 'called' && card.statusSince ? minutesBetween(card.statusSince, now) : null;
  const level = waiting ? waitLevel(minutes, amberMinutes, redMinutes) : 'normal';
  const primary = PRIMARY[card.status];
  const others = VISIT_TRANSITIONS[card.status].filter((status) => status !== primary);
  // Issue 16: the consultant closes a consultation with its outcome (consultant, doctor, manager).
  const recordOutcome = useOutcomeAction();
  const meta = [card.item ? (language === 'en' ? card.item.nameEn : card.item.nameZh) : null, card.doctor?.name, card.room ? roomLabel(card.room, language) : null].filter(Boolean).join(' · ');
  const flagged = card.kind !== 'appointment' || card.customer.tags.length > 0;


  return (
    <div
      className={`${styles.card} ${styles[`level_${level}`] ?? ''} ${selected ? styles.selected : ''}`}
      data-testid="board-card"
      data-ticket={card.ticket}
      data-visit-id={card.visitId}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(card.visitId)}
    >
      {/* Ticket, form of address, name and timer on one line (issue 13 part 9: six waiting cards at 1920 px). */}
      <div className={styles.cardTop}>
        <span className={styles.ticket}>{card.ticket}</span>
        <span className={styles.who}>
          <strong>{addressFormOf(card.customer)}</strong>
          <span className={styles.name}>{card.customer.name}</span>
        </span>
        {waiting && (
          <span className={styles.timer} data-testid="wait-timer" title={t('visits.waitedTotal', { count: minutes })}>
            {t('visits.minutes', { count: minutes })}
          </span>
        )}
        {calledMinutes !== null && (
          <span className={styles.timer} data-testid="called-timer" title={t('visits.calledFor', { count: calledMinutes })}>
            {t('visits.minutes', { count: calledMinutes })}
          </span>
        )}
      </div>
      {/* What for, with whom, where, and the flags (walk-in, follow-up, VIP…) on one line that wraps. */}
      {(meta || flagged) && (
        <div className={styles.meta}>
          {meta}
          {flagged && (
            <span className={meta ? `${styles.flags} ${styles.afterMeta}` : styles.flags}>
              {card.kind === 'walk_in' && <span className={plainTagClass('geekblue')}>{t('visits.walkInKind')}</span>}
              {card.kind === 'followup' && <span className={plainTagClass('purple')}>{t('visits.followupKind')}</span>}
              {card.customer.tags.map((tag) => (
                <span key={tag} className={plainTagClass(TAG_COLORS[tag as CustomerTag])}>
                  {t(tagLabel(tag as CustomerTag))}
                </span>
              ))}
            </span>
          )}
        </div>
      )}
      {/* seed 004 rule 23: a follow-up customer must see the consultant; the surgeon's look on day 2 and at stitch removal. */}
      {card.kind === 'followup' && card.status !== 'done' && card.status !== 'left' && (
        <div className={styles.flags} data-testid="follow-up-checks">
          <ConsultantStepChip visitId={card.visitId} now={() => now} />
        </div>
      )}
      {card.escort && <CardEscort escort={card.escort} now={now} />}
      <CardComfort card={card} now={now} timeZone={timeZone} inFooter />
      {/* The moves and the comfort count share the card's last line. */}
      <div className={styles.cardFooter}>
        {(primary || others.length > 0) && (
          <div className={styles.actions} role="group">
            {primary && (
              <button type="button" className={`${styles.action} ${waiting ? styles.actionPrimary : ''}`} disabled={pending} aria-busy={pending || undefined} onClick={() => void go(card, primary)}>
                {t(`visits.action.${primary}`)}
              </button>
            )}
            {recordOutcome && card.status === 'in_consultation' && (
              <button type="button" className={`${styles.action} ${styles.actionPrimary}`} data-testid="record-outcome" onClick={() => recordOutcome(card.visitId)}>
                {t('outcomes.action')}
              </button>
            )}
            {others.length > 0 && <OtherMoves card={card} moves={others} onMove={go} />}
          </div>
        )}
        {card.comfortCount.total > 0 && <TimelineButton card={card} now={now} timeZone={timeZone} />}
      </div>
    </div>
  );
});

/** The other moves of a card: a plain button until first pressed, then antd's Dropdown menu. */
function OtherMoves({ card, moves, onMove }: { card: Card; moves: readonly VisitStatus[]; onMove(card: Card, to: VisitStatus): unknown }) {
  const { t } = useI18n();
  const { made, open, setOpen, onFirstPress } = useMadeOnFirstUse();
  const button = (
    <button
      type="button"
      className={`${styles.action} ${styles.actionIcon}`}
      aria-label={t('visits.more')}
      aria-haspopup="menu"
      aria-expanded={open}
      onClick={onFirstPress}
    >
      {DOWN_ICON}
    </button>
  );
  if (!made) return button;
  return (
    <Dropdown open={open} onOpenChange={setOpen} trigger={['click']} menu={{ items: moves.map((status) => ({ key: status, label: t(`visits.action.${status}`), onClick: () => onMove(card, status) })) }}>
      {button}
    </Dropdown>
  );
}
