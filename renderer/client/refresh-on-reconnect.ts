/**
 * What the query cache refreshes when the change-notice stream opens. A reopen after a drop
 * refreshes everything, unless the server resumed the stream: then it has replayed every notice
 * missed while it was down, and they refresh what they touch like any other.
 *
 * The first open refreshes what was asked before the stream listened — an answer from before the
 * server subscribed this tab may lack a change — except an answer that says it is current to a
 * notice at or after the stream's start (`noticeId`, the board's snapshot): nothing can have fallen
 * between the two. The landing board is asked before the stream opens (`prefetchLandingPage`), so
 * this is what spares a reload the second 300-card fetch; an answer still on its way when the
 * stream opens is checked when it arrives.
 */
import type { Query, QueryClient } from '@tanstack/react-query';
import type { ConnectionState, StreamStart } from './transport';

/** `<epoch>-<n>`, the server's notice ids (electron/api/event-bus.ts). */
function parseNoticeId(id: string): { epoch: string; n: number } | null {
  const at = id.lastIndexOf('-');
  const n = Number(id.slice(at + 1));
  return at > 0 && Number.isSafeInteger(n) ? { epoch: id.slice(0, at), n } : null;
}

/**
 * Whether an answer current to notice `answered` misses nothing of a stream that delivers every
 * notice after `streamStart`: the same start of the server, and not older.
 */
export function answerCovers(answered: unknown, streamStart: string | undefined): boolean {
  if (typeof answered !== 'string' || streamStart === undefined) return false;
  const answer = parseNoticeId(answered);
  const start = parseNoticeId(streamStart);
  return answer !== null && start !== null && answer.epoch === start.epoch && answer.n >= start.n;
}

const answeredNoticeId = (query: Query) => (query.state.data as { noticeId?: unknown } | undefined)?.noticeId;

/** A connection handler for `ApiClient.onConnection`. */
export function refreshOnReconnect(queryClient: QueryClient): (state: ConnectionState, start?: StreamStart, noticeId?: string) => void {
  let openedBefore = false;
  const cache = queryClient.getQueryCache();
  const refresh = (query: Query) => void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });

  return (state, start, noticeId) => {
    if (state !== 'open') return;
    if (openedBefore) {
      if (start !== 'resumed') void queryClient.invalidateQueries();
      return;
    }
    openedBefore = true;
    const stale = (query: Query) => !answerCovers(answeredNoticeId(query), noticeId);
    for (const query of cache.getAll()) {
      if (query.state.fetchStatus === 'fetching') {
        const stop = cache.subscribe((event) => {
          if (event.query !== query || query.state.fetchStatus === 'fetching') return;
          stop();
          if (query.state.status === 'success' && stale(query)) refresh(query);
        });
      } else if (query.state.dataUpdatedAt > 0 && stale(query)) {
        refresh(query);
      }
    }
  };
}
