/**
 * The browser-mode transport: `POST /api/<method>` with the bearer token, and the change notices
 * of `GET /api/events` (event-stream.ts), which follow the signed-in session.
 *
 * On the clinic LAN (issue 15) every request also carries the device's token (`X-Device-Token`)
 * and every write an `Idempotency-Key`. A write that cannot reach the console is either queued
 * (a tap: `QUEUEABLE_WHILE_OFFLINE`) and sent again, with the same key, once the link is back —
 * so it lands exactly once — or refused at once (`offline`); never silently lost.
 */
import type { ChangeNotice } from '../../shared/contract/events';
import { methodFacts } from '../../shared/contract/method-table';
import { TOKEN_KEY } from './storage-keys';
import { callSocketUrl, carriedBySocket, createCallSocket } from './call-socket';
import { createDeviceLink, newIdempotencyKey, QUEUEABLE_WHILE_OFFLINE, type DeviceLink } from './device-link';
import { earlyEventId, takeEarlyCall } from './early-calls';
import { followEventStream } from './event-stream';
import type { CallResult, ConnectionState, StreamStart, Transport } from './transport';

/** The lobby display's token, kept across browser restarts (see `setToken`'s `remember`). */
const REMEMBERED_KEY = 'frontdesk.displayToken';
/**
 * The taps waiting for the network, kept in this tab's sessionStorage: a guide who pulls to reload
 * while the Wi-Fi is down (and gets the browser's offline page) still has them sent, with their
 * keys, once the page loads again. Closing the tab while any wait asks first (`beforeunload`).
 */
const QUEUE_KEY = 'frontdesk.offlineQueue';

export interface HttpTransportOptions {
  /** Start from the remembered lobby-display token when this tab has none (the `/display` page). */
  useRemembered?: boolean;
  /** The device's link store (tests give their own). */
  link?: DeviceLink;
}

/** What a call answers when it could not reach the console and was not queued. */
export const OFFLINE_REFUSED = { ok: false, status: 0, error: { code: 'unavailable', message: 'offline', details: { offline: true } } } as const;

interface QueuedWrite {
  method: string;
  input: unknown;
  key: string;
  /** The session the tap was made in: sent as that person, whoever is signed in by then. */
  session: string | null;
  resolve(result: CallResult): void;
}

