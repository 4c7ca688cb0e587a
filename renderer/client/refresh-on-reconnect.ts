/**
 * What the query cache refreshes when the change-notice stream opens. A reopen after a drop
 * refreshes everything, unless the server resumed the stream: then it has replayed every notice
 * missed while it was down, and they refresh what they touch like any other. The first open refreshes
 * only what was asked before the stream listened (an answer from before the server subscribed
 * this tab may lack a change); normally nothing, since the landing page's query waits for the
 * open (`prefetchLandingPage`) — refreshing it again would fetch the 300-card board twice per load.
 * A first open that resumed (the page's early board named the notice it had seen, early-calls.ts)
 * refreshes nothing either: the server replayed every notice since that read.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ConnectionState, StreamStart } from './transport';

/** A connection handler for `ApiClient.onConnection`. */
export function refreshOnReconnect(queryClient: QueryClient): (state: ConnectionState, start?: StreamStart) => void {
  let openedBefore = false;
  return (state, start) => {
    if (state !== 'open') return;
    if (openedBefore) {
      if (start !== 'resumed') void queryClient.invalidateQueries();
      return;
    }
    openedBefore = true;
    if (start === 'resumed') return;
    void queryClient.invalidateQueries({
      predicate: (query) => query.state.dataUpdatedAt > 0 || query.state.fetchStatus === 'fetching',
    });
  };
}
