/**
 * One escort as a guide sees it on her tablet: ticket, how to greet her (seed 004 rule 2: smile,
 * say hello, bring her to the room), from → to, the step and its minutes, and the buttons of the
 * step — each at least 44 px high for a thumb.
 */
import { App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import type { EscortView } from '../../../shared/contract/escorts';
import { useApi } from '../../client/api-context';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import styles from './escorts.module.css';
import { printDirections } from './print-directions';
import { minutesSince, useEscortAction } from './use-escorts';
import { roomLabel } from '../../../shared/domain/rooms';

export function placeName(place: { floor: number; name: string; nameEn: string } | null, language: string): string {
  // One way of naming a room on every page (shared/domain/rooms.ts).
  return roomLabel(place, language);
}

export function EscortItem({ escort, now, mine, onNote }: { escort: EscortView; now: number; mine: boolean; onNote(escort: EscortView): void }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const api = useApi();
  const take = useEscortAction('escorts.take');
  const pickUp = useEscortAction('escorts.pickUp');
  const deliver = useEscortAction('escorts.deliver');
  const handBack = useEscortAction('escorts.handBack');
  const alone = useEscortAction('escorts.sendWithDirections');
  const notFound = useEscortAction('escorts.notFound');
  const [asking, setAsking] = useState<null | 'notFound' | 'handBack'>(null);
  const [reason, setReason] = useState('');
  const name = escort.addressForm ?? escort.maskedName;
  const minutes = minutesSince(escort.stepAt, now);

  const print = () => void printDirections(api, escort.id, '80mm', language).catch((error: unknown) => void message.error(errorMessage(error, t)));
  const confirmReason = () => {
    if (asking === 'notFound') {
      if (!reason.trim()) return void message.warning(t('escorts.reasonRequired'));
      notFound({ escortId: escort.id, reason: reason.trim() });
    } else if (asking === 'handBack') handBack({ escortId: escort.id, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    setAsking(null);
    setReason('');
  };

  return (
    <div className={`${styles.escort} ${escort.delayed ? styles.escortDelayed : ''}`} data-testid="escort" data-ticket={escort.ticket} data-status={escort.status}>
      <div className={styles.escortTop}>
        <span className={styles.ticket}>{escort.ticket}</span>
        <span className={styles.step}>
          {t(`escorts.status.${escort.status}`)} · <span className={escort.delayed ? styles.late : ''}>{t('escorts.minutes', { minutes })}</span>
          {escort.delayed && <span className={styles.late}> · {t('escorts.delayed')}</span>}
        </span>
      </div>
      <div className={styles.who}>
        {name}
        {escort.addressForm && <span className={styles.masked}>{escort.maskedName}</span>}
      </div>
      <div className={styles.route}>
        {placeName(escort.from, language)}
        <span className={styles.arrow}>→</span>
        {placeName(escort.to, language)}
      </div>
      <div className={styles.greet}>{t('escorts.greet', { name })}</div>
      <div className={styles.meta}>
        <span>{escort.guide ? t('escorts.guide', { guide: escort.guide.name }) : t('escorts.noGuide')}</span>
        {escort.tags.includes('first_visit') && <span>· {t('escorts.first')}</span>}
        {escort.tags.includes('anxious') && <span className={styles.amber}>· {t('escorts.anxious')}</span>}
      </div>
      <div className={styles.buttons}>
        {escort.status === 'requested' && (
          <Button type="primary" size="large" loading={take.pending} onClick={() => take({ escortId: escort.id })}>
            {t('escorts.take')}
          </Button>
        )}
        {mine && escort.status === 'taken' && (
          <Button type="primary" size="large" loading={pickUp.pending} onClick={() => pickUp({ escortId: escort.id })}>
            {t('escorts.pickUp')}
          </Button>
        )}
        {mine && escort.status === 'picked_up' && (
          <Button type="primary" size="large" loading={deliver.pending} onClick={() => deliver({ escortId: escort.id })}>
            {t('escorts.deliver')}
          </Button>
        )}
        {(escort.status === 'requested' || (mine && escort.status === 'taken')) && (
          <>
            <Button size="large" onClick={() => { print(); alone({ escortId: escort.id }); }}>
              {t('escorts.sendWithDirections')}
            </Button>
            <Button size="large" danger onClick={() => setAsking('notFound')}>
              {t('escorts.notFound')}
            </Button>
          </>
        )}
        {mine && (escort.status === 'taken' || escort.status === 'picked_up') && (
          <>
            <Button size="large" onClick={() => onNote(escort)}>
              {t('escorts.openNote')}
            </Button>
            <Button size="large" onClick={() => setAsking('handBack')}>
              {t('escorts.handBack')}
            </Button>
          </>
        )}
        <Button size="large" onClick={print}>
          {t('escorts.printDirections')}
        </Button>
      </div>
      <Modal open={asking !== null} title={asking === 'notFound' ? t('escorts.notFound') : t('escorts.handBack')} onOk={confirmReason} onCancel={() => setAsking(null)} okButtonProps={{ size: 'large' }} cancelButtonProps={{ size: 'large' }}>
        <Input.TextArea autoFocus autoSize={{ minRows: 2 }} value={reason} onChange={(event) => setReason(event.target.value)} placeholder={t('escorts.reason')} aria-label={t('escorts.reason')} count={{ show: true, max: 200 }} />
      </Modal>
    </div>
  );
}
