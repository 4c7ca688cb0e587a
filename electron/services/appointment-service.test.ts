import { afterEach, describe, expect, it } from 'vitest';
import { insertAppointment } from '../db/repositories/appointments';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';

/**
 * "Today" is the clinic's day in its zone (Asia/Shanghai), whatever the machine's own zone is:
 * 23:30 Beijing time belongs to that day, 00:30 to the next.
 */
const zones = ['UTC', 'America/New_York', 'Asia/Shanghai'];
const originalZone = process.env.TZ;
let core: TestCore | undefined;

afterEach(async () => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
  await core?.close();
  core = undefined;
});

describe.each(zones)('clinic days with the process in %s', (zone) => {
  it('put 23:30 and 00:30 Beijing time on the right clinic days', async () => {
    process.env.TZ = zone;
    // The zone really took effect for this process.
    if (zone === 'America/New_York') expect(new Date('2026-11-23T12:00:00Z').getTimezoneOffset()).toBe(300);
    if (zone === 'UTC') expect(new Date('2026-11-23T12:00:00Z').getTimezoneOffset()).toBe(0);

    // 2026-11-23 23:50 in Beijing is 15:50 UTC, still the 23rd in the clinic; the 23rd in New York too.
    core = await createTestCore({ now: '2026-11-23T15:50:00.000Z' });
    const token = await signIn(core, await addStaff(core, '陈晓雨', 'reception'));
    const customer = await core.database.db
      .insertInto('customers')
      .values({ name: '王丽', phone: '13800000001', address_form: '王姐', gender: 'female', birth_year: 1990, channel: 'phone', created_at: 'x', updated_at: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const book = (startsAt: string) =>
      insertAppointment(core!.database.db, {
        customer_id: customer.id,
        doctor_id: null,
        item_id: null,
        room_id: null,
        kind: 'consultation',
        channel: 'phone',
        starts_at: startsAt,
        duration_minutes: 30,
        status: 'booked',
        created_at: 'x',
        updated_at: 'x',
      });
    const lateEvening = await book('2026-11-23T15:30:00.000Z'); // 23:30 on the 23rd in Beijing
    const pastMidnight = await book('2026-11-23T16:30:00.000Z'); // 00:30 on the 24th in Beijing

    const ids = async (input: { date?: string }) => {
      const result = await core!.dispatcher.dispatch('appointments.listDay', input, caller(token));
      if (!result.ok) throw new Error(result.error.message);
      const value = result.value as { date: string; appointments: { id: number }[] };
      return { date: value.date, ids: value.appointments.map((row) => row.id) };
    };
    expect(await ids({ date: '2026-11-23' })).toEqual({ date: '2026-11-23', ids: [lateEvening] });
    expect(await ids({ date: '2026-11-24' })).toEqual({ date: '2026-11-24', ids: [pastMidnight] });
    // With no date, "today" is the clinic's: the 23rd, although it is already the 24th nowhere near.
    expect(await ids({})).toEqual({ date: '2026-11-23', ids: [lateEvening] });
    // Ten minutes later it is the 24th in Beijing (still the 23rd in New York and UTC).
    core.clock.advance(10 * 60_000);
    expect(await ids({})).toEqual({ date: '2026-11-24', ids: [pastMidnight] });
  });
});
