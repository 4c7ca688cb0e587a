/**
 * The lobby display at `/display` (issue 5, item 3): what a TV in the lobby or the desktop's second
 * screen shows all day — the ticket just called, big, with the floor and room to go to; the calls
 * before it; the next tickets waiting; a clock. Names come masked from the server (or not at all);
 * the page never has more to show. Chinese always, the English line beneath when the clinic turns
 * it on. A new call rings a soft chime and lights the ticket up. Push keeps it current within a
 * second; when the server goes away it says so discreetly and picks up by itself when it is back.
 */
import { LogoutOutlined, SoundOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Popconfirm, theme as antdTheme, type ThemeConfig } from 'antd';
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { DisplayBoard, DisplayCall } from '../../../shared/contract/display';
import { clinicTimeOf } from '../../../shared/domain/clinic-time';
import { translate, type MessageKey, type MessageParams } from '../../../shared/i18n/messages';
import type { ConnectionState } from '../../client/transport';
import { useApi } from '../../client/api-context';
import { useApiQuery } from '../../client/queries';
import { theme as consoleTheme } from '../../ui/theme';
import { DisplayClock } from './display-clock';
import { useChime } from './use-chime';
import styles from './display.module.css';

/** Calm and dark, so a bright ticket reads across the lobby and the screen does not glare. */
const displayTheme: ThemeConfig = {
  algorithm: antdTheme.darkAlgorithm,
  token: {
    ...consoleTheme.token,
    colorPrimary: '#22b3ad',
    colorInfo: '#22b3ad',
    colorWarning: '#f3c15b',
    colorBgBase: '#0b1e23',
    colorBgLayout: '#0b1e23',
    colorTextBase: '#eef6f5',
  },
};

const zh = (key: MessageKey, params?: MessageParams) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);

/** A call is new when its ticket is called at a new time (a second call of one ticket rings again). */
const callKey = (call: DisplayCall) => `${call.ticket}@${call.calledAt}`;

/** The room's Chinese name without the floor it repeats (`4 楼咨询二室` → `咨询二室`). */
function roomZh(floor: number, name: string): string {
  return name.replace(new RegExp(`^${floor}\\s*楼\\s*`), '') || name;
}

function directionsOf(call: DisplayCall): { zh: string; en: string } {
  if (!call.room) return { zh: zh('display.goToDesk'), en: en('display.goToDesk') };
  const { floor, nameZh, nameEn } = call.room;
  return {
    zh: nameZh ? zh('display.goTo', { floor, room: roomZh(floor, nameZh) }) : zh('display.goToFloor', { floor }),
    en: nameEn ? en('display.goTo', { floor, room: nameEn }) : en('display.goToFloor', { floor }),
  };
}

/** A Chinese line and, when the clinic shows it, the English one beneath. */
function Lines({ zhText, enText, showEnglish, className }: { zhText: ReactNode; enText: ReactNode; showEnglish: boolean; className?: string }) {
  return (
    <div className={className}>
      <div>{zhText}</div>
      {showEnglish && <div className={styles.en}>{enText}</div>}
    </div>
  );
}

function Heading({ messageKey, showEnglish, aside }: { messageKey: MessageKey; showEnglish: boolean; aside?: ReactNode }) {
  return (
    <div className={styles.heading}>
      <h2 className={styles.headingText}>
        <span>{zh(messageKey)}</span>
        {showEnglish && <span className={styles.headingEn}>{en(messageKey)}</span>}
      </h2>
      {aside}
    </div>
  );
}

function NowCalling({ call, showEnglish }: { call: DisplayCall | undefined; showEnglish: boolean }) {
  if (!call) {
    return (
      <section className={`${styles.now} ${styles.nowEmpty}`} data-testid="display-now">
        <Lines className={styles.emptyText} zhText={zh('display.empty')} enText={en('display.empty')} showEnglish={showEnglish} />
      </section>
    );
  }
  const directions = directionsOf(call);
  return (
    // Keyed by the call: a new call mounts afresh, and its light-up animation plays once.
    <section key={callKey(call)} className={styles.now} data-testid="display-now" aria-live="assertive">
      <div className={styles.nowTicketRow}>
        <span className={styles.nowTicket}>{call.ticket}</span>
        {call.name && <MaskedName className={styles.nowName} name={call.name} />}
      </div>
      <Lines className={styles.nowWhere} zhText={directions.zh} enText={directions.en} showEnglish={showEnglish} />
    </section>
  );
}

