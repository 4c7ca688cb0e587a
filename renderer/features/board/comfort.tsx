/**
 * Comfort on the board: a card's open tasks with one-click completion and its whole timeline,
 * and the panel of every open task of the day with the overdue ones on top.
 */
import { CoffeeOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { App, Tag, Typography } from 'antd';
import type { BoardCard, ComfortTaskView } from '../../../shared/contract/visits';
import { isOpenTask } from '../../../shared/domain/comfort';
import { useApiMutation } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { useCan } from '../../ui/permissions';
import { byInstant, isOverdue } from '../../../shared/domain/durations';
import { errorMessage } from '../../ui/error-message';
import styles from './board.module.css';
import { CHECK_ICON, HISTORY_ICON } from './card-icons';
import { useMadeOnFirstUse } from './use-made-on-first-use';
import { dueText } from './comfort-due';
import { addressFormOf } from '../../../shared/domain/customers';
import { later } from '../../ui/later';

// The timeline's popover (antd's Popover and Timeline) is fetched after the first frame (ui/later.tsx).
const TimelinePopover = later(() => import('./comfort-timeline').then((module) => module.TimelinePopover));

/** Completes a comfort task in one click (or Space on the selected card). */
export function useComplete() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const complete = useApiMutation('comfort.complete');
  return (task: ComfortTaskView) =>
    complete.mutate({ taskId: task.id }, { onError: (error) => void message.error(errorMessage(error, t)), onSuccess: () => void message.success(t('comfort.done')) });
}

/**
 * A card's comfort: its next open tasks (while the customer is in the lobby) and the count that
 * opens its timeline. Plain elements, as the card itself (board-card.tsx); the timeline's Popover
 * is made when first opened.
 */
export function CardComfort({ card, now, timeZone, inFooter = false }: { card: BoardCard; now: number; timeZone: string; inFooter?: boolean }) {
  if (card.comfortCount.total === 0) return null;
  const inLobby = card.status === 'waiting' || card.status === 'called';
  const open = inLobby ? card.comfort.filter(isOpenTask).sort((a, b) => byInstant(a.dueAt, b.dueAt)) : [];
  if (inFooter && open.length === 0) return null;
  return (
    <div className={styles.comfort}>
      {/* The next task only (the panel above the lanes lists them all): six waiting cards fit at 1920 px (issue 13 part 9). */}
      {open.slice(0, 1).map((task) => (
        <OpenTask key={task.id} task={task} now={now} />
      ))}
      {/* The "comfort 2/3" button sits in the card's footer, beside the moves (issue 13 part 9: denser cards). */}
      {!inFooter && <TimelineButton card={card} now={now} timeZone={timeZone} />}
    </div>
  );
}

/** One open task on a card, with its one-click completion. */
function OpenTask({ task, now }: { task: ComfortTaskView; now: number }) {
  const { t, language } = useI18n();
  const complete = useComplete();
  const canComplete = useCan('comfort.complete');
  const overdue = isOverdue(task.dueAt, now);
  const label = language === 'en' ? task.labelEn : task.label;
  return (
    <div className={overdue ? `${styles.comfortRow} ${styles.comfortOverdue}` : styles.comfortRow} data-testid="comfort-task">
      <span className={styles.comfortLabel} data-testid="comfort-label">{label}</span>
      {/* When due and tick and label do not fit one line, the label keeps its line and these two go below together. */}
      <span className={styles.comfortEnd}>
        <span className={styles.comfortDue}>{dueText(task, now, t)}</span>
        {canComplete && (
          <button type="button" className={styles.comfortDone} title={t('comfort.markDone')} onClick={() => complete(task)} aria-label={`${t('comfort.markDone')} ${label}`}>
            {CHECK_ICON}
          </button>
        )}
      </span>
    </div>
  );
}

