import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, caller, countRows, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';

let core: TestCore;
let nurseId: number;

beforeEach(async () => {
  core = await createTestCore();
  nurseId = await addStaff(core, '冯静', 'nurse', '2468');
});
afterEach(() => core.close());

const attempt = (pin: string, language: 'en' | 'zh-CN' = 'en') =>
  core.dispatcher.dispatch('auth.signIn', { staffId: nurseId, pin }, caller(null, language));

describe('sign-in', () => {
  it('lists staff for the sign-in screen without a token, names and roles only', async () => {
    const result = await core.dispatcher.dispatch('auth.staff', {}, caller());
    expect(result).toEqual({ ok: true, value: [{ id: nurseId, name: '冯静', role: 'nurse', specialty: null }] });
  });

  it('stores the PIN only as a scrypt hash and the token only as its SHA-256', async () => {
    const token = await signIn(core, nurseId, '2468');
    const staff = await core.database.db.selectFrom('staff').select('pin_hash').executeTakeFirstOrThrow();
    expect(staff.pin_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(staff.pin_hash).not.toContain('2468');
    const session = await core.database.db.selectFrom('sessions').select('token_hash').executeTakeFirstOrThrow();
    expect(session.token_hash).not.toBe(token);
    expect(session.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('counts down wrong PINs, locks the account for a minute on the fifth, then lets the right PIN in', async () => {
    for (const left of ['4 tries', '3 tries', '2 tries', '1 try']) {
      expect(await attempt('0000')).toMatchObject({ ok: false, status: 401, error: { code: 'unauthenticated', message: `Wrong PIN; ${left} left`, path: ['pin'] } });
    }
    expect(await attempt('0000')).toMatchObject({ ok: false, status: 403, error: { code: 'forbidden', message: 'Too many wrong PINs: the account is locked, try again in 60 s' } });
    // Locked: even the right PIN is refused, and the refusal counts down the minute.
    core.clock.advance(20_000);
    expect(await attempt('2468', 'zh-CN')).toMatchObject({ ok: false, error: { message: '连续输错 PIN 码，账户已锁定，请 40 秒后再试' } });
    core.clock.advance(40_001);
    const after = await attempt('2468');
    expect(after.ok).toBe(true);
    // Each refused attempt and the sign-in were audited.
    const methods = (await core.database.db.selectFrom('audit_log').select('method').orderBy('id').execute()).map((row) => row.method);
    expect(methods).toEqual([...Array(5).fill('auth.signIn:refused'), 'auth.signIn']);
  });

  it('starts a fresh count after a successful sign-in', async () => {
    await attempt('0000');
    await attempt('0000');
    expect((await attempt('2468')).ok).toBe(true);
    expect(await attempt('0000')).toMatchObject({ ok: false, error: { message: 'Wrong PIN; 4 tries left' } });
  });

  it('signs out: the token stops working at once', async () => {
    const token = await signIn(core, nurseId, '2468');
    expect((await core.dispatcher.dispatch('auth.me', {}, caller(token))).ok).toBe(true);
    expect((await core.dispatcher.dispatch('auth.signOut', {}, caller(token))).ok).toBe(true);
    expect(await core.dispatcher.dispatch('auth.me', {}, caller(token))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await countRows(core, 'sessions')).toBe(1);
  });

  it('keeps the session it has just made when the clock was set back, and ends the oldest other', async () => {
    // Eight sign-ins while the clock ran a month ahead, then the clock is put right.
    core.clock.advance(30 * 86_400_000);
    const ahead: string[] = [];
    for (let index = 0; index < 8; index++) {
      ahead.push(await signIn(core, nurseId, '2468'));
      core.clock.advance(60_000);
    }
    core.clock.advance(-30 * 86_400_000 - 8 * 60_000);
    const token = await signIn(core, nurseId, '2468');
    expect((await core.dispatcher.dispatch('auth.me', {}, caller(token))).ok).toBe(true);
    // Eight live at most: the first of the month-ahead sign-ins ended, the last still works.
    expect(await core.dispatcher.dispatch('auth.me', {}, caller(ahead[0]!))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await core.dispatcher.dispatch('auth.me', {}, caller(ahead[7]!))).ok).toBe(true);
  });

  it('ends a session after its hours even if never signed out', async () => {
    const token = await signIn(core, nurseId, '2468');
    core.clock.advance(15 * 3_600_000);
    expect(await core.dispatcher.dispatch('auth.me', {}, caller(token))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('refuses a disabled account', async () => {
    await core.database.db.updateTable('staff').set({ active: 0 }).where('id', '=', nurseId).execute();
    expect(await attempt('2468')).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'This account is disabled' } });
  });
});
