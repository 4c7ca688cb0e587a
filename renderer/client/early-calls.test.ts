import { describe, expect, it } from 'vitest';
import { boardAskedEarly, earlyEventId, startEarlyCalls, takeEarlyCall, type EarlyEnvironment } from './early-calls';

type Role = 'reception' | 'nurse' | 'display';

/** A page's storage and a console that answers `auth.session` for `role` (null: nobody signed in). */
function page(options: { hash?: string; token?: string | null; role?: Role | null; mustChangePin?: boolean; desktop?: boolean; lang?: string; device?: string } = {}) {
  const asked: { url: string; headers: Record<string, string> }[] = [];
  const session = new Map<string, string>(options.token === null ? [] : [['frontdesk.token', options.token ?? 'tok-1']]);
  const local = new Map<string, string>([...(options.lang ? [['frontdesk.lang', options.lang] as const] : []), ...(options.device ? [['frontdesk.deviceToken', options.device] as const] : [])]);
  const role = options.role === undefined ? 'reception' : options.role;
  const env: EarlyEnvironment = {
    hash: options.hash ?? '#/board',
    search: '',
    session: { getItem: (key) => session.get(key) ?? null },
    local: { getItem: (key) => local.get(key) ?? null },
    desktop: options.desktop ?? false,
    fetch: (url, init) => {
      asked.push({ url, headers: init.headers as Record<string, string> });
      if (url.endsWith('auth.session')) {
        const body = role ? { session: { staff: { id: 1, name: '陈晓雨', role, specialty: null }, mustChangePin: options.mustChangePin ?? false } } : { session: null };
        return Promise.resolve(Response.json(body));
      }
      return Promise.resolve(Response.json({ cards: [] }, { headers: { 'x-event-id': 'ab12cd34-7' } }));
    },
  };
  return { env, asked };
}

describe('the board asked before the modules load', () => {
  it('asks who is signed in, then the board, with the session, device and language of the page', async () => {
    const { env, asked } = page({ lang: 'en', device: 'dev-9' });
    const early = startEarlyCalls(env)!;
    expect(boardAskedEarly('tok-1', early)).toBe(true);
    const board = await takeEarlyCall('visits.board', {}, 'tok-1', early);
    expect(await board!.json()).toEqual({ cards: [] });
    expect(asked.map((call) => call.url)).toEqual(['./api/auth.session', './api/visits.board']);
    expect(asked[1]!.headers).toMatchObject({ authorization: 'Bearer tok-1', 'x-device-token': 'dev-9', 'accept-language': 'en' });
    // The stream starts where the board was read.
    expect(await earlyEventId('tok-1', early)).toBe('ab12cd34-7');
  });

  it('gives each answer once, only for the same session and an empty input; a later call asks anew', async () => {
    const { env } = page();
    const early = startEarlyCalls(env)!;
    expect(takeEarlyCall('visits.board', {}, 'someone-else', early)).toBeNull();
    expect(takeEarlyCall('visits.board', { date: '2026-12-04' }, 'tok-1', early)).toBeNull();
    expect(takeEarlyCall('visits.cards', {}, 'tok-1', early)).toBeNull();
    const session = await takeEarlyCall('auth.session', {}, 'tok-1', early);
    // The early script read the body to choose; the transport can still read it.
    expect(await session!.json()).toMatchObject({ session: { staff: { role: 'reception' } } });
    expect(takeEarlyCall('auth.session', {}, 'tok-1', early)).toBeNull();
  });

  it('asks nothing in the desktop app, without a session, or on a page other than the board', () => {
    for (const options of [{ desktop: true }, { token: null }, { hash: '#/customers' }, { hash: '' }, { hash: '#/boarding' }]) {
      const { env, asked } = page(options);
      expect({ options, early: startEarlyCalls(env) }).toEqual({ options, early: null });
      expect(asked).toEqual([]);
    }
  });

  it('asks no board a session may not read: nobody signed in (an expired token), a role without the board, a PIN to change', async () => {
    for (const options of [{ role: null }, { role: 'display' as const }, { mustChangePin: true }]) {
      const { env, asked } = page(options);
      const early = startEarlyCalls(env)!;
      expect(await takeEarlyCall('visits.board', {}, 'tok-1', early)).toBeNull();
      expect(await earlyEventId('tok-1', early)).toBeNull();
      expect({ options, asked: asked.map((call) => call.url) }).toEqual({ options, asked: ['./api/auth.session'] });
    }
  });

  it('answers null when the network failed, so the transport asks as usual', async () => {
    const { env } = page();
    const early = startEarlyCalls({ ...env, fetch: () => Promise.reject(new TypeError('Failed to fetch')) })!;
    expect(await takeEarlyCall('auth.session', {}, 'tok-1', early)).toBeNull();
    expect(await takeEarlyCall('visits.board', {}, 'tok-1', early)).toBeNull();
    expect(await earlyEventId('tok-1', early)).toBeNull();
  });
});
