/**
 * Who is at the console: checking → signed out → signed in ⇄ locked. Locking (idle, a click, or a
 * session that expired) revokes the token but keeps the screen and its data mounted underneath;
 * signing in again brings it back as it was, refreshed. The check is `auth.session`, which answers
 * "nobody" as a 200: the sign-in page loads, and a session ends, without a failed request.
 */
import { onlineManager, useQueryClient } from '@tanstack/react-query';
import { Flex, Spin } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { ApiCallError } from '../../../shared/contract/errors';
import type { SessionInfo } from '../../../shared/contract/auth';
import { useApi } from '../../client/api-context';
import { withWholeStyles } from '../../ui/whole-styles';
import { useI18n } from '../../i18n/i18n';
import { preloadRouteOf } from '../../routes';
import { AppShell } from '../../ui/app-shell';
import { PageBoundary } from '../../ui/page-boundary';
import { isDisplayPath } from '../display/display-path';
import { useIdleLock } from './use-idle-lock';

type Phase = 'checking' | 'signedOut' | 'signedIn' | 'locked';
/** Why the console is locked: said on the lock screen (issue 13 part 6: Alt+L read "after inactivity"). */
export type LockReason = 'idle' | 'manual' | 'sessionOver';

const SESSION_RETRY_MS = 3000;

// The lobby TV's page is its own chunk: the console's desks never load it, and the TV loads little else.
const DisplayPage = lazy(() => withWholeStyles(import('../display/display-page')).then((module) => ({ default: module.DisplayPage })));
// Signing in and choosing a PIN (forms: react-hook-form and zod) are chunks of their own too: a
// reload with a session — the board reception reopens all day — renders without them. The sign-in
// page is also the lock screen, so once signed in it is fetched while the console is idle, ready
// for a lock when the server may not answer (docs/performance.md, 2026-12-04 evening).
const loadSignIn = () => withWholeStyles(import('./sign-in-page'));
const SignInPage = lazy(() => loadSignIn().then((module) => ({ default: module.SignInPage })));
const ChangePinPage = lazy(() => withWholeStyles(import('./change-pin-page')).then((module) => ({ default: module.ChangePinPage })));
/** How long the console is left alone before the lock screen's code is fetched (a lock comes after minutes). */
const PREFETCH_SIGN_IN_MS = 10_000;

/**
 * Runs `then` once nobody has pressed a key or touched the screen for `quietMs`; returns the
 * cancel. The lock screen's chunk (react-hook-form, zod and the auth schemas, evaluated when it
 * arrives) came 2 s after signing in whatever the clerk was doing: in a trace of the first search
 * after opening the customers page, it arrived with the first key, whose results took 101–144 ms
 * against ~30 for the keys after (docs/performance.md, 2026-12-05 evening). Ten quiet seconds
 * come long before the idle lock's minutes.
 */
function whenQuiet(quietMs: number, then: () => void): () => void {
  const activity = ['keydown', 'pointerdown'] as const;
  let timer = 0;
  const stop = () => {
    window.clearTimeout(timer);
    for (const type of activity) window.removeEventListener(type, arm, true);
  };
  function arm() {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      stop();
      then();
    }, quietMs);
  }
  for (const type of activity) window.addEventListener(type, arm, true);
  arm();
  return stop;
}

