/**
 * One customer on the queue board: ticket, address form and name, item, doctor and room, flags,
 * and — while they wait — a live timer that turns amber and red (seed 004 rule 26).
 */
import { DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space, Tag, Tooltip } from 'antd';
import { memo } from 'react';
import type { BoardCard as Card } from '../../../shared/contract/visits';
import { VISIT_TRANSITIONS, waitLevel, type VisitStatus } from '../../../shared/domain/visits';
import { useApiMutation } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { TAG_COLORS, tagLabel } from '../customers/customer-labels';
import type { CustomerTag } from '../../../shared/domain/customers';
import styles from './board.module.css';
import { CardComfort } from './comfort';

/** The move a card's main button (and Enter on the selected card) makes, by status. */
export const PRIMARY: Partial<Record<VisitStatus, VisitStatus>> = {
  waiting: 'called',
  called: 'escorting',
  escorting: 'in_consultation',
  in_consultation: 'done',
  pre_op_exam: 'done',
  left: 'waiting',
};

/** Moves a card to another status, with the version it was read at (two staff: one wins), and says so. */
export function useMoveCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mutation = useApiMutation('visits.transition');
  const go = (card: Card, to: VisitStatus) =>
    mutation.mutate(
      { visitId: card.visitId, to, expectedVersion: card.version },
      {
        onSuccess: () => void message.success(t('visits.moved', { ticket: card.ticket, status: t(`visits.status.${to}`) })),
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  return Object.assign(go, { mutation });
}

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
  const go = useMoveCard();
  const move = go.mutation;
  const waiting = card.status === 'waiting';
  const minutes = (card.waitedMinutes ?? 0) + (waiting ? minutesSinceSnapshot : 0);
  const level = waiting ? waitLevel(minutes, amberMinutes, redMinutes) : 'normal';
  const primary = PRIMARY[card.status];
  const others = VISIT_TRANSITIONS[card.status].filter((status) => status !== primary);


  return (
    <div
      className={`${styles.card} ${styles[`level_${level}`] ?? ''} ${selected ? styles.selected : ''}`}
      data-testid="board-card"
      data-ticket={card.ticket}
      data-visit-id={card.visitId}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(card.visitId)}
    >
      <div className={styles.cardTop}>
        <span className={styles.ticket}>{card.ticket}</span>
        {waiting && (
          <Tooltip title={t('visits.waitedTotal', { count: minutes })}>
            <span className={styles.timer} data-testid="wait-timer">
              {t('visits.minutes', { count: minutes })}
            </span>
          </Tooltip>
        )}
      </div>
      <div className={styles.who}>
        <strong>{card.customer.addressForm ?? card.customer.name}</strong>
        <span className={styles.name}>{card.customer.name}</span>
      </div>
      <div className={styles.meta}>
        {[card.item ? (language === 'en' ? card.item.nameEn : card.item.nameZh) : null, card.doctor?.name, card.room ? (language === 'en' ? `${card.room.floor}F ${card.room.nameEn}` : card.room.name) : null]
          .filter(Boolean)
          .join(' · ')}
      </div>
      <Space size={[4, 4]} wrap className={styles.flags}>
        {card.kind === 'walk_in' && <Tag color="geekblue">{t('visits.walkInKind')}</Tag>}
        {card.kind === 'followup' && <Tag color="purple">{t('visits.followupKind')}</Tag>}
        {card.customer.tags.map((tag) => (
          <Tag key={tag} color={TAG_COLORS[tag as CustomerTag]}>
            {t(tagLabel(tag as CustomerTag))}
          </Tag>
        ))}
      </Space>
      <CardComfort card={card} now={now} timeZone={timeZone} />
      {(primary || others.length > 0) && (
        <Space.Compact size="small" className={styles.actions}>
          {primary && (
            <Button type={card.status === 'waiting' ? 'primary' : 'default'} loading={move.isPending} onClick={() => go(card, primary)}>
              {t(`visits.action.${primary}`)}
            </Button>
          )}
          {others.length > 0 && (
            <Dropdown trigger={['click']} menu={{ items: others.map((status) => ({ key: status, label: t(`visits.action.${status}`), onClick: () => go(card, status) })) }}>
              <Button icon={<DownOutlined />} aria-label={t('visits.more')} />
            </Dropdown>
          )}
        </Space.Compact>
      )}
    </div>
  );
});
