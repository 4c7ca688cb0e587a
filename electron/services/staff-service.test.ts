/**
 * Staff administration through the dispatcher (issue 13 part 8): a manager adds a nurse with a
 * first PIN, she must change it before anything else; deactivating ends her sessions, keeps her
 * history and takes her off the pickers; a reset PIN must be changed again; managers' PINs have 6
 * digits; two managers editing one person: one wins, the other a 409; every change audited, and
 * the audit log filters by person, action, dates and record, served by indexes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract/index';
import type { StaffMember } from '../../shared/contract/staff';
import { auditPageQuery, type AuditFilter } from '../db/repositories/audit';
import { queryPlan } from '../../tests/helpers/query-plan';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import type { DispatchResult } from '../api/dispatcher';

let core: TestCore;
let managerId: number;
let manager: string;

beforeEach(async () => {
  core = await createTestCore();
  managerId = await addStaff(core, '何芳', 'manager');
  manager = await signIn(core, managerId);
});
afterEach(async () => {
  await core.close();
});

const call = (method: MethodName, input: unknown, token: string | null = manager): Promise<DispatchResult> => core.dispatcher.dispatch(method, input, caller(token));
async function value<T>(method: MethodName, input: unknown, token: string | null = manager): Promise<T> {
  const result = await call(method, input, token);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
const listed = async (id: number) => (await value<{ staff: StaffMember[] }>('staff.list', {})).staff.find((member) => member.id === id) as StaffMember;
async function addRoom(code: string, name: string): Promise<number> {
  const row = await core.database.db.insertInto('rooms').values({ code, name, name_en: `Room ${code}`, floor: 3, kind: 'consultation' }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
const addNurse = (pin = '2580') => value<StaffMember>('staff.create', { name: '林晓雯', role: 'nurse', specialty: null, roomIds: [], pin });

describe('adding a member of staff', () => {
  it('adds a nurse with rooms; her first PIN signs her in, but only to change it', async () => {
    const room = await addRoom('301', '3 楼咨询一室');
    const nurse = await value<StaffMember>('staff.create', { name: '林晓雯', role: 'nurse', roomIds: [room], pin: '2580' });
    expect(nurse).toMatchObject({ name: '林晓雯', role: 'nurse', active: true, mustChangePin: true, rooms: [{ id: room, name: '3 楼咨询一室' }] });
    expect((await value<{ id: number }[]>('auth.staff', {}, null)).map((member) => member.id)).toContain(nurse.id);

    const signedIn = await value<{ token: string; mustChangePin: boolean }>('auth.signIn', { staffId: nurse.id, pin: '2580' }, null);
    expect(signedIn.mustChangePin).toBe(true);
    const token = signedIn.token;
    expect(await value('auth.session', {}, token)).toMatchObject({ session: { mustChangePin: true, staff: { id: nurse.id } } });
    // The server refuses everything else until she has chosen her own PIN.
    expect(await call('visits.board', {}, token)).toMatchObject({ ok: false, status: 403, error: { code: 'forbidden' } });
    expect(await call('auth.changePin', { currentPin: '0000', newPin: '1357' }, token)).toMatchObject({ ok: false, error: { code: 'invalid', path: ['currentPin'] } });
    expect(await call('auth.changePin', { currentPin: '2580', newPin: '2580' }, token)).toMatchObject({ ok: false, error: { code: 'invalid', path: ['newPin'] } });
    expect(await value('auth.changePin', { currentPin: '2580', newPin: '1357' }, token)).toEqual({ ok: true });
    expect(await value('auth.session', {}, token)).toMatchObject({ session: { mustChangePin: false } });
    expect((await call('visits.board', {}, token)).ok).toBe(true);
    // The old PIN no longer works; the new one does, with nothing more to change.
    expect((await call('auth.signIn', { staffId: nurse.id, pin: '2580' }, null)).ok).toBe(false);
    expect(await value('auth.signIn', { staffId: nurse.id, pin: '1357' }, null)).toMatchObject({ mustChangePin: false });
    expect((await listed(nurse.id)).lastSignInAt).not.toBeNull();
  });

  it('names the field of what it refuses, and adds nothing', async () => {
    const before = (await value<{ staff: unknown[] }>('staff.list', {})).staff.length;
    // A manager's PIN has at least 6 digits.
    expect(await call('staff.create', { name: '王主管', role: 'manager', pin: '1234' })).toMatchObject({ ok: false, error: { code: 'invalid', path: ['pin'], message: "A manager's PIN has at least 6 digits" } });
    // A doctor needs a specialty; a name is at most 40 characters, said, not cut.
    expect(await call('staff.create', { name: '张医生', role: 'doctor', pin: '1234' })).toMatchObject({ ok: false, error: { path: ['specialty'] } });
    expect(await call('staff.create', { name: '林'.repeat(41), role: 'nurse', pin: '1234' })).toMatchObject({ ok: false, error: { path: ['name'] } });
    expect(await call('staff.create', { name: '林晓雯', role: 'nurse', roomIds: [999], pin: '1234' })).toMatchObject({ ok: false, error: { path: ['roomIds'] } });
    expect((await value<{ staff: unknown[] }>('staff.list', {})).staff.length).toBe(before);
    expect((await value<StaffMember>('staff.create', { name: '王主管', role: 'manager', pin: '123456' })).role).toBe('manager');
  });

  it('is for managers only', async () => {
    const reception = await signIn(core, await addStaff(core, '陈晓雨', 'reception'));
    expect(await call('staff.create', { name: '林晓雯', role: 'nurse', pin: '2580' }, reception)).toMatchObject({ ok: false, status: 403 });
    expect(await call('staff.list', {}, reception)).toMatchObject({ ok: false, status: 403 });
    expect(await call('audit.list', {}, reception)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('a specialty in English (issue 13 part 11)', () => {
  it('is kept beside the Chinese one, edited from the version read, refused when too long', async () => {
    const doctor = await value<StaffMember>('staff.create', { name: '欧阳娜娜', role: 'doctor', specialty: '眼部整形', specialtyEn: 'Eyelid surgery', roomIds: [], pin: '2580' });
    expect(await listed(doctor.id)).toMatchObject({ specialty: '眼部整形', specialtyEn: 'Eyelid surgery' });
    await value('staff.update', { id: doctor.id, expectedVersion: doctor.version, name: '欧阳娜娜', role: 'doctor', specialty: '眼部整形', specialtyEn: 'Oculoplastic surgery', roomIds: [] });
    expect(await listed(doctor.id)).toMatchObject({ specialtyEn: 'Oculoplastic surgery', version: doctor.version + 1 });
    // Too long: refused, naming the field, nothing changed.
    expect(await call('staff.update', { id: doctor.id, expectedVersion: doctor.version + 1, name: '欧阳娜娜', role: 'doctor', specialty: '眼部整形', specialtyEn: 'x'.repeat(500), roomIds: [] })).toMatchObject({ ok: false, error: { path: ['specialtyEn'] } });
    expect(await listed(doctor.id)).toMatchObject({ specialtyEn: 'Oculoplastic surgery' });
  });
});

describe('deactivating', () => {
  it('ends her sessions at once, refuses her sign-in, takes her off the pickers and keeps her history', async () => {
    const doctorId = await addStaff(core, '周医生', 'doctor');
    const doctor = await signIn(core, doctorId);
    const reception = await signIn(core, await addStaff(core, '陈晓雨', 'reception'));
    // A past record of hers: a customer she checked in as the doctor of the visit.
    const customer = await value<{ id: number }>('customers.create', { name: '王丽', phone: '13800138000' }, reception);
    await value('visits.checkIn', { walkIn: { customerId: customer.id, doctorId } }, reception);
    expect((await call('visits.board', {}, doctor)).ok).toBe(true);

    const member = await listed(doctorId);
    const after = await value<StaffMember>('staff.deactivate', { id: doctorId, expectedVersion: member.version });
    expect(after).toMatchObject({ active: false, deactivatedAt: core.clock.now().toISOString() });
    // Her open session ended: at once, not at the session cache's next refresh.
    expect(await value('auth.session', {}, doctor)).toEqual({ session: null });
    expect(await call('auth.signIn', { staffId: doctorId, pin: '1234' }, null)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Gone from the sign-in list and the doctor pickers …
    expect((await value<{ id: number }[]>('auth.staff', {}, null)).map((entry) => entry.id)).not.toContain(doctorId);
    const week = await value<{ doctors: { id: number }[]; weekStart: string }>('roster.week', { weekStart: '2026-11-30' });
    expect(week.doctors.map((entry) => entry.id)).not.toContain(doctorId);
    // … but still on the record she was part of.
    const board = await value<{ cards: { doctor: { id: number; name: string } | null }[] }>('visits.board', {}, reception);
    expect(board.cards[0]?.doctor).toEqual({ id: doctorId, name: '周医生' });
    // Audited with the record it touched and the sessions it ended.
    const audit = await value<{ entries: { method: string; target: string; diff: string; staff: { id: number } }[] }>('audit.list', { action: 'staff.deactivate' });
    expect(audit.entries[0]).toMatchObject({ method: 'staff.deactivate', target: `staff:${doctorId}`, staff: { id: managerId } });
    expect(JSON.parse(audit.entries[0]?.diff ?? '{}')).toEqual({ active: [1, 0], endedSessions: 1 });

    // Reactivated, she signs in again.
    await value('staff.reactivate', { id: doctorId, expectedVersion: after.version });
    expect((await call('auth.signIn', { staffId: doctorId, pin: '1234' }, null)).ok).toBe(true);
  });

  it('never deactivates the manager doing it, nor the last active manager', async () => {
    const me = await listed(managerId);
    expect(await call('staff.deactivate', { id: managerId, expectedVersion: me.version })).toMatchObject({ ok: false, status: 409, error: { path: ['id'] } });
    // Made a reception clerk, the only manager would leave the clinic without one.
    expect(await call('staff.update', { id: managerId, expectedVersion: me.version, name: '何芳', role: 'reception', specialty: null, roomIds: [] })).toMatchObject({ ok: false, status: 409, error: { message: 'The clinic must keep at least one active manager' } });
  });
});

describe('resetting a PIN', () => {
  it('ends her sessions and makes her change the new PIN at the next sign-in', async () => {
    const nurse = await addNurse();
    const token = (await value<{ token: string }>('auth.signIn', { staffId: nurse.id, pin: '2580' }, null)).token;
    await value('auth.changePin', { currentPin: '2580', newPin: '1357' }, token);
    const reset = await value<StaffMember>('staff.resetPin', { id: nurse.id, expectedVersion: (await listed(nurse.id)).version, pin: '8642' });
    expect(reset.mustChangePin).toBe(true);
    expect(await value('auth.session', {}, token)).toEqual({ session: null });
    expect(await value('auth.signIn', { staffId: nurse.id, pin: '8642' }, null)).toMatchObject({ mustChangePin: true });
    // The audit row keeps no PIN.
    const audit = await value<{ entries: { diff: string }[] }>('audit.list', { action: 'staff.resetPin' });
    expect(audit.entries[0]?.diff).not.toContain('8642');
  });

  it('gives a manager at least 6 digits', async () => {
    const other = await value<StaffMember>('staff.create', { name: '王主管', role: 'manager', pin: '123456' });
    expect(await call('staff.resetPin', { id: other.id, expectedVersion: other.version, pin: '1234' })).toMatchObject({ ok: false, error: { code: 'invalid', path: ['pin'] } });
    const token = (await value<{ token: string }>('auth.signIn', { staffId: other.id, pin: '123456' }, null)).token;
    expect(await call('auth.changePin', { currentPin: '123456', newPin: '2468' }, token)).toMatchObject({ ok: false, error: { code: 'invalid', path: ['newPin'] } });
  });
});

describe('two managers editing one person', () => {
  it('lets the first save win and tells the second who saved first (409), changing nothing', async () => {
    const second = await signIn(core, await addStaff(core, '王主管', 'manager'));
    const nurse = await addNurse();
    await value('staff.update', { id: nurse.id, expectedVersion: nurse.version, name: '林晓雯', role: 'nurse', specialty: '输液', roomIds: [] });
    const stale = await call('staff.update', { id: nurse.id, expectedVersion: nurse.version, name: '林小雯', role: 'nurse', specialty: null, roomIds: [] }, second);
    expect(stale).toMatchObject({ ok: false, status: 409, error: { code: 'conflict', message: '何芳 has just changed this member of staff; look at their change, then save again' } });
    expect(await listed(nurse.id)).toMatchObject({ name: '林晓雯', specialty: '输液', version: nurse.version + 1 });
    expect(await call('staff.deactivate', { id: nurse.id, expectedVersion: nurse.version }, second)).toMatchObject({ ok: false, status: 409 });
  });
});

describe('the audit log', () => {
  it('filters by person, action, dates and record, newest first, paginated', async () => {
    const nurse = await addNurse();
    const reception = await addStaff(core, '陈晓雨', 'reception');
    await signIn(core, reception);
    core.clock.advance(24 * 3_600_000);
    manager = await signIn(core, managerId);
    await value('staff.update', { id: nurse.id, expectedVersion: nurse.version, name: '林晓雯', role: 'nurse', specialty: '输液', roomIds: [] });

    const all = await value<{ total: number; entries: { method: string; at: string }[] }>('audit.list', {});
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(all.entries.map((entry) => entry.at)).toEqual([...all.entries.map((entry) => entry.at)].sort().reverse());
    const byPerson = await value<{ entries: { method: string }[] }>('audit.list', { staffId: reception });
    expect(byPerson.entries.map((entry) => entry.method)).toEqual(['auth.signIn']);
    expect((await value<{ entries: { method: string }[] }>('audit.list', { action: 'auth.signIn' })).entries).toHaveLength(3);
    const byDomain = await value<{ entries: { method: string }[] }>('audit.list', { action: 'staff' });
    expect(byDomain.entries.map((entry) => entry.method)).toEqual(['staff.update', 'staff.create']);
    const today = new Date(core.clock.now()).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const onlyToday = await value<{ entries: { method: string }[] }>('audit.list', { from: today, to: today });
    expect(onlyToday.entries.map((entry) => entry.method)).toEqual(['staff.update', 'auth.signIn']);
    const byRecord = await value<{ total: number }>('audit.list', { target: `staff:${nurse.id}` });
    expect(byRecord.total).toBe(2);
    const page2 = await value<{ entries: unknown[]; total: number }>('audit.list', { page: 2, pageSize: 10 });
    expect(page2.entries).toHaveLength(Math.max(0, all.total - 10));
    expect(await call('audit.list', { from: '2026-12-05', to: '2026-12-01' })).toMatchObject({ ok: false, error: { path: ['to'] } });
  });

  it('serves a person’s, an action’s, a record’s and a day’s entries from their indexes', () => {
    const { db, sqlite } = core.database;
    const plan = (filter: AuditFilter) => queryPlan(sqlite, auditPageQuery(db, filter, { offset: 0, limit: 50 })).join(' | ');
    expect(plan({ staffId: 1, since: '2026-01-01' })).toMatch(/USING INDEX audit_by_staff/);
    expect(plan({ action: 'staff' })).toMatch(/USING INDEX audit_by_method/);
    expect(plan({ target: 'visit:7' })).toMatch(/USING INDEX audit_by_target/);
    expect(plan({ since: '2026-12-01', until: '2026-12-02' })).toMatch(/USING INDEX audit_by_time/);
    // One action, not a domain: a domain is a range of methods, whose rows the page then sorts by time.
    for (const filter of [{ staffId: 1 }, { action: 'staff.create' }, { target: 'visit:7' }, { since: '2026-12-01' }]) expect(plan(filter)).not.toMatch(/TEMP B-TREE|SCAN a/);
  });
});
