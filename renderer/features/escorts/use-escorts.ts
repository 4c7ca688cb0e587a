/**
 * What the guides' and room views share: the day's escorts (kept live by the board's push — a
 * `visits.changed` or `escorts.changed` notice reads them again), the connection's state for the
 * "connection lost" banner, the server's clock for the step timers, and the escort actions.
 */
import { App } from 'antd';
import { useEffect, useState } from 'react';
import type { EscortView } from '../../../shared/contract/escorts';
import type { ConnectionState } from '../../client/transport';
import { useApi } from '../../client/api-context';
import { useApiMutation, useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';

export function useConnection(): ConnectionState {
  const api = useApi();
  const [state, setState] = useState<ConnectionState>('connecting');
  useEffect(() => api.onConnection(setState), [api]);
  return state;
}

/** The day's escorts and the server's time now (ticking every 15 s between refreshes). */
export function useEscortBoard() {
  // Push refreshes it; the slow poll is a safety net behind a proxy that buffers the stream.
  const board = useApiQuery('escorts.board', {}, { staleTime: 0, refetchInterval: 30_000 });
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setTick(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  const skew = board.data ? Date.parse(board.data.now) - board.dataUpdatedAt : 0;
  return { board, escorts: board.data?.escorts ?? [], now: tick + skew };
}

/** Whole minutes since an instant, by the server's clock. */
export function minutesSince(instant: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(instant)) / 60_000));
}

type ActionMethod = 'escorts.take' | 'escorts.pickUp' | 'escorts.deliver' | 'escorts.handBack' | 'escorts.sendWithDirections' | 'escorts.notFound' | 'escorts.acknowledge' | 'escorts.sendBack';

/** One escort action with its success or error message (a lost take says who won). */
export function useEscortAction(method: ActionMethod) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mutation = useApiMutation(method);
  const run = (input: { escortId: number; reason?: string; plan?: string }, done?: (escort: EscortView) => void) =>
    mutation.mutate(input as never, {
      onSuccess: (escort) => {
        void message.success(`${(escort as EscortView).ticket} · ${t(`escorts.status.${(escort as EscortView).status}`)}`);
        done?.(escort as EscortView);
      },
      onError: (error) => void message.error(errorMessage(error, t)),
    });
  return Object.assign(run, { pending: mutation.isPending });
}
