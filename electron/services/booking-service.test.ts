import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, caller, countRows, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';

// Monday 2026-11-23, 10:00 in Beijing.
const NOW = '2026-11-23T02:00:00.000Z';
let core: TestCore;
let reception: string;
let manager: string;
let doctorId: number;
let otherDoctorId: number;
let customerId: number;
let secondCustomerId: number;
let roomId: number;

async function call<T = Record<string, unknown>>(method: string, input: unknown, token = reception) {
  return core.dispatcher.dispatch(method, input, caller(token)) as Promise<
    { ok: true; value: T } | { ok: false; status: number; error: { code: string; message: string; path?: unknown[]; details?: Record<string, unknown> } }
  >;
}

async function book(overrides: Record<string, unknown> = {}, token = reception) {
  return call<{ id: number; version: number; status: string; room: { name: string } | null }>(
    'appointments.create',
    { customerId, doctorId, kind: 'consultation', channel: 'phone', date: '2026-11-24', time: '10:00', durationMinutes: 30, ...overrides },
    token,
  );
}

beforeEach(async () => {
  core = await createTestCore({ now: NOW });
  const db = core.database.db;
  reception = await signIn(core, await addStaff(core, '陈晓雨', 'reception'));
  manager = await signIn(core, await addStaff(core, '何芳', 'manager'));
  doctorId = await addStaff(core, '李慧', 'doctor');
  otherDoctorId = await addStaff(core, '张振宇', 'doctor');
  roomId = (await db.insertInto('rooms').values({ code: '301', name: '3 楼咨询一室', name_en: 'Consultation 3-1', floor: 3, kind: 'consultation' }).returning('id').executeTakeFirstOrThrow()).id;
  // Both doctors work Monday to Saturday, 09:00–17:30 (weekday 1 = Monday).
  for (const id of [doctorId, otherDoctorId]) {
    for (let weekday = 1; weekday <= 6; weekday += 1) {
      await sql`insert into shift_templates (doctor_id, weekday, start_time, end_time, room_id, updated_at) values (${id}, ${weekday}, '09:00', '17:30', ${roomId}, ${NOW})`.execute(db);
    }
  }
  const customer = (name: string, phone: string, addressForm: string) =>
    db.insertInto('customers').values({ name, phone, address_form: addressForm, gender: 'female', birth_year: 1990, channel: 'phone', created_at: NOW, updated_at: NOW }).returning('id').executeTakeFirstOrThrow();
  customerId = (await customer('王丽', '13800138000', '王姐')).id;
  secondCustomerId = (await customer('李娜', '13900139000', '李女士')).id;
});
afterEach(() => core.close());

