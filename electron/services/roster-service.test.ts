/**
 * The morning confirmation as reception uses it, through the dispatcher against a real SQLite:
 * what an absent or late doctor puts at risk, moving an appointment to a colleague, refusals that
 * name the clash, two desks confirming the same doctor, and who may do what.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caller, createTestCore, signIn, addStaff, type TestCore } from '../../tests/helpers/test-core';
import { insertStaff } from '../db/repositories/staff';
import { hashPin } from './pin-hash';
import { resolveDayShifts } from './roster-service';

const DAY = '2026-11-23'; // a Monday; the test clock stands at 10:00 Beijing time that day.
let core: TestCore;
let clerk: string;
let rooms: Record<string, number>;
let doctors: Record<'li' | 'wang' | 'zhang' | 'skin', number>;

async function call<T = unknown>(method: string, input: unknown, token = clerk): Promise<T> {
  const result = await core.dispatcher.dispatch(method, input, caller(token));
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}

async function refusal(method: string, input: unknown, token = clerk) {
  const result = await core.dispatcher.dispatch(method, input, caller(token));
  if (result.ok) throw new Error(`${method} was expected to fail`);
  return result.error;
}

async function addDoctor(name: string, specialty: string): Promise<number> {
  return insertStaff(core.database.db, { name, role: 'doctor', specialty, pin_hash: await hashPin('1234'), locked_until: null, created_at: 'x' });
}

let customerCount = 0;
/** Books `time` (Beijing) for `minutes` with a doctor; returns the appointment id. */
async function book(doctorId: number, time: string, minutes = 30, addressForm = '王女士'): Promise<number> {
  customerCount += 1;
  const db = core.database.db;
  const customer = await db
    .insertInto('customers')
    .values({ name: `顾客${customerCount}`, address_form: addressForm, phone: `1380000${String(customerCount).padStart(4, '0')}`, created_at: 'x', updated_at: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const startsAt = new Date(Date.UTC(2026, 10, 23, hour - 8, minute)).toISOString();
  const row = await db
    .insertInto('appointments')
    .values({ customer_id: customer.id, doctor_id: doctorId, room_id: null, kind: 'consultation', channel: 'phone', starts_at: startsAt, duration_minutes: minutes, status: 'booked', created_at: 'x', updated_at: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeEach(async () => {
  core = await createTestCore({ now: '2026-11-23T00:30:00.000Z' });
  const db = core.database.db;
  rooms = {};
  for (const code of ['301', '302', '303', '401']) {
    const row = await db.insertInto('rooms').values({ code, name: code, name_en: code, floor: 3, kind: 'consultation' }).returning('id').executeTakeFirstOrThrow();
    rooms[code] = row.id;
  }
  doctors = {
    li: await addDoctor('李慧', '眼部整形'),
    wang: await addDoctor('王芳', '眼部整形'),
    zhang: await addDoctor('张振宇', '眼部整形'),
    skin: await addDoctor('黄静怡', '皮肤美容'),
  };
  const manager = await signIn(core, await addStaff(core, '何芳', 'manager'));
  const plan: [number, string, string, string][] = [
    [doctors.li, '09:00', '17:30', '301'],
    [doctors.wang, '09:00', '17:30', '302'],
    [doctors.zhang, '13:00', '17:30', '303'],
    [doctors.skin, '09:00', '17:30', '401'],
  ];
  for (const [doctorId, start, end, room] of plan) {
    await call('roster.setTemplate', { doctorId, weekday: 1, expected: null, shift: { start, end, roomId: rooms[room] } }, manager);
  }
  clerk = await signIn(core, await addStaff(core, '陈晓雨', 'reception'));
});
afterEach(() => core.close());

interface Affected { id: number; arrival?: { ticket: string } | null; candidates: { doctorId: number; name: string }[] }
interface Confirmed { confirmation: { status: string; confirmedAt: string; confirmedBy: { name: string } }; affected: Affected[] }

describe('morning confirmation', () => {
  it('an absent doctor lists exactly their appointments still holding time, with free colleagues of the same specialty', async () => {
    const early = await book(doctors.li, '09:00');
    const noon = await book(doctors.li, '11:30');
    const late = await book(doctors.li, '15:00');
    const cancelled = await book(doctors.li, '16:00');
    await core.database.db.updateTable('appointments').set({ status: 'cancelled' }).where('id', '=', cancelled).execute();
    await book(doctors.wang, '11:30'); // 王芳 is busy at 11:30
    await book(doctors.skin, '09:00'); // another doctor's appointment is not affected

    const result = await call<Confirmed>('roster.confirm', { date: DAY, doctorId: doctors.li, status: 'absent' });

    expect(result.confirmation.status).toBe('absent');
    expect(result.confirmation.confirmedBy.name).toBe('陈晓雨');
    expect(result.affected.map((row) => row.id)).toEqual([early, noon, late]);
    const names = (id: number) => result.affected.find((row) => row.id === id)?.candidates.map((c) => c.name);
    expect(names(early)).toEqual(['王芳']); // 张振宇 starts at 13:00; 黄静怡 is another specialty
    expect(names(noon)).toEqual([]); // 王芳 has her own 11:30
    expect(names(late)).toEqual(['王芳', '张振宇']);
  });

  it('a late doctor lists only the appointments starting before the arrival time', async () => {
    await book(doctors.li, '09:00');
    const beforeTen = await book(doctors.li, '09:45');
    const atTen = await book(doctors.li, '10:00');
    const first = (await call<{ doctors: { doctor: { id: number }; affected: Affected[] }[] }>('roster.today', {})).doctors;
    expect(first.find((row) => row.doctor.id === doctors.li)?.affected).toEqual([]);

    const result = await call<Confirmed>('roster.confirm', { date: DAY, doctorId: doctors.li, status: 'late', lateUntil: '10:00' });
    expect(result.affected.map((row) => row.id)).toHaveLength(2);
    expect(result.affected.map((row) => row.id)).toContain(beforeTen);
    expect(result.affected.map((row) => row.id)).not.toContain(atTen);
    expect((await call<Confirmed>('roster.confirm', { date: DAY, doctorId: doctors.wang, status: 'present' })).affected).toEqual([]);
  });

  it('a second desk confirming the same doctor gets a conflict unless it changes the confirmation it saw', async () => {
    const first = await call<Confirmed>('roster.confirm', { date: DAY, doctorId: doctors.li, status: 'present' });
    const otherDesk = await signIn(core, await addStaff(core, '林佳', 'reception'));
    const clash = await refusal('roster.confirm', { date: DAY, doctorId: doctors.li, status: 'absent' }, otherDesk);
    expect(clash.code).toBe('conflict');
    expect(clash.message).toContain('陈晓雨');

    core.clock.advance(60_000);
    const changed = await call<Confirmed>(
      'roster.confirm',
      { date: DAY, doctorId: doctors.li, status: 'absent', expectedConfirmedAt: first.confirmation.confirmedAt },
      otherDesk,
    );
    expect(changed.confirmation.status).toBe('absent');
    expect(changed.confirmation.confirmedBy.name).toBe('林佳');
    const today = await call<{ confirmedCount: number }>('roster.today', { date: DAY });
    expect(today.confirmedCount).toBe(1);
  });

  it('a guide reads the roster but cannot confirm a doctor or move an appointment', async () => {
    const guide = await signIn(core, await addStaff(core, '赵敏', 'guide'));
    const appointment = await book(doctors.li, '09:00');
    expect((await call<{ doctors: unknown[] }>('roster.today', { date: DAY }, guide)).doctors).toHaveLength(4);
    expect((await refusal('roster.confirm', { date: DAY, doctorId: doctors.li, status: 'present' }, guide)).code).toBe('forbidden');
    expect((await refusal('roster.moveAppointment', { appointmentId: appointment, toDoctorId: doctors.wang }, guide)).code).toBe('forbidden');
    // Weekly templates are a manager's: reception may not set them either.
    expect((await refusal('roster.setTemplate', { doctorId: doctors.li, weekday: 2, expected: null, shift: null })).code).toBe('forbidden');
  });
});

describe('moving an affected appointment', () => {
  it('moves it to a free colleague of the same specialty: both doctors’ days change and it takes the new room', async () => {
    const appointment = await book(doctors.li, '09:00');
    await call('roster.confirm', { date: DAY, doctorId: doctors.li, status: 'absent' });
    const moved = await call<{ roomId: number; version: number }>('roster.moveAppointment', { appointmentId: appointment, toDoctorId: doctors.wang });
    expect(moved.roomId).toBe(rooms['302']);
    expect(moved.version).toBe(2);

    const day = await call<{ appointments: { id: number; doctor: { id: number } | null; room: { id: number } | null }[] }>('appointments.listDay', { date: DAY });
    const row = day.appointments.find((candidate) => candidate.id === appointment);
    expect(row?.doctor?.id).toBe(doctors.wang);
    expect(row?.room?.id).toBe(rooms['302']);
    const today = await call<{ doctors: { doctor: { id: number }; appointmentCount: number; affected: Affected[] }[] }>('roster.today', { date: DAY });
    expect(today.doctors.find((row) => row.doctor.id === doctors.li)).toMatchObject({ appointmentCount: 0, affected: [] });
    expect(today.doctors.find((row) => row.doctor.id === doctors.wang)?.appointmentCount).toBe(1);
    expect((await resolveDayShifts(core.database.db, DAY)).map((shift) => shift.doctorId)).toContain(doctors.wang);

    const events = await core.database.db.selectFrom('audit_log').select(['method', 'target']).where('method', '=', 'roster.moveAppointment').execute();
    expect(events).toEqual([{ method: 'roster.moveAppointment', target: `appointment:${appointment}` }]);
  });

  it('refuses another specialty, a doctor not on shift yet, and a clash, naming why', async () => {
    const appointment = await book(doctors.li, '10:00');
    await book(doctors.wang, '09:45', 30, '赵姐');

    const otherSpecialty = await refusal('roster.moveAppointment', { appointmentId: appointment, toDoctorId: doctors.skin });
    expect(otherSpecialty).toMatchObject({ code: 'conflict' });
    expect(otherSpecialty.message).toContain('皮肤美容');

    const notYet = await refusal('roster.moveAppointment', { appointmentId: appointment, toDoctorId: doctors.zhang });
    expect(notYet.code).toBe('conflict');
    expect(notYet.message).toContain('13:00');

    const clash = await refusal('roster.moveAppointment', { appointmentId: appointment, toDoctorId: doctors.wang });
    expect(clash.code).toBe('conflict');
    expect(clash.message).toContain('09:45');
    expect(clash.message).toContain('赵姐');

    await call('roster.confirm', { date: DAY, doctorId: doctors.zhang, status: 'absent' });
    const later = await book(doctors.li, '15:00');
    expect((await refusal('roster.moveAppointment', { appointmentId: later, toDoctorId: doctors.zhang })).message).toContain('absent');
  });

  it('refuses to move an appointment no longer open, or to put it on the call list, with the one conflict naming its status', async () => {
    const appointment = await book(doctors.li, '09:00');
    await call('roster.confirm', { date: DAY, doctorId: doctors.li, status: 'absent' });
    await core.database.db.updateTable('appointments').set({ status: 'cancelled' }).where('id', '=', appointment).execute();
    const refused = (action: string) => ({
      ok: false,
      status: 409,
      error: { code: 'conflict', message: `This appointment is "Cancelled" and cannot be ${action}`, details: { appointmentId: appointment, status: 'cancelled' } },
    });
    expect(await core.dispatcher.dispatch('roster.moveAppointment', { appointmentId: appointment, toDoctorId: doctors.wang }, caller(clerk))).toMatchObject(refused('moved to another doctor'));
    expect(await core.dispatcher.dispatch('roster.toCallList', { appointmentId: appointment }, caller(clerk))).toMatchObject(refused('put on the call list to reschedule'));
    const row = await core.database.db.selectFrom('appointments').select(['doctor_id', 'needs_reschedule', 'version']).where('id', '=', appointment).executeTakeFirstOrThrow();
    expect(row).toEqual({ doctor_id: doctors.li, needs_reschedule: 0, version: 1 });
  });

  it('puts an appointment on the call list to reschedule', async () => {
    const appointment = await book(doctors.li, '09:00');
    const affected = await call<Confirmed>('roster.confirm', { date: DAY, doctorId: doctors.li, status: 'absent' });
    expect(affected.affected[0]).toMatchObject({ id: appointment, needsReschedule: false });
    await call('roster.toCallList', { appointmentId: appointment });
    const row = await core.database.db.selectFrom('appointments').select(['needs_reschedule', 'version']).where('id', '=', appointment).executeTakeFirstOrThrow();
    expect(row).toEqual({ needs_reschedule: 1, version: 2 });
    const today = await call<{ doctors: { doctor: { id: number }; affected: { needsReschedule: boolean }[] }[] }>('roster.today', { date: DAY });
    expect(today.doctors.find((doctor) => doctor.doctor.id === doctors.li)?.affected[0]?.needsReschedule).toBe(true);
  });
});

describe('customers already here (issue 13 part 3)', () => {
  /** Checks an appointment in and moves its visit along `path`; returns the visit. */
  async function arrive(appointmentId: number, path: string[]): Promise<{ visitId: number; ticket: string }> {
    const visit = await call<{ visitId: number; ticket: string }>('visits.checkIn', { appointmentId });
    for (const to of path) await call('visits.transition', { visitId: visit.visitId, to });
    return visit;
  }

  it('lists only customers still to be seen: not those called, on the way, with the doctor or done', async () => {
    const notYet = await book(doctors.li, '09:00');
    const waiting = await book(doctors.li, '09:30');
    const called = await book(doctors.li, '10:00');
    const escorting = await book(doctors.li, '10:30');
    const inConsultation = await book(doctors.li, '11:00');
    const done = await book(doctors.li, '11:30');
    const lobby = await arrive(waiting, []);
    await arrive(called, ['called']);
    await arrive(escorting, ['called', 'escorting']);
    await arrive(inConsultation, ['called', 'in_consultation']);
    await arrive(done, ['called', 'in_consultation', 'done']);

    const result = await call<Confirmed>('roster.confirm', {
      date: DAY,
      doctorId: doctors.li,
      status: 'late',
      lateUntil: '12:00',
    });
    expect(result.affected.map((row) => row.id)).toEqual([notYet, waiting]);
    expect(result.affected.map((row) => row.arrival)).toEqual([null, { ticket: lobby.ticket }]);
  });

  it('moves a waiting customer with their visit, and refuses one already called, naming the ticket', async () => {
    const waiting = await book(doctors.li, '09:00');
    const called = await book(doctors.li, '10:00');
    const lobby = await arrive(waiting, []);
    const onTheWay = await arrive(called, ['called']);
    await call('roster.confirm', { date: DAY, doctorId: doctors.li, status: 'absent' });

    await call('roster.moveAppointment', { appointmentId: waiting, toDoctorId: doctors.wang });
    const visit = await core.database.db.selectFrom('visits').select(['doctor_id', 'room_id', 'status']).where('id', '=', lobby.visitId).executeTakeFirstOrThrow();
    expect(visit).toEqual({ doctor_id: doctors.wang, room_id: rooms['302'], status: 'waiting' });

    const refused = await refusal('roster.moveAppointment', { appointmentId: called, toDoctorId: doctors.wang });
    expect(refused).toMatchObject({ code: 'conflict', message: `${onTheWay.ticket} is already "Called" and can no longer be moved to another doctor` });
    const row = await core.database.db.selectFrom('appointments').select(['doctor_id', 'version']).where('id', '=', called).executeTakeFirstOrThrow();
    expect(row.doctor_id).toBe(doctors.li);
  });
});

describe('templates and overrides', () => {
  it('a day override takes a doctor off, changes the hours or the room; clearing it restores the template', async () => {
    await call('roster.setOverride', { doctorId: doctors.li, date: DAY, expected: null, kind: 'off' });
    await call('roster.setOverride', { doctorId: doctors.wang, date: DAY, expected: null, kind: 'hours', start: '12:00', end: '18:00' });
    await call('roster.setOverride', { doctorId: doctors.zhang, date: DAY, expected: null, kind: 'room', roomId: rooms['301'] });
    const week = await call<{ weekStart: string; days: { date: string; shifts: { doctorId: number; start: string; roomId: number; source: string }[] }[] }>(
      'roster.week',
      { weekStart: '2026-11-25' },
    );
    expect(week.weekStart).toBe(DAY);
    const monday = week.days[0]?.shifts ?? [];
    expect(monday.map((shift) => shift.doctorId)).not.toContain(doctors.li);
    expect(monday.find((shift) => shift.doctorId === doctors.wang)).toMatchObject({ start: '12:00', source: 'override' });
    expect(monday.find((shift) => shift.doctorId === doctors.zhang)).toMatchObject({ start: '13:00', roomId: rooms['301'] });
    expect(week.days[1]?.shifts).toEqual([]);

    await call('roster.clearOverride', { doctorId: doctors.li, date: DAY });
    expect((await resolveDayShifts(core.database.db, DAY)).find((shift) => shift.doctorId === doctors.li)).toMatchObject({ start: '09:00', source: 'template' });
    const badHours = await refusal('roster.setOverride', { doctorId: doctors.li, date: DAY, expected: null, kind: 'hours', start: '14:00', end: '10:00' });
    expect(badHours.code).toBe('invalid');
  });
});

describe('two people editing one roster cell', () => {
  it("the later save of a weekly shift is refused naming who changed it, and the shift stays as that person left it", async () => {
    const other = await signIn(core, await addStaff(core, '赵主管', 'manager'));
    const me = await signIn(core, await addStaff(core, '钱主管', 'manager'));
    const loaded = { start: '09:00', end: '17:30', roomId: rooms['301'] ?? null };
    await call('roster.setTemplate', { doctorId: doctors.li, weekday: 1, expected: loaded, shift: { ...loaded, end: '12:00' } }, other);
    const stale = await refusal('roster.setTemplate', { doctorId: doctors.li, weekday: 1, expected: loaded, shift: null }, me);
    expect(stale).toMatchObject({ code: 'conflict', details: { current: { ...loaded, end: '12:00' } } });
    expect(stale.message).toContain('赵主管');
    expect((await resolveDayShifts(core.database.db, DAY)).find((shift) => shift.doctorId === doctors.li)).toMatchObject({ start: '09:00', end: '12:00' });
  });

  it("a day's change made meanwhile is not overwritten by an editor that saw the day without one", async () => {
    await call('roster.setOverride', { doctorId: doctors.wang, date: DAY, expected: null, kind: 'off', note: '病假' });
    const stale = await refusal('roster.setOverride', { doctorId: doctors.wang, date: DAY, expected: null, kind: 'hours', start: '12:00', end: '18:00' });
    expect(stale).toMatchObject({ code: 'conflict', details: { current: { kind: 'off', note: '病假' } } });
    expect((await resolveDayShifts(core.database.db, DAY)).map((shift) => shift.doctorId)).not.toContain(doctors.wang);
    // With the change it now shows, the same editor's save goes through.
    await call('roster.setOverride', { doctorId: doctors.wang, date: DAY, expected: { kind: 'off', start: null, end: null, roomId: null, note: '病假' }, kind: 'hours', start: '12:00', end: '18:00' });
    expect((await resolveDayShifts(core.database.db, DAY)).find((shift) => shift.doctorId === doctors.wang)).toMatchObject({ start: '12:00', source: 'override' });
  });
});