/** The taps a previous page of this tab left waiting (nobody awaits them any more). */
function restoreQueue(): QueuedWrite[] {
  try {
    const stored = JSON.parse(sessionStorage.getItem(QUEUE_KEY) ?? '[]') as unknown;
    if (!Array.isArray(stored)) return [];
    return stored
      .filter((entry): entry is { method: string; input: unknown; key: string; session: string | null } =>
        typeof entry === 'object' && entry !== null && typeof entry.method === 'string' && typeof entry.key === 'string' && QUEUEABLE_WHILE_OFFLINE.has(entry.method),
      )
      .map((entry) => ({ method: entry.method, input: entry.input, key: entry.key, session: typeof entry.session === 'string' ? entry.session : null, resolve: () => undefined }));
  } catch {
    return [];
  }
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
  const link = options.link ?? createDeviceLink();
  const socket = createCallSocket(callSocketUrl(baseUrl, typeof location === 'undefined' ? { protocol: 'http:', host: 'localhost' } : location));
  const queue: QueuedWrite[] = restoreQueue();
  let flushing = false;
  const queueChanged = () => {
    link.setQueued(queue.length);
    if (queue.length === 0) sessionStorage.removeItem(QUEUE_KEY);
    else sessionStorage.setItem(QUEUE_KEY, JSON.stringify(queue.map(({ method, input, key, session }) => ({ method, input, key, session }))));
  };
  if (queue.length > 0) link.setQueued(queue.length);

  const setState = (next: ConnectionState, start?: StreamStart) => {
    if (next === state) return;
    state = next;
    for (const handler of connectionHandlers) handler(next, start);
  };

  let firstStream = true;
  /** A new session is a new stream: it resumes nothing of the previous session's. */
  function restart() {
    stopStream?.();
    stopStream = null;
    if (!token) {
      setState('closed');
      return;
    }
    // The page's first stream starts where the early board was read (early-calls.ts); later ones from now.
    const resumeFrom = firstStream ? earlyEventId(token) : null;
    firstStream = false;
    stopStream = followEventStream({
      url: `${baseUrl}/api/events`,
      token,
      resumeFrom,
      deviceToken: link.token(),
      onDeviceRemoved: () => link.refused('removed'),
      onNotice: (notice) => {
        for (const handler of noticeHandlers) handler(notice);
      },
      onConnection: (next, start) => {
        setState(next, start);
        if (next === 'open') {
          link.setOffline(false);
          void flush();
        }
      },
      onSignedOut: () => {
        transport.setToken(null);
        for (const handler of signedOutHandlers) handler();
      },
    });
  }

  /** One request; throws when the console cannot be reached at all. */
  async function send(method: string, input: unknown, key: string | null, session = token): Promise<CallResult> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'accept-language': document.documentElement.lang || 'zh-CN',
    };
    if (session) headers.authorization = `Bearer ${session}`;
    const device = link.token();
    if (device) headers['x-device-token'] = device;
    if (key) headers['idempotency-key'] = key;
    // The board's first two reads may have been asked before this module loaded (early-calls.ts).
    const early = key === null ? takeEarlyCall(method, input, session) : null;
    // Any other read over the page's socket when it is open (call-socket.ts); by POST otherwise.
    if (!early && key === null && methodFacts(method)?.writes === false && carriedBySocket(method)) {
      const answer = await socket.call(method, input, session, headers['accept-language']!);
      if (answer) return settle(method, answer.status, answer.body, device);
    }
    const response =
      (early && (await early)) ??
      (await fetch(`${baseUrl}/api/${method}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
      }));
    link.setOffline(false);
    if (response.ok) socket.reachable();
    return settle(method, response.status, await response.json().catch(() => null), device);
  }

  /** A call's answer, by POST or over the socket, as the client takes it. */
  function settle(method: string, status: number, answered: unknown, device: string | null): CallResult {
    const body = answered as { error?: CallResult } | null;
    if (status >= 200 && status < 300) {
      if (method === 'devices.pair') link.paired((body as { deviceToken: string }).deviceToken);
      else if (device && link.state().device !== 'paired') link.paired(device);
      return { ok: true, value: body };
    }
    const error = (body as { error?: { code: string; message: string; details?: { device?: string } } } | null)?.error;
    if (error?.details?.device === 'removed' || error?.details?.device === 'unpaired') link.refused(error.details.device);
    if (error) return { ok: false, status, error } as CallResult;
    return { ok: false, status, error: { code: 'internal', message: `HTTP ${status}` } };
  }

  /** Sends the queued writes in order, each with its own key; stops at the first that cannot go. */
  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      while (queue.length > 0) {
        const next = queue[0]!;
        let result: CallResult;
        try {
          result = await send(next.method, next.input, next.key, next.session);
        } catch {
          link.setOffline(true);
          return;
        }
        queue.shift();
        queueChanged();
        next.resolve(result);
      }
    } finally {
      flushing = false;
    }
  }

  if (typeof window !== 'undefined') {
    // The browser knows first: a tablet out of Wi-Fi range says so before any call fails.
    window.addEventListener('offline', () => {
      link.setOffline(true);
      socket.close();
      restart();
    });
    window.addEventListener('online', () => {
      restart();
      void flush();
    });
    // A tab closed with taps still waiting would lose them: the browser asks first.
    window.addEventListener('beforeunload', (event) => {
      if (queue.length === 0) return;
      event.preventDefault();
      event.returnValue = '';
    });
  }

  const transport: Transport = {
    kind: 'http',
    async call(method, input) {
      const writes = methodFacts(method)?.writes === true;
      const key = writes ? newIdempotencyKey() : null;
      if (writes && link.state().offlineSince !== null && QUEUEABLE_WHILE_OFFLINE.has(method)) {
        return enqueue(method, input, key!);
      }
      try {
        return await send(method, input, key);
      } catch (error) {
        link.setOffline(true);
        if (!writes) throw error;
        // A tap waits for the network with its key (sent once, whatever happened to the first
        // try); any other change is refused now, so nobody believes it was made.
        if (QUEUEABLE_WHILE_OFFLINE.has(method)) return enqueue(method, input, key!);
        return OFFLINE_REFUSED as unknown as CallResult;
      }
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
  function enqueue(method: string, input: unknown, key: string): Promise<CallResult> {
    return new Promise<CallResult>((resolve) => {
      queue.push({ method, input, key, session: token, resolve });
      queueChanged();
    });
  }

  transport.link = link;
  if (token) restart();
  return transport;
}
