/**
 * The browser mode's change-notice stream, `GET /api/events`, read with fetch (so the token travels
 * in a header) and parsed by eventsource-parser (multi-line data, CRLF, `id:`, `retry:` as the
 * SSE standard has them). It reconnects by itself with a growing pause, naming the last notice it
 * saw in `Last-Event-ID`: the server then replays what was missed instead of the client asking
 * for every screen again (`StreamStart`).
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { ChangeNotice } from '../../shared/contract/events';
import { isEventName } from '../../shared/contract/event-names';
import type { ConnectionState, StreamStart } from './transport';

export interface EventStreamOptions {
  /** `/api/events` on the console's server. */
  url: string;
  /** The session's bearer token; a new session is a new stream (it resumes nothing of the last). */
  token: string;
  onNotice(notice: ChangeNotice): void;
  onConnection(state: ConnectionState, start?: StreamStart): void;
  /** The server says the token's session is over (signed out, expired): the stream stops for good. */
  onSignedOut(): void;
  /** The paired device's token (issue 15), sent as a header, never in the URL. */
  deviceToken?: string | null;
  /** A manager removed this device: the stream stops for good. */
  onDeviceRemoved?(): void;
  /** The HTTP client; tests give a stand-in server. */
  fetch?: typeof fetch;
  /** The pause before reconnecting; tests need not wait. */
  wait?(ms: number): Promise<void>;
  /**
   * The id of the last notice an answer read before the stream already reflects (the early
   * board's `X-Event-Id`, early-calls.ts): the first connection starts after it, and the server
   * replays what came since. Without it the first connection starts from now.
   */
  resumeFrom?: Promise<string | null> | null;
}

const FIRST_PAUSE_MS = 500;
const LONGEST_PAUSE_MS = 5000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Follows the stream until stopped; returns the stop.
 *
 * @example const stop = followEventStream({ url: '/api/events', token, onNotice, onConnection, onSignedOut });
 */
export function followEventStream(options: EventStreamOptions): () => void {
  const fetchEvents = options.fetch ?? ((input, init) => fetch(input, init));
  const wait = options.wait ?? sleep;
  let stopped = false;
  let controller: AbortController | null = null;
  let lastEventId: string | null = null;
  let pause = FIRST_PAUSE_MS;

  /** One connection, read to its end; whether the server ended the session. */
  async function readOnce(): Promise<'dropped' | 'signedOut' | 'removed'> {
    controller = new AbortController();
    const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' };
    if (options.deviceToken) headers['x-device-token'] = options.deviceToken;
    if (lastEventId !== null) headers['last-event-id'] = lastEventId;
    const response = await fetchEvents(options.url, { headers, signal: controller.signal, cache: 'no-store' });
    if (response.status === 401) {
      const body = (await response.json().catch(() => null)) as { error?: { details?: { device?: string } } } | null;
      if (body?.error?.details?.device === 'removed') return 'removed';
    }
    if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);

    // Set from the parser's callbacks, read after each chunk.
    const session = { ended: false, removed: false };
    const onEvent = (message: EventSourceMessage) => {
      if (message.event === 'ready') {
        const { resumed } = JSON.parse(message.data) as { resumed?: boolean };
        pause = FIRST_PAUSE_MS;
        options.onConnection('open', resumed === true ? 'resumed' : 'fresh');
      } else if (message.event === 'signedOut') {
        session.ended = true;
        controller?.abort();
      } else if (message.event === 'deviceRemoved') {
        session.ended = true;
        session.removed = true;
        controller?.abort();
      } else if (message.event && isEventName(message.event)) {
        options.onNotice({ name: message.event, payload: JSON.parse(message.data) } as ChangeNotice);
      }
    };
    const parser = createParser({
      // The id counts even for a block without data, as the standard says.
      onId: (id) => {
        lastEventId = id;
      },
      onEvent: (message) => {
        try {
          onEvent(message);
        } catch (error) {
          // One garbled notice is dropped, not the connection.
          console.warn('[events] an unreadable notice', message.event, error);
        }
      },
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done || session.ended) break;
        parser.feed(value);
      }
    } catch (error) {
      if (!session.ended) throw error;
    }
    if (session.removed) return 'removed';
    return session.ended ? 'signedOut' : 'dropped';
  }

  void (async () => {
    if (options.resumeFrom) lastEventId = await options.resumeFrom;
    while (!stopped) {
      options.onConnection('connecting');
      let outcome: 'dropped' | 'signedOut' | 'removed' = 'dropped';
      try {
        outcome = await readOnce();
      } catch {
        // Stopped on purpose, or the server went away: fall through to the pause.
      }
      if (stopped) return;
      options.onConnection('closed');
      if (outcome === 'removed') {
        stopped = true;
        options.onDeviceRemoved?.();
        return;
      }
      if (outcome === 'signedOut') {
        stopped = true;
        options.onSignedOut();
        return;
      }
      await wait(pause);
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
  })();

  return () => {
    stopped = true;
    controller?.abort();
  };
}