describe('booking', () => {
  it('books inside the shift, in the doctor’s room, audited and announced', async () => {
    const notices: string[] = [];
    core.events.subscribe((notice) => notices.push(notice.name));
    const audit = await countRows(core, 'audit_log');
    const result = await book();
    expect(result).toMatchObject({ ok: true, value: { status: 'booked', room: { name: '3 楼咨询一室' } } });
    expect(await countRows(core, 'audit_log')).toBe(audit + 1);
    expect(notices).toEqual(['appointments.changed']);
    const day = await call<{ appointments: { startsAt: string }[] }>('appointments.listDay', { date: '2026-11-24' });
    expect(day.ok && day.value.appointments.map((row) => row.startsAt)).toEqual(['2026-11-24T02:00:00.000Z']);
  });

  it('refuses a time outside the shift with a message naming the hours, and writes nothing', async () => {
    const before = await countRows(core, 'appointments');
    const result = await book({ time: '17:15' });
    expect(result).toMatchObject({ ok: false, status: 409, error: { code: 'conflict', path: ['time'], message: 'Outside Dr 李慧\'s hours (09:00–17:30)' } });
    expect(await countRows(core, 'appointments')).toBe(before);
  });

  it('refuses an overlap, naming the booking it clashes with', async () => {
    await book();
    const clash = await book({ customerId: secondCustomerId, time: '10:15' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict', message: "Clashes with Dr 李慧's booking 10:00–10:30 (王姐)" } });
    // Back to back is fine, and so is the other doctor at the same time.
    expect((await book({ customerId: secondCustomerId, time: '10:30' })).ok).toBe(true);
    expect((await book({ customerId: secondCustomerId, time: '10:15', doctorId: otherDoctorId })).ok).toBe(true);
  });

  it('lets only a manager override, and records the override in the audit row', async () => {
    const asReception = await book({ time: '18:00', override: true });
    expect(asReception).toMatchObject({ ok: false, status: 403, error: { code: 'forbidden', path: ['override'] } });
    const asManager = await book({ time: '18:00', override: true }, manager);
    expect(asManager).toMatchObject({ ok: true });
    const row = await core.database.db.selectFrom('audit_log').select(['method', 'diff']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row.method).toBe('appointments.create');
    expect(JSON.parse(row.diff)).toMatchObject({ override: { kind: 'outsideShift', shiftStart: '09:00', shiftEnd: '17:30' } });
    const detail = await call<{ overridden: boolean }>('appointments.get', { id: asManager.ok ? (asManager.value as { id: number }).id : 0 });
    expect(detail).toMatchObject({ ok: true, value: { overridden: true } });
  });

  it('refuses an absent doctor and a time before a late doctor arrives', async () => {
    const managerId = (await core.database.db.selectFrom('staff').select('id').where('role', '=', 'manager').executeTakeFirstOrThrow()).id;
    await sql`insert into roster_confirmations (date, doctor_id, status, late_until, confirmed_by, confirmed_at) values ('2026-11-24', ${doctorId}, 'absent', null, ${managerId}, ${NOW}), ('2026-11-24', ${otherDoctorId}, 'late', '11:00', ${managerId}, ${NOW})`.execute(core.database.db);
    expect(await book()).toMatchObject({ ok: false, error: { message: 'Dr 李慧 is absent today and cannot be booked' } });
    expect(await book({ doctorId: otherDoctorId, time: '10:30' })).toMatchObject({ ok: false, error: { message: 'Dr 张振宇 arrives at 11:00 today; book after that' } });
    expect((await book({ doctorId: otherDoctorId, time: '11:00' })).ok).toBe(true);
  });

  it('refuses a day the doctor does not work (Sunday) and a non-doctor', async () => {
    expect(await book({ date: '2026-11-29' })).toMatchObject({ ok: false, error: { message: 'Dr 李慧 is not on shift on 2026-11-29' } });
    const nurse = await addStaff(core, '郑丽', 'nurse');
    expect(await book({ doctorId: nurse })).toMatchObject({ ok: false, error: { code: 'invalid', path: ['doctorId'] } });
  });
});

describe('changing a booking', () => {
  it('reschedules by the same rules, and needs confirming again', async () => {
    const booked = await book();
    if (!booked.ok) throw new Error(booked.error.message);
    const { id, version } = booked.value;
    await core.database.db.updateTable('appointments').set({ status: 'confirmed' }).where('id', '=', id).execute();
    const stale = await call('appointments.reschedule', { id, expectedVersion: version + 5, date: '2026-11-25', time: '14:00' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const moved = await call<{ startsAt: string; status: string; version: number }>('appointments.reschedule', { id, expectedVersion: version, date: '2026-11-25', time: '14:00' });
    expect(moved).toMatchObject({ ok: true, value: { startsAt: '2026-11-25T06:00:00.000Z', status: 'booked', version: version + 1 } });
    const outside = await call('appointments.reschedule', { id, expectedVersion: version + 1, date: '2026-11-25', time: '08:00' });
    expect(outside).toMatchObject({ ok: false, error: { code: 'conflict', path: ['time'] } });
  });

  it('cancels with a reason once; a second cancel names the status', async () => {
    const booked = await book();
    if (!booked.ok) throw new Error(booked.error.message);
    const noReason = await call('appointments.cancel', { id: booked.value.id, expectedVersion: booked.value.version, reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid', path: ['reason'] } });
    const cancelled = await call<{ status: string; cancelReason: string; version: number }>('appointments.cancel', { id: booked.value.id, expectedVersion: booked.value.version, reason: '出差' });
    expect(cancelled).toMatchObject({ ok: true, value: { status: 'cancelled', cancelReason: '出差' } });
    const again = await call('appointments.cancel', { id: booked.value.id, expectedVersion: booked.value.version + 1, reason: '出差' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: 'This appointment is "Cancelled" and cannot be cancelled' } });
    // The freed time can be booked again.
    expect((await book({ customerId: secondCustomerId })).ok).toBe(true);
  });

  it('marks a no-show (reception), but a guide may not', async () => {
    const booked = await book({ date: '2026-11-23', time: '10:30' });
    if (!booked.ok) throw new Error(booked.error.message);
    const guide = await signIn(core, await addStaff(core, '赵敏', 'guide'));
    // 10:45 in Beijing: the 10:30 appointment's time has come and gone.
    core.clock.set('2026-11-23T02:45:00.000Z');
    expect(await call('appointments.markNoShow', { id: booked.value.id, expectedVersion: booked.value.version }, guide)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('appointments.markNoShow', { id: booked.value.id, expectedVersion: booked.value.version })).toMatchObject({ ok: true, value: { status: 'no_show' } });
  });

  it('refuses a no-show before the appointment’s time, naming it, and changes nothing (issue 13 part 4)', async () => {
    const booked = await book();
    if (!booked.ok) throw new Error(booked.error.message);
    const audit = await countRows(core, 'audit_log');
    // Monday 10:00: tomorrow's booking cannot have been missed yet; nor can it at 09:59 on the day.
    const early = await call('appointments.markNoShow', { id: booked.value.id, expectedVersion: booked.value.version });
    expect(early).toMatchObject({ ok: false, status: 400, error: { code: 'invalid', path: ['id'], message: 'The appointment is at 10:00 on 2026-11-24: it can be marked a no-show only after that' } });
    // Today's 10:30 one, at 10:29: not yet either; at 10:30 it may be.
    const soon = await book({ date: '2026-11-23', time: '10:30' });
    if (!soon.ok) throw new Error(soon.error.message);
    core.clock.set('2026-11-23T02:29:00.000Z');
    expect(await call('appointments.markNoShow', { id: soon.value.id, expectedVersion: soon.value.version })).toMatchObject({ ok: false, error: { code: 'invalid', path: ['id'] } });
    expect(await countRows(core, 'audit_log')).toBe(audit + 1);
    expect(await call('appointments.get', { id: booked.value.id })).toMatchObject({ ok: true, value: { status: 'booked', version: booked.value.version } });
    core.clock.set('2026-11-23T02:30:00.000Z');
    expect(await call('appointments.markNoShow', { id: soon.value.id, expectedVersion: soon.value.version })).toMatchObject({ ok: true, value: { status: 'no_show' } });
  });

  it('refuses a booking for a time already past today, naming the time, in the clinic’s zone (issue 13 part 4)', async () => {
    const before = await countRows(core, 'appointments');
    // It is 10:00 on Monday in Beijing (02:00 UTC): 09:30 today is gone, an earlier day is gone.
    const earlier = await book({ date: '2026-11-23', time: '09:30' });
    expect(earlier).toMatchObject({ ok: false, status: 400, error: { code: 'invalid', path: ['time'], message: 'The time 09:30 has already passed (it is 10:00); choose a later time' } });
    const yesterday = await book({ date: '2026-11-22', time: '15:00' });
    expect(yesterday).toMatchObject({ ok: false, error: { code: 'invalid', path: ['date'], message: 'The date 2026-11-22 has already passed (today is 2026-11-23); choose a later one' } });
    // A manager's override is for the roster and clashes, not for the past.
    expect(await book({ date: '2026-11-23', time: '09:30', override: true }, manager)).toMatchObject({ ok: false, error: { code: 'invalid', path: ['time'] } });
    expect(await countRows(core, 'appointments')).toBe(before);
    // In Chinese too, and the minute now running and later ones are fine.
    const zh = await core.dispatcher.dispatch('appointments.create', { customerId, doctorId, kind: 'consultation', channel: 'phone', date: '2026-11-23', time: '09:45', durationMinutes: 15 }, caller(reception, 'zh-CN'));
    expect(zh).toMatchObject({ ok: false, error: { message: '时间 09:45 已经过去（现在 10:00），请选择之后的时间' } });
    expect((await book({ date: '2026-11-23', time: '10:00' })).ok).toBe(true);
    expect((await book({ date: '2026-11-23', time: '11:00', customerId: secondCustomerId })).ok).toBe(true);
  });

  it('refuses moving a booking into the past', async () => {
    const booked = await book();
    if (!booked.ok) throw new Error(booked.error.message);
    const moved = await call('appointments.reschedule', { id: booked.value.id, expectedVersion: booked.value.version, date: '2026-11-23', time: '08:00' });
    expect(moved).toMatchObject({ ok: false, error: { code: 'invalid', path: ['time'] } });
  });

  it('refuses every act on an appointment no longer open with the one conflict naming its status, and changes nothing', async () => {
    const booked = await book({ date: '2026-11-23', time: '10:30' });
    if (!booked.ok) throw new Error(booked.error.message);
    const { id } = booked.value;
    core.clock.set('2026-11-23T02:45:00.000Z');
    const noShow = await call<{ version: number }>('appointments.markNoShow', { id, expectedVersion: booked.value.version });
    if (!noShow.ok) throw new Error(noShow.error.message);
    const expectedVersion = noShow.value.version;
    const refusal = (action: string) => ({
      ok: false,
      status: 409,
      error: { code: 'conflict', message: `This appointment is "No-show" and cannot be ${action}`, details: { appointmentId: id, status: 'no_show' } },
    });
    const audit = await countRows(core, 'audit_log');
    expect(await call('appointments.reschedule', { id, expectedVersion, date: '2026-11-25', time: '14:00' })).toMatchObject(refusal('rescheduled'));
    expect(await call('appointments.cancel', { id, expectedVersion, reason: '出差' })).toMatchObject(refusal('cancelled'));
    expect(await call('appointments.markNoShow', { id, expectedVersion })).toMatchObject(refusal('marked as a no-show'));
    expect(await call('appointments.recordCall', { id, expectedVersion, outcome: 'confirmed' })).toMatchObject(refusal('confirmed by phone'));
    const detail = await call<{ status: string; version: number; calls: unknown[] }>('appointments.get', { id });
    expect(detail).toMatchObject({ ok: true, value: { status: 'no_show', version: expectedVersion, calls: [] } });
    expect(await countRows(core, 'audit_log')).toBe(audit);
  });
});

describe('confirmation calls', () => {
  it("lists tomorrow's unconfirmed bookings with phone, address form and a ready message", async () => {
    await book();
    const other = await book({ customerId: secondCustomerId, time: '11:00' });
    if (!other.ok) throw new Error(other.error.message);
    await core.database.db.updateTable('appointments').set({ status: 'confirmed' }).where('id', '=', other.value.id).execute();
    const list = await call<{ date: string; entries: { phone: string; appointment: { customer: { addressForm: string } }; message: { zh: string; en: string } }[] }>('appointments.callList', {});
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.date).toBe('2026-11-24');
    expect(list.value.entries).toHaveLength(1);
    expect(list.value.entries[0]).toMatchObject({ phone: '13800138000', appointment: { customer: { addressForm: '王姐' } } });
    expect(list.value.entries[0]!.message.zh).toBe('王姐您好，这里是悦颜医疗美容门诊部。提醒您：11月24日（周二）10:00与李慧医生有预约，地点3 楼咨询一室。如需改期请来电，谢谢！');
    expect(list.value.entries[0]!.message.en).toContain('Tue 24/11 at 10:00 with Dr 李慧');
  });

  it('records outcomes: no answer stays on the list, confirmed leaves it, both logged', async () => {
    const booked = await book();
    if (!booked.ok) throw new Error(booked.error.message);
    const { id, version } = booked.value;
    expect((await call('appointments.recordCall', { id, expectedVersion: version, outcome: 'no_answer' })).ok).toBe(true);
    let list = await call<{ entries: { attempts: number; lastOutcome: string }[] }>('appointments.callList', {});
    expect(list.ok && list.value.entries[0]).toMatchObject({ attempts: 1, lastOutcome: 'no_answer' });
    const confirmed = await call<{ status: string; confirmedBy: string; calls: unknown[] }>('appointments.recordCall', { id, expectedVersion: version, outcome: 'confirmed' });
    expect(confirmed).toMatchObject({ ok: true, value: { status: 'confirmed', confirmedBy: '陈晓雨' } });
    expect(confirmed.ok && confirmed.value.calls).toHaveLength(2);
    list = await call('appointments.callList', {});
    expect(list.ok && list.value.entries).toEqual([]);
  });

  it('needs the new time for "rescheduled" and a reason for "cancelled"', async () => {
    const booked = await book();
    if (!booked.ok) throw new Error(booked.error.message);
    const { id, version } = booked.value;
    expect(await call('appointments.recordCall', { id, expectedVersion: version, outcome: 'rescheduled' })).toMatchObject({ ok: false, error: { code: 'invalid', path: ['newTime'] } });
    expect(await call('appointments.recordCall', { id, expectedVersion: version, outcome: 'cancelled' })).toMatchObject({ ok: false, error: { code: 'invalid', path: ['note'] } });
    const moved = await call<{ status: string; startsAt: string }>('appointments.recordCall', { id, expectedVersion: version, outcome: 'rescheduled', newDate: '2026-11-26', newTime: '15:00' });
    expect(moved).toMatchObject({ ok: true, value: { status: 'confirmed', startsAt: '2026-11-26T07:00:00.000Z' } });
  });

  it('two clerks recording a call on one booking: one wins, the other gets a conflict', async () => {
    const booked = await book();
    if (!booked.ok) throw new Error(booked.error.message);
    const other = await signIn(core, await addStaff(core, '林佳', 'reception'));
    const [first, second] = await Promise.all([
      call('appointments.recordCall', { id: booked.value.id, expectedVersion: booked.value.version, outcome: 'confirmed' }),
      call('appointments.recordCall', { id: booked.value.id, expectedVersion: booked.value.version, outcome: 'cancelled', note: '不来了' }, other),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first, second].find((result) => !result.ok)).toMatchObject({ error: { code: 'conflict' } });
    expect(await countRows(core, 'appointments')).toBe(1);
  });
});
