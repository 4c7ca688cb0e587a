/**
 * A reload of the board (`#/board`, the page reception keeps open all day) asks for the day's
 * cards as soon as the change-notice stream listens, instead of after `auth.me` has answered and
 * the shell has rendered: the 300-card snapshot then arrives while the shell is still rendering.
 * The key is the board page's own (`useApiQuery('visits.board', {})`), so the page takes this
 * answer instead of asking again.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from './api-client';

/** Whether `hash` opens the queue board (`#/board`, `#/board/<visitId>`). */
export function opensBoard(hash: string): boolean {
  return /^#\/board(\/|$)/.test(hash);
}

/** Starts the landing page's query when the page is the board; otherwise does nothing. */
export function prefetchLandingPage(queryClient: QueryClient, api: ApiClient, hash: string): void {
  if (!opensBoard(hash) || !api.hasSession) return;
  void queryClient.prefetchQuery({ queryKey: ['visits.board', {}], queryFn: () => api.call('visits.board', {}) });
}
