/**
 * `#/room`, the room view (issue 14) for the consultant or nurse at a room door, on a tablet or the
 * room's PC: choose the room once; then who is coming (with her guide), who waits at the door
 * (a timer, amber after the clinic's minutes — seed 004 rule 26) and who is inside and for how
 * long. Acknowledging an arrival is also her word that she read the note (I-PASS: the receiver's
 * synthesis — she may say what she will do first); she can send a customer back with a reason.
 * Rows take extra actions from other features through room-row-actions.ts.
 */
import { Alert, App, Button, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { EscortView } from '../../../shared/contract/escorts';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import type { PageProps } from '../../routes';
import { errorMessage } from '../../ui/error-message';
import { ConnectionBanner } from './escorts-page';
import { placeName } from './escort-item';
import styles from './escorts.module.css';
import { HandoffNoteDrawer } from './handoff-note-drawer';
import { roomRowActions, type RoomRow } from './room-row-actions';
// The consultation's outcome is one of the room rows' actions (issue 16).
import '../consultation/room-outcome-action';
// A follow-up visit's consultant step and the surgeon's look (issue 17, seed 004 rule 23).
import '../follow-ups/room-follow-up-action';
import { OutcomeActionProvider } from '../consultation/outcome-action';
import { minutesSince, useEscortAction, useEscortBoard } from './use-escorts';

export function RoomPage({ session }: PageProps) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const { board, escorts, now } = useEscortBoard();
  const rooms = useApiQuery('rooms.list', {});
  const amber = session.clinic.settings.escortDoorAmberMinutes;
  const choose = useApiMutation('escorts.receiveAt');
  const roomId = board.data?.myRoomId ?? null;
  const [noteOf, setNoteOf] = useState<EscortView | null>(null);
  const [acking, setAcking] = useState<EscortView | null>(null);
  const [sending, setSending] = useState<EscortView | null>(null);
  const [text, setText] = useState('');
  const acknowledge = useEscortAction('escorts.acknowledge');
  const sendBack = useEscortAction('escorts.sendBack');

  const here = escorts.filter((escort) => escort.to.id === roomId);
  const rows: RoomRow[] = here.map((escort) => ({
    escort,
    place: escort.status === 'acknowledged' ? 'inside' : escort.status === 'delivered' ? 'atDoor' : 'coming',
  }));

  const pick = (value: number | null) =>
    choose.mutate({ roomId: value }, { onSuccess: () => void board.refetch(), onError: (error) => void message.error(errorMessage(error, t)) });

  const row = ({ escort, place }: RoomRow) => {
    const minutes = minutesSince(escort.stepAt, now);
    const name = escort.addressForm ?? escort.maskedName;
    return (
      <div key={escort.id} className={`${styles.escort} ${escort.delayed && place !== 'inside' ? styles.escortDelayed : ''}`} data-testid="room-row" data-ticket={escort.ticket} data-place={place}>
        <div className={styles.escortTop}>
          <span className={styles.ticket}>{escort.ticket}</span>
          <span className={place === 'atDoor' && minutes >= amber ? styles.amber : styles.step} data-testid="room-row-timer">
            {place === 'atDoor' ? t('escorts.waitingFor', { minutes }) : place === 'inside' ? t('escorts.insideFor', { minutes }) : `${t(`escorts.status.${escort.status}`)} · ${t('escorts.minutes', { minutes })}`}
          </span>
        </div>
        <div className={styles.who}>
          {name}
          {escort.addressForm && <span className={styles.masked}>{escort.maskedName}</span>}
        </div>
        <div className={styles.meta}>
          <span>{placeName(escort.from, language)} →</span>
          <span>{escort.guide ? t('escorts.guide', { guide: escort.guide.name }) : escort.status === 'directions' ? t('escorts.status.directions') : t('escorts.noGuide')}</span>
          {escort.tags.includes('first_visit') && <span>· {t('escorts.first')}</span>}
          {escort.tags.includes('anxious') && <span className={styles.amber}>· {t('escorts.anxious')}</span>}
        </div>
        <div className={styles.buttons}>
          <Button size="large" onClick={() => setNoteOf(escort)} disabled={!escort.hasNote && place === 'inside'}>
            {t('escorts.openNote')}
          </Button>
          {(escort.status === 'delivered' || escort.status === 'directions') && (
            <>
              <Button type="primary" size="large" onClick={() => setAcking(escort)}>
                {t('escorts.acknowledge')}
              </Button>
              <Button size="large" danger onClick={() => setSending(escort)}>
                {t('escorts.sendBack')}
              </Button>
            </>
          )}
          {roomRowActions({ escort, place }).map((action) => (
            <span key={action.key}>{action.render({ escort, place })}</span>
          ))}
        </div>
      </div>
    );
  };

  const section = (place: RoomRow['place'], title: string, empty: string) => {
    const items = rows.filter((each) => each.place === place);
    return (
      <div className={styles.section} data-testid={`room-${place}`}>
        <div className={styles.sectionTitle}>
          {title} <span className={styles.masked}>{items.length}</span>
        </div>
        {items.length === 0 ? <div className={styles.empty}>{empty}</div> : <div className={styles.list}>{items.map(row)}</div>}
      </div>
    );
  };

  return (
    <OutcomeActionProvider role={session.staff.role}>
    <div className={styles.page} data-testid="room-page">
      <ConnectionBanner />
      {board.error && <Alert type="warning" showIcon title={errorMessage(board.error, t)} style={{ marginBottom: 12 }} />}
      <div className={styles.sectionTitle}>
        <Select
          className={styles.roomPicker}
          size="large"
          placeholder={t('escorts.chooseRoom')}
          aria-label={t('escorts.chooseRoom')}
          {...(roomId !== null ? { value: roomId } : {})}
          loading={rooms.isLoading || choose.isPending}
          onChange={(value: number) => pick(value)}
          options={(rooms.data ?? []).filter((room) => room.kind !== 'lobby').map((room) => ({ value: room.id, label: placeName(room, language) }))}
        />
      </div>
      {roomId === null ? (
        <div className={styles.empty}>{t('escorts.chooseRoomHint')}</div>
      ) : (
        <>
          {section('atDoor', t('escorts.atDoor'), t('escorts.emptyAtDoor'))}
          {section('coming', t('escorts.coming'), t('escorts.emptyComing'))}
          {section('inside', t('escorts.inside'), t('escorts.emptyInside'))}
        </>
      )}
      <HandoffNoteDrawer visitId={noteOf?.visitId ?? null} title={noteOf ? `${noteOf.ticket} ${noteOf.addressForm ?? noteOf.maskedName}` : ''} onClose={() => setNoteOf(null)} />
      <Modal
        open={acking !== null}
        title={`${t('escorts.acknowledge')} · ${acking?.ticket ?? ''}`}
        okText={t('escorts.acknowledge')}
        okButtonProps={{ size: 'large', 'data-testid': 'confirm-acknowledge' } as never}
        cancelButtonProps={{ size: 'large' }}
        onCancel={() => setAcking(null)}
        onOk={() => {
          if (acking) acknowledge({ escortId: acking.id, ...(text.trim() ? { plan: text.trim() } : {}) });
          setAcking(null);
          setText('');
        }}
      >
        <Input.TextArea autoSize={{ minRows: 2 }} value={text} onChange={(event) => setText(event.target.value)} placeholder={t('escorts.plan')} aria-label={t('escorts.plan')} count={{ show: true, max: 500 }} />
      </Modal>
      <Modal
        open={sending !== null}
        title={`${t('escorts.sendBack')} · ${sending?.ticket ?? ''}`}
        okButtonProps={{ size: 'large', danger: true }}
        cancelButtonProps={{ size: 'large' }}
        onCancel={() => setSending(null)}
        onOk={() => {
          if (!text.trim()) return void message.warning(t('escorts.reasonRequired'));
          if (sending) sendBack({ escortId: sending.id, reason: text.trim() });
          setSending(null);
          setText('');
        }}
      >
        <Input.TextArea autoSize={{ minRows: 2 }} value={text} onChange={(event) => setText(event.target.value)} placeholder={t('escorts.reason')} aria-label={t('escorts.reason')} count={{ show: true, max: 200 }} />
      </Modal>
    </div>
    </OutcomeActionProvider>
  );
}
