import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { refreshOnReconnect } from './refresh-on-reconnect';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A cache, and the board's query as a mounted page watches it, counting what it asks the server. */
function boardCache() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });
  const counted = { fetches: 0 };
  const queryFn = () => ++counted.fetches;
  const watch = () => new QueryObserver(queryClient, { queryKey: ['visits.board', {}], queryFn }).subscribe(() => undefined);
  const prefetch = () => queryClient.prefetchQuery({ queryKey: ['visits.board', {}], queryFn });
  return { queryClient, counted, watch, prefetch };
}

describe('refreshOnReconnect', () => {
  it('asks the landing page once when its query starts after the first open', async () => {
    const { queryClient, counted, watch, prefetch } = boardCache();
    const onConnection = refreshOnReconnect(queryClient);
    onConnection('connecting');
    onConnection('open');
    await prefetch();
    const stop = watch();
    await tick();
    expect(counted.fetches).toBe(1);
    stop();
  });

  it('refreshes on the first open what was answered before the stream listened', async () => {
    const { queryClient, counted, watch } = boardCache();
    const stop = watch();
    await tick();
    expect(counted.fetches).toBe(1);
    refreshOnReconnect(queryClient)('open');
    await tick();
    expect(counted.fetches).toBe(2);
    stop();
  });

  it('refreshes everything when the stream opens again after a drop', async () => {
    const { queryClient, counted, watch } = boardCache();
    const onConnection = refreshOnReconnect(queryClient);
    onConnection('connecting');
    onConnection('open');
    const stop = watch();
    await tick();
    // Still fresh for 30 s: only the reopen makes it ask again.
    onConnection('closed');
    onConnection('connecting');
    await tick();
    expect(counted.fetches).toBe(1);
    onConnection('open');
    await tick();
    expect(counted.fetches).toBe(2);
    stop();
  });
});
