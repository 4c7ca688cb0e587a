/**
 * Issue 13 part 10: calling a customer to a room someone is in, or already called to or on the way
 * to, warns and names who is there. The read behind the warning, through the dispatcher against a
 * real SQLite; and Today's rows carry the ticket of those who arrived.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';

// Monday 2026-11-23, 08:30 in Beijing.
const NOW = '2026-11-23T00:30:00.000Z';
let core: TestCore;
let clerk: string;
let doctorId: number;
let rooms: Record<'one' | 'two', number>;

async function call<T = unknown>(method: string, input: unknown, token = clerk): Promise<T> {
  const result = await core.dispatcher.dispatch(method, input, caller(token));
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}

let count = 0;
/** A customer booked at `time` in `roomId`, checked in: their visit. */
async function arrived(time: string, roomId: number, addressForm: string): Promise<{ visitId: number; ticket: string; appointmentId: number }> {
  count += 1;
  const db = core.database.db;
  const customer = await db
    .insertInto('customers')
    .values({ name: `顾客${count}`, address_form: addressForm, phone: `1390000${String(count).padStart(4, '0')}`, created_at: NOW, updated_at: NOW })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const appointment = await db
    .insertInto('appointments')
    .values({ customer_id: customer.id, doctor_id: doctorId, room_id: roomId, kind: 'consultation', channel: 'phone', starts_at: new Date(Date.UTC(2026, 10, 23, hour - 8, minute)).toISOString(), duration_minutes: 30, status: 'booked', created_at: NOW, updated_at: NOW })
    .returning('id')
    .executeTakeFirstOrThrow();
  const visit = await call<{ visitId: number; ticket: string }>('visits.checkIn', { appointmentId: appointment.id });
  return { ...visit, appointmentId: appointment.id };
}

beforeEach(async () => {
  core = await createTestCore({ now: NOW });
  const db = core.database.db;
  const room = (code: string, name: string, nameEn: string) => db.insertInto('rooms').values({ code, name, name_en: nameEn, floor: 3, kind: 'consultation' }).returning('id').executeTakeFirstOrThrow();
  rooms = { one: (await room('301', '3 楼咨询一室', 'Consultation 3-1')).id, two: (await room('302', '3 楼咨询二室', 'Consultation 3-2')).id };
  doctorId = await addStaff(core, '李慧', 'doctor');
  clerk = await signIn(core, await addStaff(core, '陈晓雨', 'reception'));
});
afterEach(() => core.close());

describe('visits.roomOccupancy', () => {
  it('names who is in the room, called to it or on the way; not those waiting, done, or in another room', async () => {
    const next = await arrived('09:00', rooms.one, '王姐');
    const inside = await arrived('08:30', rooms.one, '李女士');
    const called = await arrived('08:45', rooms.one, '赵小姐');
    const walking = await arrived('08:50', rooms.one, '孙女士');
    const finished = await arrived('08:00', rooms.one, '周先生');
    await arrived('09:30', rooms.one, '吴女士'); // waiting: not in the room
    const elsewhere = await arrived('08:40', rooms.two, '郑女士');
    await call('visits.transition', { visitId: inside.visitId, to: 'called' });
    await call('visits.transition', { visitId: inside.visitId, to: 'in_consultation' });
    await call('visits.transition', { visitId: called.visitId, to: 'called' });
    await call('visits.transition', { visitId: walking.visitId, to: 'called' });
    await call('visits.transition', { visitId: walking.visitId, to: 'escorting' });
    for (const to of ['called', 'in_consultation', 'done']) await call('visits.transition', { visitId: finished.visitId, to });
    await call('visits.transition', { visitId: elsewhere.visitId, to: 'called' });

    const occupancy = await call<{ room: { name: string }; occupants: { ticket: string; status: string; addressForm: string }[] }>('visits.roomOccupancy', { visitId: next.visitId });
    expect(occupancy.room.name).toBe('3 楼咨询一室');
    expect(occupancy.occupants.map(({ ticket, status, addressForm }) => ({ ticket, status, addressForm }))).toEqual([
      { ticket: inside.ticket, status: 'in_consultation', addressForm: '李女士' },
      { ticket: called.ticket, status: 'called', addressForm: '赵小姐' },
      { ticket: walking.ticket, status: 'escorting', addressForm: '孙女士' },
    ]);
    // Called to the other room instead: only the one called there.
    const other = await call<{ occupants: { ticket: string }[] }>('visits.roomOccupancy', { visitId: next.visitId, roomId: rooms.two });
    expect(other.occupants.map((row) => row.ticket)).toEqual([elsewhere.ticket]);
    // The customer's own call does not count against them.
    expect((await call<{ occupants: unknown[] }>('visits.roomOccupancy', { visitId: elsewhere.visitId })).occupants).toEqual([]);
  });

  it('refuses an unknown visit or room naming the field, and a signed-out caller', async () => {
    const visit = await arrived('09:00', rooms.one, '王姐');
    expect(await core.dispatcher.dispatch('visits.roomOccupancy', { visitId: 9999 }, caller(clerk))).toMatchObject({ ok: false, error: { code: 'not_found', path: ['visitId'] } });
    expect(await core.dispatcher.dispatch('visits.roomOccupancy', { visitId: visit.visitId, roomId: 9999 }, caller(clerk))).toMatchObject({ ok: false, error: { code: 'not_found', path: ['roomId'] } });
    expect(await core.dispatcher.dispatch('visits.roomOccupancy', { visitId: visit.visitId }, caller(null))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('Today’s rows', () => {
  it('carry the ticket and where the customer is once they arrived, nothing before', async () => {
    const visit = await arrived('09:00', rooms.one, '王姐');
    await core.database.db
      .insertInto('appointments')
      .values({ customer_id: 1, doctor_id: doctorId, room_id: rooms.one, kind: 'consultation', channel: 'phone', starts_at: '2026-11-23T02:00:00.000Z', duration_minutes: 30, status: 'booked', created_at: NOW, updated_at: NOW })
      .execute();
    await call('visits.transition', { visitId: visit.visitId, to: 'called' });
    const day = await call<{ appointments: { id: number; visit: { ticket: string; status: string } | null }[] }>('appointments.listDay', {});
    expect(day.appointments.map((row) => row.visit)).toEqual([{ ticket: visit.ticket, status: 'called' }, null]);
  });
});
