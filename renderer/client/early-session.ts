/**
 * The session check a reload starts before React renders: a tab that holds a token asks who is
 * signed in while the page's scripts still run, and the board it lands on is asked as soon as the
 * answer says someone is (docs/performance.md: the check waited for the first render, and the board
 * for the notice stream after it). The session gate takes this first answer instead of asking again.
 */
import type { OutputOf } from '../../shared/contract/index';
import type { ApiClient } from './api-client';

export type SessionAnswer = OutputOf<'auth.session'>;

export interface EarlySessionCheck {
  /** The check already on its way, or null when the tab held no token. */
  readonly early: Promise<SessionAnswer> | null;
  /** The early check the first time (when there is one), a new one after. */
  take(): Promise<SessionAnswer>;
}

export function startSessionCheck(api: ApiClient): EarlySessionCheck {
  const early = api.hasSession ? api.call('auth.session', {}) : null;
  // Its failure is the gate's to handle when it takes it; never an unhandled rejection meanwhile.
  early?.catch(() => undefined);
  let pending = early;
  return {
    early,
    take() {
      const taken = pending ?? api.call('auth.session', {});
      pending = null;
      return taken;
    },
  };
}
