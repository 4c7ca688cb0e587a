/**
 * The browser-mode transport: `POST /api/<method>` with the bearer token, and the change notices
 * of `GET /api/events` read as a stream (fetch, so the token travels in a header), reconnecting by
 * itself with a growing pause when the server goes away.
 */
import type { ChangeNotice } from '../../shared/contract/events';
import type { CallResult, ConnectionState, Transport } from './transport';

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
  const connectionHandlers = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'closed';
  let controller: AbortController | null = null;
  let generation = 0;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const handler of connectionHandlers) handler(next);
  };

  async function stream(myGeneration: number): Promise<void> {
    let pause = 500;
    while (myGeneration === generation && token) {
      controller = new AbortController();
      setState('connecting');
      try {
        const response = await fetch(`${baseUrl}/api/events`, {
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let boundary = buffer.indexOf('\n\n');
          while (boundary >= 0) {
            const block = buffer.slice(0, boundary);
            buffer = buffer.slice(boundary + 2);
            boundary = buffer.indexOf('\n\n');
            let name = 'message';
            let data = '';
            for (const line of block.split('\n')) {
              if (line.startsWith('event:')) name = line.slice(6).trim();
              else if (line.startsWith('data:')) data += line.slice(5).trim();
            }
            if (name === 'ready') {
              setState('open');
              pause = 500;
              continue;
            }
            if (!data) continue;
            const notice = { name, payload: JSON.parse(data) } as ChangeNotice;
            for (const handler of noticeHandlers) handler(notice);
          }
        }
      } catch {
        // Aborted on purpose, or the server went away: fall through to the pause.
      }
      if (myGeneration !== generation) return;
      setState('closed');
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 5000);
    }
  }

  function restart() {
    generation += 1;
    controller?.abort();
    if (token) void stream(generation);
    else setState('closed');
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
