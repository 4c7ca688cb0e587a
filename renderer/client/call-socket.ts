/**
 * The page's reads over one WebSocket (electron/server/call-socket.ts): a message on an open socket
 * takes ~1.4 ms in Chromium where a POST takes ~6 (docs/performance.md, 2026-12-05 late evening).
 *
 * The socket is opened only after a POST has been answered (`reachable`): the console is up and
 * lets this device in, so a refused or failed upgrade never puts an error in the browser's console,
 * and nothing retries on a timer. Closed (the console restarted, the device removed, the settings
 * changed), it is opened again after the next answered POST. A read it cannot carry — not open yet,
 * closed meanwhile, no answer within `answerWaitMs` — answers `null`, and the transport sends it by
 * POST, which knows what to do offline. Writes never come here.
 */

export interface SocketAnswer {
  status: number;
  body: unknown;
}

export interface CallSocket {
  /** The answer, or null when the socket cannot carry this read (send it by POST). */
  call(method: string, input: unknown, token: string | null, language: string): Promise<SocketAnswer | null>;
  /** A POST was answered: open the socket if it is not open or opening. */
  reachable(): void;
  close(): void;
}

/** How long a read waits on the socket before it is taken as dead and the read goes by POST. */
export const ANSWER_WAIT_MS = 8_000;

/**
 * Reads the socket carries: not the manager's reports, which may take seconds on a long period
 * (a slow answer is not a dead socket) and are asked a few times a day.
 */
export function carriedBySocket(method: string): boolean {
  return !method.startsWith('report.');
}

/** `ws://host/api/calls` for the page's own console (`baseUrl` empty) or for `http://host:port`. */
export function callSocketUrl(baseUrl: string, page: { protocol: string; host: string }): string {
  if (baseUrl === '') return `${page.protocol === 'https:' ? 'wss' : 'ws'}://${page.host}/api/calls`;
  return `${baseUrl.replace(/^http/i, 'ws')}/api/calls`;
}

/** After an upgrade refused (no device cookie where the POST had a token), how long reads stay on POST. */
export const REFUSED_PAUSE_MS = 5 * 60_000;

export function createCallSocket(
  url: string,
  { answerWaitMs = ANSWER_WAIT_MS, open = (to: string) => new WebSocket(to), now = () => Date.now() } = {},
): CallSocket {
  let socket: WebSocket | null = null;
  let ready = false;
  let pausedUntil = 0;
  let nextId = 1;
  const pending = new Map<number, { resolve(answer: SocketAnswer | null): void; timer: ReturnType<typeof setTimeout> }>();
  const settle = (id: number, answer: SocketAnswer | null) => {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(answer);
  };
  /** The socket is gone: every read still on it goes by POST. */
  const drop = (which: WebSocket) => {
    if (socket !== which) return;
    socket = null;
    ready = false;
    for (const id of [...pending.keys()]) settle(id, null);
  };
  return {
    reachable() {
      if (socket || now() < pausedUntil) return;
      const opened = open(url);
      socket = opened;
      let wasOpen = false;
      opened.onopen = () => {
        wasOpen = true;
        if (socket === opened) ready = true;
      };
      opened.onmessage = (event: MessageEvent) => {
        let answer: { id?: unknown; status?: unknown; body?: unknown };
        try {
          answer = JSON.parse(String(event.data)) as typeof answer;
        } catch {
          return;
        }
        if (typeof answer.id === 'number' && typeof answer.status === 'number') settle(answer.id, { status: answer.status, body: answer.body });
      };
      opened.onclose = () => {
        // Never opened while POSTs are answered: this page's upgrade is refused, so do not ask again
        // on every read (each refusal is an error in the browser's console).
        if (!wasOpen) pausedUntil = now() + REFUSED_PAUSE_MS;
        drop(opened);
      };
    },
    call(method, input, token, language) {
      const current = socket;
      if (!current || !ready || current.readyState !== WebSocket.OPEN) return Promise.resolve(null);
      const id = nextId;
      nextId += 1;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          settle(id, null);
          drop(current);
          current.close();
        }, answerWaitMs);
        pending.set(id, { resolve, timer });
        current.send(JSON.stringify({ id, method, input: input ?? {}, token, language }));
      });
    },
    close() {
      const current = socket;
      if (!current) return;
      drop(current);
      current.close();
    },
  };
}