/**
 * A masked name, isolated from the ticket and text around it (`dir="auto"`): an Arabic or Hebrew
 * name (م* س*) would otherwise pull its stars to the wrong side; and on one line.
 */
function MaskedName({ name, className }: { name: string | null; className: string }) {
  return (
    <span className={className} dir="auto" data-testid="display-name">
      {name ?? ''}
    </span>
  );
}

function RecentCalls({ calls, board }: { calls: DisplayCall[]; board: DisplayBoard }) {
  if (calls.length === 0) return null;
  return (
    <section className={styles.recent} data-testid="display-recent">
      <Heading messageKey="display.recentCalls" showEnglish={board.showEnglish} />
      <ol className={`${styles.fitList} ${styles.recentList}`}>
        {calls.map((call) => {
          const directions = directionsOf(call);
          return (
            <li key={callKey(call)} className={styles.recentRow}>
              <span className={styles.recentTicket}>{call.ticket}</span>
              <MaskedName className={styles.recentName} name={call.name} />
              <Lines className={styles.recentWhere} zhText={directions.zh} enText={directions.en} showEnglish={board.showEnglish} />
              <span className={styles.recentTime}>{clinicTimeOf(call.calledAt, board.timeZone)}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Waiting({ board }: { board: DisplayBoard }) {
  const more = board.waitingTotal - board.waiting.length;
  const total =
    board.waitingTotal > 0 ? (
      <Lines className={styles.waitingTotal} zhText={zh('display.waitingTotal', { count: board.waitingTotal })} enText={en('display.waitingTotal', { count: board.waitingTotal })} showEnglish={board.showEnglish} />
    ) : null;
  return (
    <section className={styles.waiting} data-testid="display-waiting">
      <Heading messageKey="display.waiting" showEnglish={board.showEnglish} aside={total} />
      {board.waitingTotal === 0 ? (
        <Lines className={styles.waitingEmpty} zhText={zh('display.noneWaiting')} enText={en('display.noneWaiting')} showEnglish={board.showEnglish} />
      ) : (
        <ol className={styles.fitList}>
          {board.waiting.map((row) => (
            <li key={row.ticket} className={styles.waitingRow}>
              <span className={styles.waitingTicket}>{row.ticket}</span>
              <MaskedName className={styles.waitingName} name={row.name} />
            </li>
          ))}
          {more > 0 && board.waiting.length > 0 && (
            <li className={styles.waitingMore}>
              {zh('display.moreWaiting', { count: more })}
              {board.showEnglish && <span className={styles.en}> · {en('display.moreWaiting', { count: more })}</span>}
            </li>
          )}
        </ol>
      )}
    </section>
  );
}

function useConnection(): ConnectionState {
  const api = useApi();
  const [state, setState] = useState<ConnectionState>('connecting');
  useEffect(() => api.onConnection(setState), [api]);
  return state;
}

function DisplayScreen({ onSignOut }: { onSignOut(): Promise<void> }) {
  const { token } = antdTheme.useToken();
  // Push refreshes it within a second; the slow poll is only a safety net behind a proxy that
  // buffers the event stream. Errors keep the last picture and try again.
  const board = useApiQuery('display.board', {}, {
    staleTime: 0,
    refetchInterval: 30_000,
    // A server away for a moment is retried; a role that may not see the display is told so.
    retry: (_count, error) => error.code !== 'forbidden' && error.code !== 'unauthenticated',
    retryDelay: 2000,
  });
  const connection = useConnection();
  const chime = useChime();
  const { play } = chime;

  // Ring once for every new call, not for the calls already on screen when the page opened.
  const seen = useRef<Set<string> | null>(null);
  const called = board.data?.called;
  useEffect(() => {
    if (!called) return;
    const keys = called.map(callKey);
    const previous = seen.current;
    seen.current = new Set([...(previous ?? []), ...keys]);
    if (previous && keys.some((key) => !previous.has(key))) play();
  }, [called, play]);

  const data = board.data;
  // Server minus TV, measured when the board arrived (a read takes milliseconds; the clock shows minutes).
  const clockOffset = data ? Date.parse(data.now) - board.dataUpdatedAt : 0;
  useEffect(() => {
    if (data) document.title = `${zh('display.title')} · ${data.clinicName}`;
  }, [data]);

  const palette = {
    '--display-bg': token.colorBgLayout,
    '--display-panel': token.colorBgContainer,
    '--display-panel-raised': token.colorBgElevated,
    '--display-border': token.colorBorderSecondary,
    '--display-text': token.colorText,
    '--display-muted': token.colorTextSecondary,
    '--display-faint': token.colorTextTertiary,
    '--display-primary': token.colorPrimary,
    '--display-ticket': token.colorWarning,
    '--display-ok': token.colorSuccess,
    '--display-font': token.fontFamily,
  } as CSSProperties;

  const live = connection === 'open';
  const showEnglish = data?.showEnglish ?? false;
  return (
    <div className={styles.screen} style={palette} data-testid="lobby-display" data-live={live} data-chimes={chime.played}>
      <header className={styles.header}>
        <div className={styles.clinic}>
          <h1 className={styles.clinicName}>{data?.clinicName ?? ''}</h1>
          {showEnglish && data?.clinicNameEn && <div className={styles.clinicNameEn}>{data.clinicNameEn}</div>}
        </div>
        <Lines className={styles.title} zhText={zh('display.title')} enText={en('display.title')} showEnglish={showEnglish} />
        {data && <DisplayClock timeZone={data.timeZone} offset={clockOffset} showEnglish={showEnglish} />}
      </header>

      {data ? (
        <main className={styles.main}>
          <div className={styles.calls}>
            <Heading messageKey="display.nowCalling" showEnglish={showEnglish} />
            <NowCalling call={data.called[0]} showEnglish={showEnglish} />
            <RecentCalls calls={data.called.slice(1)} board={data} />
          </div>
          <Waiting board={data} />
        </main>
      ) : (
        <main className={styles.loading}>
          {board.error?.code === 'forbidden' ? (
            <div role="alert">{board.error.message}</div>
          ) : (
            board.isError && <Lines zhText={zh('display.error')} enText={en('display.error')} showEnglish />
          )}
        </main>
      )}

      <footer className={styles.footer}>
        <Lines
          className={styles.privacy}
          zhText={zh(data?.nameMode === 'ticketOnly' ? 'display.privacyTicketOnly' : 'display.privacy')}
          enText={en(data?.nameMode === 'ticketOnly' ? 'display.privacyTicketOnly' : 'display.privacy')}
          showEnglish={showEnglish}
        />
        {chime.blocked && (
          <div className={styles.soundHint} data-testid="display-sound-hint" role="status">
            <SoundOutlined /> {zh('display.soundOff')}
            {showEnglish && <span className={styles.en}> · {en('display.soundOff')}</span>}
          </div>
        )}
        <div className={styles.status}>
          {live ? (
            <span className={styles.live} data-testid="display-connection">
              <span className={styles.liveDot} /> {zh('display.live')}
              {showEnglish && <span className={styles.en}> {en('display.live')}</span>}
            </span>
          ) : (
            <span className={styles.reconnecting} data-testid="display-connection" role="status">
              <span className={styles.reconnectingDot} /> {zh('display.reconnecting')}
              {showEnglish && <span className={styles.en}> {en('display.reconnecting')}</span>}
            </span>
          )}
          <Popconfirm
            title={`${zh('display.signOutConfirm')}`}
            description={en('display.signOutConfirm')}
            okText={`${zh('display.signOutOk')} / ${en('display.signOutOk')}`}
            cancelText={`${zh('display.cancel')} / ${en('display.cancel')}`}
            onConfirm={() => void onSignOut()}
          >
            <Button type="text" size="small" className={styles.signOut} icon={<LogoutOutlined />} aria-label={`${zh('display.signOut')} / ${en('display.signOut')}`} />
          </Popconfirm>
        </div>
      </footer>
    </div>
  );
}

/** The lobby display page, in its own dark theme. */
export function DisplayPage({ onSignOut }: { onSignOut(): Promise<void> }) {
  return (
    <ConfigProvider theme={displayTheme}>
      <DisplayScreen onSignOut={onSignOut} />
    </ConfigProvider>
  );
}
