/**
 * What the query cache refreshes when the change-notice stream opens. A reopen after a drop
 * refreshes everything: notices may have been missed while it was down. The first open refreshes
 * only what was asked before the stream listened (an answer from before the server subscribed
 * this tab may lack a change); normally nothing, since the landing page's query waits for the
 * open (`prefetchLandingPage`) — refreshing it again would fetch the 300-card board twice per load.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ConnectionState } from './transport';

/** A connection handler for `ApiClient.onConnection`. */
export function refreshOnReconnect(queryClient: QueryClient): (state: ConnectionState) => void {
  let openedBefore = false;
  return (state) => {
    if (state !== 'open') return;
    if (openedBefore) {
      void queryClient.invalidateQueries();
      return;
    }
    openedBefore = true;
    void queryClient.invalidateQueries({
      predicate: (query) => query.state.dataUpdatedAt > 0 || query.state.fetchStatus === 'fetching',
    });
  };
}
