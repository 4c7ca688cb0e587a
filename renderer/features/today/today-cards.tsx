/**
 * Today's appointments as cards, for a screen too narrow for the nine-column table (a guide's
 * tablet, upright or on its side; issue 13 part 9): the same facts, one card per appointment,
 * time and customer first, nothing scrolling sideways.
 */
import { Empty, Flex, Tag, Typography } from 'antd';
import type { AppointmentRow } from '../../../shared/contract/appointments';
import type { AppointmentStatus } from '../../../shared/domain/appointments';
import { addressFormOf } from '../../../shared/domain/customers';
import { roomLabel } from '../../../shared/domain/rooms';
import { useI18n } from '../../i18n/i18n';
import { formatClinicTime } from '../../ui/format';
import { ArrivalCell } from './arrival-cell';
import styles from './today-page.module.css';

interface TodayCardsProps {
  rows: readonly AppointmentRow[];
  timeZone: string;
  now: Date;
  callAfterMinutes: number;
  statusColors: Record<AppointmentStatus, string>;
}

export function TodayCards({ rows, timeZone, now, callAfterMinutes, statusColors }: TodayCardsProps) {
  const { t, language } = useI18n();
  if (rows.length === 0) return <Empty description={<>{t('today.empty')}<br />{t('today.emptyHint')}</>} />;
  return (
    <ul className={styles.cards} data-testid="today-cards">
      {rows.map((row) => (
        <li key={row.id} className={styles.card} data-testid="today-card">
          <span className={styles.time}>
            {formatClinicTime(row.startsAt, timeZone)}
            <Typography.Text type="secondary" className={styles.duration}>
              {t('today.minutes', { count: row.durationMinutes })}
            </Typography.Text>
          </span>
          <Flex vertical gap={2} className={styles.cardMain}>
            <Flex gap={6} align="center" wrap>
              <span className={styles.addressForm}>{addressFormOf(row.customer)}</span>
              <Typography.Text type="secondary">{row.customer.name}</Typography.Text>
              {row.customer.returning ? <Tag color="blue">{t('today.returning')}</Tag> : <Tag color="orange">{t('today.firstVisit')}</Tag>}
            </Flex>
            <Typography.Text className={styles.cardMeta}>
              {[row.item ? (language === 'en' ? row.item.nameEn : row.item.nameZh) : null, t(`appointment.kind.${row.kind}`), row.doctor?.name, roomLabel(row.room, language), t(`channel.${row.channel}`)]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </Flex>
          <Flex vertical gap={4} align="end" className={styles.cardState}>
            <Tag color={statusColors[row.status]}>{t(`appointment.status.${row.status}`)}</Tag>
            <ArrivalCell row={row} now={now} callAfterMinutes={callAfterMinutes} />
          </Flex>
        </li>
      ))}
    </ul>
  );
}