/** "Comfort 2/3": a plain button until first pressed, then antd's Popover with the timeline. */
export function TimelineButton({ card, now, timeZone }: { card: BoardCard; now: number; timeZone: string }) {
  const { t } = useI18n();
  const { made, open, setOpen, onFirstPress } = useMadeOnFirstUse();
  const button = (
    <button
      type="button"
      className={styles.timelineButton}
      aria-expanded={open}
      onClick={onFirstPress}
    >
      {HISTORY_ICON} {t('comfort.count', { done: card.comfortCount.done, total: card.comfortCount.total })}
      {card.comfortCount.missed > 0 && (
        <span className={styles.comfortMissed} data-testid="comfort-missed">
          {t('comfort.missedCount', { count: card.comfortCount.missed })}
        </span>
      )}
    </button>
  );
  if (!made) return button;
  return (
    <TimelinePopover card={card} now={now} timeZone={timeZone} open={open} onOpenChange={setOpen} partFallback={button}>
      {button}
    </TimelinePopover>
  );
}

/** Every open comfort task of the day, overdue first, then by due time. */
export function ComfortPanel({ cards, now }: { cards: BoardCard[]; now: number }) {
  const { t, language } = useI18n();
  const complete = useComplete();
  const canComplete = useCan('comfort.complete');
  const open = cards
    .filter((card) => card.status === 'waiting' || card.status === 'called')
    .flatMap((card) => card.comfort.filter(isOpenTask).map((task) => ({ card, task })))
    .sort((a, b) => byInstant(a.task.dueAt, b.task.dueAt));
  const overdue = open.filter(({ task }) => isOverdue(task.dueAt, now)).length;
  const chips = useRef<HTMLDivElement>(null);
  const more = useMoreToScroll(chips, open.length);
  return (
    <div className={styles.comfortPanel} data-testid="comfort-panel">
      <Typography.Text strong>
        <CoffeeOutlined /> {t('comfort.panel', { count: open.length })}
      </Typography.Text>
      {overdue > 0 && <Tag color="error">{t('comfort.overdueCount', { count: overdue })}</Tag>}
      <div ref={chips} className={more ? `${styles.comfortChips} ${styles.chipsMore}` : styles.comfortChips} data-more={more || undefined} data-testid="comfort-chips">
        {open.length === 0 ? (
          <Typography.Text type="secondary">{t('comfort.none')}</Typography.Text>
        ) : (
          open.slice(0, 12).map(({ card, task }) => (
            <span key={task.id} className={isOverdue(task.dueAt, now) ? `${styles.chip} ${styles.chipOverdue}` : styles.chip}>
              <strong>{card.ticket}</strong> {addressFormOf(card.customer)} · {language === 'en' ? task.labelEn : task.label} · {dueText(task, now, t)}
              {canComplete && (
                <button type="button" className={styles.comfortDone} title={t('comfort.markDone')} onClick={() => complete(task)} aria-label={t('comfort.markDone')}>
                  {CHECK_ICON}
                </button>
              )}
            </span>
          ))
        )}
      </div>
    </div>
  );
}

/**
 * Whether a sideways-scrolling row has more beyond its right edge (issue 13 part 9: the comfort
 * chips ran off the panel with nothing saying they scroll). The row then fades out on the right.
 *
 * Measured when the resize observer first reports the row (on mount, and again when the number of
 * chips changes), after the browser has laid the page out: measuring in the effect itself forced
 * a layout of the whole board on every check-in that added a task (`measure` was the largest item
 * of a CPU profile of fifteen pushes, 2.7 ms each; docs/performance.md).
 */
function useMoreToScroll(ref: RefObject<HTMLElement | null>, count: number): boolean {
  const [more, setMore] = useState(false);
  useEffect(() => {
    const row = ref.current;
    if (!row) return;
    const measure = () => setMore(row.scrollLeft + row.clientWidth < row.scrollWidth - 1);
    const observer = new ResizeObserver(measure);
    observer.observe(row);
    row.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      row.removeEventListener('scroll', measure);
    };
  }, [ref, count]);
  return more;
}
