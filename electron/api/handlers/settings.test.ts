import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../../tests/helpers/test-core';

let core: TestCore;
let manager: string;
let reception: string;

beforeEach(async () => {
  core = await createTestCore();
  manager = await signIn(core, await addStaff(core, '何芳', 'manager'));
  reception = await signIn(core, await addStaff(core, '陈晓雨', 'reception'));
});
afterEach(async () => {
  await core.close();
});

const call = (method: string, input: unknown, token: string) => core.dispatcher.dispatch(method, input, caller(token));
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('settings for slips', () => {
  it('has a believable clinic address, directions and privacy by form of address from the start', async () => {
    const result = await call('settings.get', {}, reception);
    expect(result).toMatchObject({ ok: true, value: { slipPrivacy: 'addressForm', slipPaper: '80mm', silentPrinting: false } });
    expect(DEFAULT_SETTINGS.transportDirections).toMatch(/地铁.*号线.*口/);
  });

  it('lets a manager set the logo and address, auditing the logo by its size rather than its bytes', async () => {
    const result = await call('settings.update', { logo: PNG, clinicAddress: '北京市朝阳区建国路88号', slipPrivacy: 'maskedName' }, manager);
    expect(result).toMatchObject({ ok: true, value: { logo: PNG, slipPrivacy: 'maskedName' } });
    const audit = await core.database.db.selectFrom('audit_log').select('diff').where('method', '=', 'settings.update').executeTakeFirstOrThrow();
    expect(audit.diff).toContain('data:image/png;base64 (');
    expect(audit.diff).not.toContain('iVBORw0KGgo');
  });

  it('refuses a logo that is not an image, or too large, naming the field', async () => {
    const script = await call('settings.update', { logo: 'data:text/html;base64,PHNjcmlwdD4=' }, manager);
    expect(script).toMatchObject({ ok: false, status: 400, error: { path: ['logo'], message: 'Logo must be a PNG, JPEG or SVG image' } });
    const huge = await call('settings.update', { logo: `data:image/png;base64,${'A'.repeat(300_000)}` }, manager);
    expect(huge).toMatchObject({ ok: false, error: { path: ['logo'], message: 'Logo is too large: use an image under 200 KB' } });
  });

  it('keeps red after amber', async () => {
    const result = await call('settings.update', { waitAmberMinutes: 40 }, manager);
    expect(result).toMatchObject({ ok: false, status: 400, error: { path: ['waitRedMinutes'] } });
  });
});

describe('items of interest', () => {
  it('creates, renames and deactivates an item; the list hides inactive ones unless asked', async () => {
    const notices: string[] = [];
    core.events.subscribe((notice) => notices.push(notice.name));
    const created = await call('items.save', { nameZh: '水光针', nameEn: 'Skin booster', sort: 5 }, manager);
    expect(created).toMatchObject({ ok: true, value: { code: 'skin-booster', nameZh: '水光针', active: true, sort: 5 } });
    const id = (created as { value: { id: number } }).value.id;
    expect(notices).toContain('items.changed');

    await call('items.save', { id, expectedVersion: 1, nameZh: '水光针', nameEn: 'Skin booster', active: false, sort: 5 }, manager);
    expect((await call('items.list', {}, reception)) as unknown).toMatchObject({ ok: true, value: [] });
    expect(await call('items.list', { includeInactive: true }, reception)).toMatchObject({ ok: true, value: [{ id, active: false }] });
  });

  it('refuses a second item with the same Chinese name, and any change by reception', async () => {
    await call('items.save', { nameZh: '隆鼻', nameEn: 'Rhinoplasty' }, manager);
    const duplicate = await call('items.save', { nameZh: '隆鼻', nameEn: 'Nose job' }, manager);
    expect(duplicate).toMatchObject({ ok: false, status: 409, error: { path: ['nameZh'] } });
    expect(await call('items.save', { nameZh: '吸脂', nameEn: 'Liposuction' }, reception)).toMatchObject({ ok: false, status: 403 });
  });

  it('a change carries the version read: one made meanwhile by another manager is a conflict, the item kept as that manager left it', async () => {
    const other = await signIn(core, await addStaff(core, '周经理', 'manager'));
    const created = (await call('items.save', { nameZh: '热玛吉', nameEn: 'Thermage' }, manager)) as { ok: true; value: { id: number; version: number } };
    const { id, version } = created.value;
    expect(await call('items.save', { id, expectedVersion: version, nameZh: '热玛吉 FLX', nameEn: 'Thermage FLX' }, other)).toMatchObject({ ok: true, value: { version: version + 1 } });
    const stale = await call('items.save', { id, expectedVersion: version, nameZh: '热玛吉', nameEn: 'Thermage', active: false }, manager);
    expect(stale).toMatchObject({ ok: false, status: 409, error: { code: 'conflict', path: ['expectedVersion'], details: { current: { nameZh: '热玛吉 FLX' } } } });
    expect(await call('items.list', {}, reception)).toMatchObject({ ok: true, value: [{ id, nameZh: '热玛吉 FLX', active: true }] });
    // A change without the version read is refused before anything is looked at.
    expect(await call('items.save', { id, nameZh: '热玛吉', nameEn: 'Thermage' }, manager)).toMatchObject({ ok: false, status: 400, error: { path: ['expectedVersion'] } });
  });
});

describe('two managers saving the settings', () => {
  it('refuses a key another manager changed since the form loaded, naming it, and never blocks keys the other did not touch', async () => {
    const other = await signIn(core, await addStaff(core, '周经理', 'manager'));
    const loaded = (await call('settings.get', {}, manager)) as { ok: true; value: typeof DEFAULT_SETTINGS };
    const form = loaded.value;
    // The other manager renames the clinic and moves the opening time.
    expect((await call('settings.update', { clinicName: '悦颜·新名', opensAt: '08:30', expected: { clinicName: form.clinicName, opensAt: form.opensAt } }, other)).ok).toBe(true);

    // This form changes the name too, from the name it loaded: refused, naming the key, nothing written.
    const stale = await call('settings.update', { clinicName: '悦颜·我的名', idleLockMinutes: 7, expected: { clinicName: form.clinicName, idleLockMinutes: form.idleLockMinutes } }, manager);
    expect(stale).toMatchObject({ ok: false, status: 409, error: { code: 'conflict', details: { changed: ['clinicName'], current: { clinicName: '悦颜·新名', opensAt: '08:30' } } } });
    const now = (await call('settings.get', {}, manager)) as { ok: true; value: typeof DEFAULT_SETTINGS };
    expect(now.value).toMatchObject({ clinicName: '悦颜·新名', opensAt: '08:30', idleLockMinutes: form.idleLockMinutes });

    // A key the other did not touch saves, and leaves the other's keys as they are.
    expect((await call('settings.update', { idleLockMinutes: 7, expected: { idleLockMinutes: form.idleLockMinutes } }, manager)).ok).toBe(true);
    const after = (await call('settings.get', {}, manager)) as { ok: true; value: typeof DEFAULT_SETTINGS };
    expect(after.value).toMatchObject({ clinicName: '悦颜·新名', opensAt: '08:30', idleLockMinutes: 7 });
  });
});