export function SessionGate() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>('checking');
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [lockReason, setLockReason] = useState<LockReason>('idle');
  const phaseRef = useRef<Phase>('checking');
  useEffect(() => {
    phaseRef.current = phase;
  }, [phase]);
  const retryTimer = useRef<number | undefined>(undefined);
  const loadSessionRef = useRef<(alongside?: Promise<unknown>) => Promise<void>>(() => Promise.resolve());

  /** Asks who is signed in; `alongside` (the landing page's code) is waited for before showing it. */
  const loadSession = useCallback(
    (alongside: Promise<unknown> = Promise.resolve()) => {
      const signedOut = () => setPhase((current) => (current === 'signedIn' || current === 'locked' ? 'locked' : 'signedOut'));
      return api.call('auth.session', {}).then(
        async ({ session: info }) => {
          if (!info) {
            // A token this tab still held (a reload after its session ended) is forgotten.
            api.forgetSession();
            signedOut();
            return;
          }
          await alongside;
          setSession(info);
          setPhase('signedIn');
          onlineManager.setOnline(true);
        },
        (error: unknown) => {
          // A device the console does not know (yet) shows the pairing page instead (issue 15).
          if (error instanceof ApiCallError && error.details?.device !== undefined) return;
          console.error(error);
          // A server that is restarting is not a sign-out: a tab holding a token (a lobby TV
          // after a power cut) asks again until the server answers.
          if (api.hasSession && phaseRef.current === 'checking') {
            retryTimer.current = window.setTimeout(() => void loadSessionRef.current(), SESSION_RETRY_MS);
            return;
          }
          signedOut();
        },
      );
    },
    [api],
  );

  // A reload keeps the tab's session: ask who is signed in before showing anything, and load the
  // page it lands on meanwhile, so that the shell and its page render together (no spinner, and
  // no Suspense reveal held back) — a chunk that fails to load is the page boundary's to report.
  useEffect(() => {
    loadSessionRef.current = loadSession;
    void loadSession(api.hasSession && !isDisplayPath() ? preloadRouteOf(window.location.hash).catch(() => undefined) : undefined);
    return () => window.clearTimeout(retryTimer.current);
  }, [api, loadSession]);

  /** Locks the screen; `sessionOver` when the server already ended the session (nothing to revoke). */
  const lock = useCallback(
    (sessionOver = false, reason: LockReason = sessionOver ? 'sessionOver' : 'idle') => {
      // Once: the idle timer may fire again before the locked screen has rendered, and a second
      // sign-out would be refused (its token is already revoked or forgotten).
      if (phaseRef.current === 'locked') return;
      phaseRef.current = 'locked';
      setLockReason(reason);
      // Pausing the query layer keeps every screen's data while nobody is signed in.
      onlineManager.setOnline(false);
      setPhase('locked');
      if (sessionOver) api.forgetSession();
      else api.call('auth.signOut', {}).catch(() => api.forgetSession());
    },
    [api],
  );
  const lockIdle = useCallback(() => lock(false, 'idle'), [lock]);
  const lockNow = useCallback(() => lock(false, 'manual'), [lock]);

  const signOut = useCallback(async () => {
    await api.call('auth.signOut', {}).catch(() => api.forgetSession());
    queryClient.clear();
    setSession(null);
    setPhase('signedOut');
  }, [api, queryClient]);

  const signedIn = useCallback(async () => {
    await loadSession();
    void queryClient.invalidateQueries();
  }, [loadSession, queryClient]);

  // A session revoked or expired elsewhere locks the console the same way: told by the event
  // stream (no request fails), or found by a call the server refused.
  useEffect(() => {
    if (phase !== 'signedIn') return;
    const unsubscribeStream = api.onSignedOut(() => lock(true));
    const unsubscribeCache = queryClient.getQueryCache().subscribe((event) => {
      const error = event.query.state.error;
      if (event.type === 'updated' && error instanceof ApiCallError && error.code === 'unauthenticated') lock(true);
    });
    return () => {
      unsubscribeStream();
      unsubscribeCache();
    };
  }, [phase, api, queryClient, lock]);

  // The lobby display is a screen nobody touches: it never locks itself (its token reads only the
  // masked board). Staff previewing it at /display keep their idle lock.
  const displayRole = session?.staff.role === 'display';
  const showDisplay = displayRole || isDisplayPath();
  useIdleLock(session?.clinic.settings.idleLockMinutes ?? 5, phase === 'signedIn' && !displayRole, lockIdle);
  // The lock screen's code, fetched once the first screen is up (a lock must not wait on the network).
  useEffect(() => (phase === 'signedIn' ? whenQuiet(PREFETCH_SIGN_IN_MS, () => void loadSignIn().catch(() => undefined)) : undefined), [phase]);

  const loading = (
    <Flex align="center" justify="center" style={{ height: '100vh' }} data-testid="page-loading">
      <Spin size="large" tip={t('app.loading')}>
        <div style={{ width: 120, height: 80 }} />
      </Spin>
    </Flex>
  );
  if (phase === 'checking') return loading;
  if (phase === 'signedOut' || !session) {
    return (
      <Suspense fallback={loading}>
        <SignInPage mode="signIn" onSignedIn={signedIn} initialRole={isDisplayPath() ? 'display' : undefined} />
      </Suspense>
    );
  }
  // A first or reset PIN: nothing but choosing one's own (the server refuses every other call too).
  if (phase === 'signedIn' && session.mustChangePin) {
    return (
      <Suspense fallback={loading}>
        <ChangePinPage session={session} onChanged={signedIn} onSignOut={signOut} />
      </Suspense>
    );
  }
  return (
    <>
      <div inert={phase === 'locked'} aria-hidden={phase === 'locked'} style={phase === 'locked' ? { display: 'none' } : undefined}>
        {showDisplay ? (
          <PageBoundary pageKey="display">
            <DisplayPage onSignOut={signOut} />
          </PageBoundary>
        ) : (
          <AppShell session={session} onLock={lockNow} onSignOut={signOut} onSessionChanged={setSession} />
        )}
      </div>
      {phase === 'locked' && (
        // The screen underneath is hidden already: while the lock screen's code loads, a spinner covers it.
        <Suspense fallback={loading}>
          <SignInPage mode="locked" lockReason={lockReason} lockedBy={session.staff.name} onSignedIn={signedIn} />
        </Suspense>
      )}
    </>
  );
}
