/** The board card's escort line (issue 14): the step, the guide's name, the step's minutes; red when delayed. */
import type { BoardCard } from '../../../shared/contract/visits';
import { useI18n } from '../../i18n/i18n';
import styles from './escorts.module.css';

export function CardEscort({ escort, now }: { escort: NonNullable<BoardCard['escort']>; now: number }) {
  const { t } = useI18n();
  const minutes = Math.max(0, Math.floor((now - Date.parse(escort.stepAt)) / 60_000));
  const label = t(`escorts.card.${escort.status}`, { guide: escort.guideName ?? '', floor: escort.to.floor });
  return (
    <div className={`${styles.cardEscort} ${escort.delayed ? styles.cardEscortDelayed : ''}`} data-testid="card-escort" data-step={escort.status}>
      {label} · {t('escorts.minutes', { minutes })}
      {escort.delayed && <strong> · {t('escorts.delayed')}</strong>}
    </div>
  );
}
