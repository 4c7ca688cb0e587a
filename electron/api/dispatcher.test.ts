import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, caller, countRows, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { contract, methodNames } from '../../shared/contract/index';
import { createDispatcher } from './dispatcher';
import { createHandlers } from './handlers/index';
import { createServices } from '../core/create-core';
import { createAuthService } from '../services/auth-service';
import { readSettings } from '../db/repositories/settings';

let core: TestCore;
let managerToken: string;
let guideToken: string;

beforeEach(async () => {
  core = await createTestCore();
  managerToken = await signIn(core, await addStaff(core, '何芳', 'manager'));
  guideToken = await signIn(core, await addStaff(core, '赵敏', 'guide'));
});
afterEach(() => core.close());

describe('the dispatcher', () => {
  it('refuses a bad input with `invalid` naming the field, and writes nothing', async () => {
    const auditBefore = await countRows(core, 'audit_log');
    const result = await core.dispatcher.dispatch('settings.update', { idleLockMinutes: 0 }, caller(managerToken));
    expect(result).toMatchObject({ ok: false, status: 400, error: { code: 'invalid', path: ['idleLockMinutes'] } });
    if (!result.ok) expect(result.error.message).toBe('Idle lock after must be at least 1');
    expect(await countRows(core, 'audit_log')).toBe(auditBefore);
    expect(await countRows(core, 'settings')).toBe(0);
  });

  it('says which field is missing, in the caller’s language', async () => {
    const zh = await core.dispatcher.dispatch('auth.signIn', { staffId: 1 }, caller(null, 'zh-CN'));
    expect(zh).toMatchObject({ ok: false, error: { code: 'invalid', path: ['pin'], message: 'PIN 码为必填项' } });
    const en = await core.dispatcher.dispatch('auth.signIn', { staffId: 1, pin: '12' }, caller(null, 'en'));
    expect(en).toMatchObject({ ok: false, error: { code: 'invalid', path: ['pin'], message: 'PIN must be 4–8 digits' } });
  });

  it('refuses unknown fields rather than ignoring them', async () => {
    const result = await core.dispatcher.dispatch('settings.update', { idleLock: 3 }, caller(managerToken));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('gives `forbidden` to a role the method does not allow, and `unauthenticated` without a token', async () => {
    const forbidden = await core.dispatcher.dispatch('settings.update', { idleLockMinutes: 3 }, caller(guideToken));
    expect(forbidden).toMatchObject({ ok: false, status: 403, error: { code: 'forbidden', message: 'Your role (Guide) may not do this' } });
    const anonymous = await core.dispatcher.dispatch('settings.get', {}, caller(null));
    expect(anonymous).toMatchObject({ ok: false, status: 401, error: { code: 'unauthenticated' } });
    const revoked = await core.dispatcher.dispatch('settings.get', {}, caller('not-a-token'));
    expect(revoked).toMatchObject({ ok: false, status: 401, error: { code: 'unauthenticated' } });
    expect((await readSettings(core.database.db)).idleLockMinutes).toBe(5);
  });

  it('gives `not_found` for a method that does not exist', async () => {
    const result = await core.dispatcher.dispatch('appointments.dropTable', {}, caller(managerToken));
    expect(result).toMatchObject({ ok: false, status: 404, error: { code: 'not_found' } });
  });

  it('leaves exactly one audit row per write, with who, what, target and a diff', async () => {
    const before = await countRows(core, 'audit_log');
    const result = await core.dispatcher.dispatch('settings.update', { idleLockMinutes: 3, clinicName: '悦颜' }, caller(managerToken));
    expect(result.ok).toBe(true);
    expect(await countRows(core, 'audit_log')).toBe(before + 1);
    const row = await core.database.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ method: 'settings.update', target: 'settings', device: 'test' });
    expect(JSON.parse(row.diff)).toEqual({ idleLockMinutes: [5, 3], clinicName: ['悦颜医疗美容门诊部', '悦颜'] });
    const manager = await core.database.db.selectFrom('staff').select('id').where('role', '=', 'manager').executeTakeFirstOrThrow();
    expect(row.staff_id).toBe(manager.id);

    // Reads leave none.
    await core.dispatcher.dispatch('settings.get', {}, caller(managerToken));
    await core.dispatcher.dispatch('appointments.listDay', {}, caller(managerToken));
    expect(await countRows(core, 'audit_log')).toBe(before + 1);
  });

  it('never writes a PIN into the audit log', async () => {
    const rows = await core.database.db.selectFrom('audit_log').select('diff').execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.diff).not.toContain('1234');
  });

  it('turns an exception inside a service into `internal` with no stack, and rolls the transaction back', async () => {
    const services = createServices();
    const settings = services.settings;
    const handlers = createHandlers(services);
    handlers['settings.update'] = async (input, context) => {
      await settings.update(context.db, input, context.actor?.staffId ?? 0, context.now);
      throw new TypeError('disk on fire at /secret/path.ts:12');
    };
    const errors: unknown[] = [];
    const dispatcher = createDispatcher({
      db: core.database.db,
      handlers,
      clock: core.clock,
      events: core.events,
      resolveActor: (db, token, now) => createAuthService().resolveActor(db, token, now),
      logError: (error) => errors.push(error),
    });
    const auditBefore = await countRows(core, 'audit_log');
    const result = await dispatcher.dispatch('settings.update', { idleLockMinutes: 9 }, caller(managerToken));
    expect(result).toMatchObject({ ok: false, status: 500, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|disk on fire|at /);
    expect(errors).toHaveLength(1);
    expect((await readSettings(core.database.db)).idleLockMinutes).toBe(5);
    expect(await countRows(core, 'audit_log')).toBe(auditBefore);
  });

  it('publishes change notices only after a commit', async () => {
    const seen: string[] = [];
    core.events.subscribe((notice) => seen.push(notice.name));
    await core.dispatcher.dispatch('settings.update', { idleLockMinutes: 0 }, caller(managerToken));
    expect(seen).toEqual([]);
    await core.dispatcher.dispatch('settings.update', { idleLockMinutes: 7 }, caller(managerToken));
    expect(seen).toEqual(['settings.changed']);
  });

  it('validates what a handler returns against the output schema', async () => {
    const handlers = createHandlers(createServices());
    handlers['settings.get'] = async () => ({ clinicName: 42 }) as never;
    const dispatcher = createDispatcher({
      db: core.database.db,
      handlers,
      clock: core.clock,
      events: core.events,
      resolveActor: (db, token, now) => createAuthService().resolveActor(db, token, now),
      logError: () => undefined,
    });
    expect(await dispatcher.dispatch('settings.get', {}, caller(managerToken))).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('the sessions the dispatcher keeps for a moment', () => {
  it('end at sign-out on the very next call, though the token was just used', async () => {
    expect(await core.dispatcher.dispatch('settings.get', {}, caller(guideToken))).toMatchObject({ ok: true });
    expect(await core.dispatcher.dispatch('auth.signOut', {}, caller(guideToken))).toMatchObject({ ok: true });
    expect(await core.dispatcher.dispatch('settings.get', {}, caller(guideToken))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('end when the staff member is made inactive by another write, and at the session’s own expiry', async () => {
    expect(await core.dispatcher.dispatch('settings.get', {}, caller(guideToken))).toMatchObject({ ok: true });
    // A change the dispatcher did not make itself is seen once it clears the moment: the next write.
    await core.database.db.updateTable('staff').set({ active: 0 }).where('name', '=', '赵敏').execute();
    await core.dispatcher.dispatch('settings.update', { idleLockMinutes: 4 }, caller(managerToken));
    expect(await core.dispatcher.dispatch('settings.get', {}, caller(guideToken))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    expect(await core.dispatcher.dispatch('settings.get', {}, caller(managerToken))).toMatchObject({ ok: true });
    const session = await core.database.db.selectFrom('sessions').innerJoin('staff', 'staff.id', 'sessions.staff_id').select('expires_at').where('staff.name', '=', '何芳').executeTakeFirstOrThrow();
    core.clock.set(session.expires_at);
    expect(await core.dispatcher.dispatch('settings.get', {}, caller(managerToken))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('the sessions kept across writes', () => {
  it('are looked up again after signing in or out and after a settings change, not after other writes', async () => {
    let lookups = 0;
    const dispatcher = createDispatcher({
      db: core.database.db,
      handlers: createHandlers(createServices()),
      clock: core.clock,
      events: core.events,
      resolveActor: (db, token, now) => {
        lookups += 1;
        return createAuthService().resolveActor(db, token, now);
      },
    });
    expect(await dispatcher.dispatch('notifications.markAllRead', {}, caller(managerToken))).toMatchObject({ ok: true });
    expect(await dispatcher.dispatch('notifications.markAllRead', {}, caller(managerToken))).toMatchObject({ ok: true });
    expect(await dispatcher.dispatch('settings.get', {}, caller(managerToken))).toMatchObject({ ok: true });
    expect(lookups).toBe(1);
    expect(await dispatcher.dispatch('settings.update', { idleLockMinutes: 6 }, caller(managerToken))).toMatchObject({ ok: true });
    expect(await dispatcher.dispatch('settings.get', {}, caller(managerToken))).toMatchObject({ ok: true });
    expect(lookups).toBe(2);
    expect(await dispatcher.dispatch('auth.signOut', {}, caller(guideToken))).toMatchObject({ ok: true });
    expect(await dispatcher.dispatch('settings.get', {}, caller(managerToken))).toMatchObject({ ok: true });
    expect(lookups).toBe(4);
  });
});

describe('the contract', () => {
  it('names every method noun.verb and declares its roles', () => {
    for (const name of methodNames) {
      expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
      const spec = contract[name];
      expect(spec.roles === 'public' || spec.roles.length > 0).toBe(true);
    }
  });

  it('lets the lobby display call nothing but signing in and out and its own board', () => {
    const displayMethods = methodNames.filter((name) => {
      const roles = contract[name].roles;
      return roles === 'public' || roles.includes('display');
    });
    // devices.pair is public: a tablet or TV pairs before anyone signs in on it (issue 15).
    expect(displayMethods.sort()).toEqual(['auth.me', 'auth.session', 'auth.signIn', 'auth.signOut', 'auth.staff', 'devices.pair', 'display.board']);
  });

  it('answers every method with `invalid`, not a crash, for inputs of the wrong shape', async () => {
    for (const name of methodNames) {
      for (const bad of [42, 'text', [1, 2], { unexpected: true }]) {
        const result = await core.dispatcher.dispatch(name, bad, caller(managerToken));
        if (name === 'auth.signOut' && result.ok) continue;
        expect(result, `${name} with ${JSON.stringify(bad)}`).toMatchObject({ ok: false, error: { code: 'invalid' } });
      }
    }
    expect(core.errors).toEqual([]);
  });
});
