/**
 * The browser-mode transport: `POST /api/<method>` with the bearer token, and the change notices
 * of `GET /api/events` (event-stream.ts), which follow the signed-in session.
 */
import type { ChangeNotice } from '../../shared/contract/events';
import { followEventStream } from './event-stream';
import type { CallResult, ConnectionState, StreamStart, Transport } from './transport';

const TOKEN_KEY = 'frontdesk.token';
/** The lobby display's token, kept across browser restarts (see `setToken`'s `remember`). */
const REMEMBERED_KEY = 'frontdesk.displayToken';

export interface HttpTransportOptions {
  /** Start from the remembered lobby-display token when this tab has none (the `/display` page). */
  useRemembered?: boolean;
}

export function createHttpTransport(baseUrl = '', options: HttpTransportOptions = {}): Transport {
  // sessionStorage: each tab (each tablet page) is its own signed-in person. Only the display page
  // picks up a remembered token, so a console opened later in the same browser asks who is there.
  let token: string | null = sessionStorage.getItem(TOKEN_KEY) ?? (options.useRemembered ? localStorage.getItem(REMEMBERED_KEY) : null);
  const noticeHandlers = new Set<(notice: ChangeNotice) => void>();
  const connectionHandlers = new Set<(state: ConnectionState, start?: StreamStart) => void>();
  const signedOutHandlers = new Set<() => void>();
  let state: ConnectionState = 'closed';
  let stopStream: (() => void) | null = null;

  const setState = (next: ConnectionState, start?: StreamStart) => {
    if (next === state) return;
    state = next;
    for (const handler of connectionHandlers) handler(next, start);
  };

  /** A new session is a new stream: it resumes nothing of the previous session's. */
  function restart() {
    stopStream?.();
    stopStream = null;
    if (!token) {
      setState('closed');
      return;
    }
    stopStream = followEventStream({
      url: `${baseUrl}/api/events`,
      token,
      onNotice: (notice) => {
        for (const handler of noticeHandlers) handler(notice);
      },
      onConnection: setState,
      onSignedOut: () => {
        transport.setToken(null);
        for (const handler of signedOutHandlers) handler();
      },
    });
  }

  const transport: Transport = {
    kind: 'http',
    async call(method, input) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'accept-language': document.documentElement.lang || 'zh-CN',
      };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(`${baseUrl}/api/${method}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
      });
      const body = (await response.json().catch(() => null)) as { error?: CallResult } | null;
      if (response.ok) return { ok: true, value: body };
      const error = (body as { error?: { code: string; message: string } } | null)?.error;
      if (error) return { ok: false, status: response.status, error } as CallResult;
      return { ok: false, status: response.status, error: { code: 'internal', message: `HTTP ${response.status}` } };
    },
    onNotice(handler) {
      noticeHandlers.add(handler);
      return () => noticeHandlers.delete(handler);
    },
    onConnection(handler) {
      connectionHandlers.add(handler);
      handler(state);
      return () => connectionHandlers.delete(handler);
    },
    onSignedOut(handler) {
      signedOutHandlers.add(handler);
      return () => signedOutHandlers.delete(handler);
    },
    setToken(next, { remember = false } = {}) {
      if (next === token) return;
      const previous = token;
      token = next;
      if (next) {
        sessionStorage.setItem(TOKEN_KEY, next);
        if (remember) localStorage.setItem(REMEMBERED_KEY, next);
      } else {
        sessionStorage.removeItem(TOKEN_KEY);
        // Only the session that ended is forgotten, not a display's token another tab remembers.
        if (previous !== null && localStorage.getItem(REMEMBERED_KEY) === previous) localStorage.removeItem(REMEMBERED_KEY);
      }
      restart();
    },
    hasToken: () => token !== null,
  };
  if (token) restart();
  return transport;
}
