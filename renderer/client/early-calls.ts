/**
 * The board's first two requests, made before the console's modules have loaded (issue 12 part 5;
 * docs/performance.md, 2026-12-04 night). A reload of `#/board` — the page reception keeps open
 * all day — used to ask `auth.session` and then `visits.board` only once ~1.3 MB of modules had
 * been fetched and evaluated (~0.6 s on the lobby PC) and the event stream had opened: ~0.15 s
 * more before the board could render. A classic script of ~2 KB (`renderer/early/early.ts`, put in
 * index.html's head by scripts/build.mjs) asks both at once instead, while the modules load; the
 * HTTP transport then takes these answers for its own first calls of the two (`takeEarlyCall`).
 *
 * No notice falls between the board and the event stream: the board's answer carries the id of
 * the newest notice the server had sent when it read the day (`X-Event-Id`), and the page's first
 * stream starts from it (`earlyEventId`), so the server replays whatever came after.
 *
 * Nothing is asked in the desktop app (IPC, no token in the page), without a session, on another
 * page, or for a session that may not read the board: the session is asked first and the board
 * only for a role that may read it, so an expired token costs no refused request (a clean console,
 * issue 12 part 4).
 */
import { EVENT_ID_HEADER } from '../../shared/contract/event-names';
import { mayCall } from '../../shared/contract/permissions';
import type { Role } from '../../shared/domain/roles';
import { languageAtLoad } from '../i18n/initial-language';
import { opensBoard } from './prefetch-landing-page';
import { DEVICE_TOKEN_KEY, LANGUAGE_KEY, TOKEN_KEY } from './storage-keys';

/** The methods asked early, each with an empty input. */
export type EarlyMethod = 'auth.session' | 'visits.board';

export interface EarlyCalls {
  /** The session token they were asked with: the transport takes them only for the same one. */
  token: string;
  /** Each answer, or null where it was not asked (no session, a role that may not read the board). */
  calls: Map<EarlyMethod, Promise<Response | null>>;
  /** The board answer's `X-Event-Id`, or null without one. */
  eventId: Promise<string | null>;
}

/** What the early script reads and uses; the page's own by default, a test's in tests. */
export interface EarlyEnvironment {
  hash: string;
  search: string;
  session: Pick<Storage, 'getItem'>;
  local: Pick<Storage, 'getItem'>;
  fetch(url: string, init: RequestInit): Promise<Response>;
  /** Whether the page runs in the desktop app (it has its IPC bridge). */
  desktop: boolean;
}

const GLOBAL = '__frontdeskEarlyCalls';
type Holder = Record<typeof GLOBAL, EarlyCalls | undefined>;


/** Asks the board's first calls when this page opens the board with a session; null otherwise. */
export function startEarlyCalls(env: EarlyEnvironment): EarlyCalls | null {
  const token = env.session.getItem(TOKEN_KEY);
  if (env.desktop || !token || !opensBoard(env.hash)) return null;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'accept-language': languageAtLoad(env.search, env.local.getItem(LANGUAGE_KEY)),
    authorization: `Bearer ${token}`,
  };
  const device = env.local.getItem(DEVICE_TOKEN_KEY);
  if (device) headers['x-device-token'] = device;
  const ask = (method: EarlyMethod) => env.fetch(`./api/${method}`, { method: 'POST', headers, body: '{}', cache: 'no-store' });

  const session = ask('auth.session');
  const board = session
    .then((response) => (response.ok ? (response.clone().json() as Promise<{ session: { staff: { role: Role }; mustChangePin: boolean } | null }>) : null))
    .then((body) => {
      const role = body?.session?.staff.role;
      if (!role || body.session?.mustChangePin || !mayCall(role, 'visits.board')) return null;
      return ask('visits.board');
    })
    .catch(() => null);
  const eventId = board.then((response) => (response?.ok ? response.headers.get(EVENT_ID_HEADER) : null)).catch(() => null);
  return { token, calls: new Map<EarlyMethod, Promise<Response | null>>([['auth.session', session.catch(() => null)], ['visits.board', board]]), eventId };
}

/** Runs `startEarlyCalls` for this page and leaves the result where the transport finds it. */
export function startEarlyCallsInPage(): void {
  const holder = window as unknown as Holder;
  holder[GLOBAL] = startEarlyCalls({
    hash: window.location.hash,
    search: window.location.search,
    session: sessionStorage,
    local: localStorage,
    fetch: (url, init) => fetch(url, init),
    desktop: 'frontdesk' in window,
  }) ?? undefined;
}

function earlyOfPage(): EarlyCalls | undefined {
  return typeof window === 'undefined' ? undefined : (window as unknown as Holder)[GLOBAL];
}

function isEmptyInput(input: unknown): boolean {
  return input === undefined || (typeof input === 'object' && input !== null && Object.keys(input).length === 0);
}

/**
 * The early answer to `method`, once: for the same session token and an empty input, and only the
 * first time it is asked (a later call is asked anew). Null when there is none; the answer itself
 * may be null (not asked, or the network failed), and the caller then asks as usual.
 */
export function takeEarlyCall(method: string, input: unknown, token: string | null, early: EarlyCalls | undefined = earlyOfPage()): Promise<Response | null> | null {
  if (!early || token !== early.token || !isEmptyInput(input)) return null;
  const answer = early.calls.get(method as EarlyMethod);
  if (!answer) return null;
  early.calls.delete(method as EarlyMethod);
  return answer;
}

/** Whether the board was asked early for this token (the landing page's query then starts at once). */
export function boardAskedEarly(token: string | null, early: EarlyCalls | undefined = earlyOfPage()): boolean {
  return early !== undefined && token === early.token && early.calls.has('visits.board');
}

/**
 * Where the page's first event stream starts: the id of the newest notice when the early board was
 * read, so the server replays any notice that came after it. Null without an early board.
 */
export function earlyEventId(token: string | null, early: EarlyCalls | undefined = earlyOfPage()): Promise<string | null> | null {
  if (!early || token !== early.token) return null;
  return early.eventId;
}
