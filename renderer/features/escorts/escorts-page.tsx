/**
 * `#/escorts`, the guide's view (issue 14), made for a tablet held in one hand (768×1024 portrait,
 * 44 px targets, large type) and fine on the lobby PC: the escorts open for anyone, and hers.
 * Live through the board's push; a banner says plainly when the connection is lost.
 */
import { Alert, Badge, Tabs } from 'antd';
import { useState } from 'react';
import type { EscortView } from '../../../shared/contract/escorts';
import { useI18n } from '../../i18n/i18n';
import type { PageProps } from '../../routes';
import { errorMessage } from '../../ui/error-message';
import { EscortItem } from './escort-item';
import styles from './escorts.module.css';
import { HandoffNoteDrawer } from './handoff-note-drawer';
import { useConnection, useEscortBoard } from './use-escorts';

export function ConnectionBanner() {
  const { t } = useI18n();
  const connection = useConnection();
  if (connection === 'open') return null;
  return <Alert className={styles.banner} type="error" showIcon banner title={t('escorts.connectionLost')} data-testid="connection-lost" role="status" />;
}

export function EscortsPage({ session }: PageProps) {
  const { t } = useI18n();
  const { board, escorts, now } = useEscortBoard();
  const [noteOf, setNoteOf] = useState<EscortView | null>(null);
  const me = session.staff.id;
  const open = escorts.filter((escort) => escort.status === 'requested');
  const mine = escorts.filter((escort) => escort.guide?.id === me && ['taken', 'picked_up', 'delivered', 'directions'].includes(escort.status));
  const [tab, setTab] = useState<string>(mine.length > 0 ? 'mine' : 'open');

  const list = (items: EscortView[], empty: string, areMine: boolean) =>
    items.length === 0 ? (
      <div className={styles.empty}>{empty}</div>
    ) : (
      <div className={styles.list}>
        {items.map((escort) => (
          <EscortItem key={escort.id} escort={escort} now={now} mine={areMine} onNote={setNoteOf} />
        ))}
      </div>
    );

  return (
    <div className={styles.page} data-testid="escorts-page">
      <ConnectionBanner />
      {board.error && <Alert type="warning" showIcon title={errorMessage(board.error, t)} style={{ marginBottom: 12 }} />}
      <Tabs
        className={styles.tabs}
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'open', label: <Badge count={open.length} offset={[12, -2]}>{t('escorts.tabOpen')}</Badge>, children: list(open, t('escorts.emptyOpen'), false) },
          { key: 'mine', label: <Badge count={mine.length} offset={[12, -2]} color="blue">{t('escorts.tabMine')}</Badge>, children: list(mine, t('escorts.emptyMine'), true) },
        ]}
      />
      <HandoffNoteDrawer visitId={noteOf?.visitId ?? null} title={noteOf ? `${noteOf.ticket} ${noteOf.addressForm ?? noteOf.maskedName}` : ''} onClose={() => setNoteOf(null)} />
    </div>
  );
}
