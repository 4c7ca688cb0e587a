import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { standInEventServer } from '../../tests/helpers/stand-in-event-server';
import { followEventStream } from './event-stream';
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

  it('refreshes nothing on a first open that resumed from the early board: the server replayed what came since', async () => {
    const { queryClient, counted, watch } = boardCache();
    const stop = watch();
    await tick();
    expect(counted.fetches).toBe(1);
    refreshOnReconnect(queryClient)('open', 'resumed');
    await tick();
    expect(counted.fetches).toBe(1);
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

  it('does not refresh when the server resumed the stream: it replayed what was missed', async () => {
    const { queryClient, counted, watch } = boardCache();
    const onConnection = refreshOnReconnect(queryClient);
    onConnection('open', 'fresh');
    const stop = watch();
    await tick();
    onConnection('closed');
    onConnection('open', 'resumed');
    await tick();
    expect(counted.fetches).toBe(1);
    onConnection('closed');
    onConnection('open', 'fresh');
    await tick();
    expect(counted.fetches).toBe(2);
    stop();
  });

  // The whole way round: a drop, a reconnect naming the last notice seen, and the server's answer.
  it('reconnects with Last-Event-ID, and refetches only when the server could not replay', async () => {
    const { queryClient, watch } = boardCache();
    const ready = (id: string, resumed: boolean) => `id: ${id}\nevent: ready\ndata: {"resumed":${resumed}}\n\n`;
    const server = standInEventServer([
      () => [ready('e1-4', false), 'id: e1-5\nevent: visits.changed\ndata: {"ids":[9]}\n\n'],
      // Back after a drop: the server replays notice 6 and resumes.
      () => ['id: e1-6\nevent: visits.changed\ndata: {"ids":[10]}\n\n', ready('e1-6', true)],
      // The server restarted meanwhile: it cannot tell what was missed.
      () => [ready('e2-0', false)],
    ]);
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const refresh = refreshOnReconnect(queryClient);
    const notices: unknown[] = [];
    const opens: string[] = [];
    const stopWatching = watch();
    const stopStream = followEventStream({
      url: '/api/events',
      token: 'T0KEN',
      fetch: server.fetch,
      wait: () => Promise.resolve(),
      onNotice: (notice) => notices.push(notice.payload),
      onConnection: (state, start) => {
        const before = invalidate.mock.calls.length;
        refresh(state, start);
        if (state === 'open') opens.push(`${start}: ${invalidate.mock.calls.length > before ? 'asked again' : 'kept'}`);
      },
      onSignedOut: () => undefined,
    });
    await vi.waitFor(() => expect(server.requests).toHaveLength(4));
    stopStream();
    stopWatching();

    expect(server.requests.map((headers) => headers['last-event-id'] ?? null)).toEqual([null, 'e1-5', 'e1-6', 'e2-0']);
    expect(notices).toEqual([{ ids: [9] }, { ids: [10] }]);
    expect(opens).toEqual(['fresh: asked again', 'resumed: kept', 'fresh: asked again']);
    // The restart refreshes everything (no filter).
    expect(invalidate.mock.calls.at(-1)).toEqual([]);
  });
});
