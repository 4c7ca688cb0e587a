import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { methodNames } from '../../shared/contract/index';

let core: TestCore;
let lobby: string;

beforeEach(async () => {
  core = await createTestCore();
  lobby = await signIn(core, await addStaff(core, '大堂显示屏', 'display'));
});
afterEach(() => core.close());

describe('the lobby display role', () => {
  // Issue 5: what a TV can ever learn is exactly what display.board returns.
  it('is refused every method of the contract but signing in and display.board', async () => {
    const answered = new Set<string>();
    // Signing out last: it ends the session the walk uses.
    const walk = [...methodNames.filter((name) => name !== 'auth.signOut'), 'auth.signOut'];
    for (const method of walk) {
      const result = await core.dispatcher.dispatch(method, {}, caller(lobby));
      // devices.pair is public (a tablet pairs before anyone signs in); without a code it says so.
      if (method.startsWith('auth.') || method === 'display.board' || method === 'devices.pair') {
        if (result.ok || result.error.code !== 'forbidden') answered.add(method);
        continue;
      }
      expect({ method, result }).toMatchObject({ method, result: { ok: false, status: 403, error: { code: 'forbidden' } } });
    }
    // Signing in is refused as `invalid` (no PIN given), not as forbidden; the others answer.
    expect([...answered].sort()).toEqual(['auth.me', 'auth.session', 'auth.signIn', 'auth.signOut', 'auth.staff', 'devices.pair', 'display.board']);
  });

  it('gets the display board, in the caller’s language when refused elsewhere', async () => {
    expect(await core.dispatcher.dispatch('display.board', {}, caller(lobby))).toMatchObject({ ok: true });
    const refused = await core.dispatcher.dispatch('visits.board', {}, caller(lobby, 'zh-CN'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!refused.ok) expect(refused.error.message).toContain('大堂显示屏');
  });
});
