/**
 * Server state through TanStack Query, keyed by method and input. Change notices invalidate what
 * they concern (no polling); a reconnect refreshes everything, since notices may have been missed.
 */
import { useMutation, useQuery, type MutateOptions, type QueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { ApiCallError } from '../../shared/contract/errors';
import type { ChangeNotice } from '../../shared/contract/events';
import type { InputOf, MethodName, OutputOf } from '../../shared/contract/index';
import type { ApiClient } from './api-client';
import { useApi } from './api-context';
import { patchBoards } from './board-patch';

/** Which queries a notice makes stale, beyond those of its own noun (`appointments.*`). */
const ALSO_STALE: Partial<Record<ChangeNotice['name'], string[]>> = {
  // The lobby display follows every visit move, its settings, and a customer's corrected name.
  'settings.changed': ['auth.me', 'display.board'],
  // A card moved may start, move on or end an escort (issue 14): the guides' and room views follow.
  'visits.changed': ['display.board', 'comfort.timeline', 'escorts.board'],
  'customers.changed': ['display.board'],
  'staff.changed': ['auth.staff'],
  // An appointment moved or cancelled changes what the morning confirmation lists.
  'appointments.changed': ['roster.today', 'roster.week'],
  // A roster change moves the doctors' columns of the day view.
  'roster.changed': ['appointments.listDay'],
  // An erased customer leaves every list, search and board (issue 20).
  'privacy.erased': ['customers.get', 'customers.search', 'appointments.listDay', 'appointments.callList', 'visits.board', 'display.board'],
};

/** Queries a notice puts right in place instead of reading them again (board-patch.ts). */
const PATCHED: Partial<Record<ChangeNotice['name'], string>> = { 'visits.changed': 'visits.board' };

/**
 * What a change notice makes stale is read again; the board's cards it names are read alone and
 * put in place (`visits.changed`), so a check-in on one desk shows on every other in a moment.
 */
export function invalidateFor(queryClient: QueryClient, notice: ChangeNotice, api: ApiClient): void {
  const noun = notice.name.split('.')[0] ?? '';
  const extra = ALSO_STALE[notice.name] ?? [];
  const patched = PATCHED[notice.name];
  void queryClient.invalidateQueries({
    predicate: (query) => {
      const method = String(query.queryKey[0]);
      return method !== patched && (method.startsWith(`${noun}.`) || extra.includes(method));
    },
  });
  if (notice.name === 'visits.changed') void patchBoards(queryClient, api, (notice as ChangeNotice<'visits.changed'>).payload.ids);
}

export function useApiQuery<M extends MethodName>(
  method: M,
  input: InputOf<M>,
  options: Omit<UseQueryOptions<OutputOf<M>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  const api = useApi();
  return useQuery<OutputOf<M>, ApiCallError>({
    queryKey: [method, input],
    queryFn: () => api.call(method, input),
    ...options,
  });
}

/**
 * A write. `networkMode: 'always'` is for the sign-in screens, which must work while the query
 * layer is paused behind the lock screen.
 *
 * The same write asked again while it is on its way (a double click, a second Enter before the
 * button shows it is busy) is not sent twice: `mutate` with an input equal to the one in flight
 * does nothing (issue 13: a double-clicked 签到 made two visits). The server refuses what would
 * still be a double (one open visit a customer a day) for retries from elsewhere.
 */
export function useApiMutation<M extends MethodName>(method: M, options: { networkMode?: 'online' | 'always' } = {}) {
  const api = useApi();
  const mutation = useMutation<OutputOf<M>, ApiCallError, InputOf<M>>({ mutationFn: (input) => api.call(method, input), ...options });
  const inFlight = useRef<{ key: string; promise: Promise<OutputOf<M>> } | null>(null);
  const { mutateAsync: send } = mutation;
  const mutateAsync = useCallback(
    (input: InputOf<M>, callbacks?: MutateOptions<OutputOf<M>, ApiCallError, InputOf<M>>): Promise<OutputOf<M>> => {
      const key = JSON.stringify(input);
      if (inFlight.current?.key === key) return inFlight.current.promise;
      const promise = (callbacks ? send(input, callbacks) : send(input)).finally(() => {
        if (inFlight.current?.promise === promise) inFlight.current = null;
      });
      inFlight.current = { key, promise };
      return promise;
    },
    [send],
  );
  // Like TanStack's `mutate`: the outcome goes to the callbacks, never an unhandled rejection.
  const mutate = useCallback(
    (input: InputOf<M>, callbacks?: MutateOptions<OutputOf<M>, ApiCallError, InputOf<M>>) => void mutateAsync(input, callbacks).catch(() => undefined),
    [mutateAsync],
  );
  return { ...mutation, mutate, mutateAsync };
}
