import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, createTestCore, type TestCore } from '../../tests/helpers/test-core';
import { resolveDayShifts } from './roster-service';

let core: TestCore;
beforeEach(async () => {
  core = await createTestCore();
});
afterEach(() => core.close());

async function addRoom(code: string): Promise<number> {
  const row = await core.database.db
    .insertInto('rooms')
    .values({ code, name: code, name_en: code, floor: 3, kind: 'consultation' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('resolveDayShifts', () => {
  it('applies a day off, changed hours and a changed room to the weekly templates', async () => {
    const db = core.database.db;
    const at = '2026-11-20T00:00:00.000Z';
    const [li, zhang, zeng] = [await addStaff(core, '李慧', 'doctor'), await addStaff(core, '张振宇', 'doctor'), await addStaff(core, '曾凡', 'doctor')];
    const room301 = await addRoom('301');
    const room302 = await addRoom('302');
    // 2026-11-23 is a Monday (ISO weekday 1).
    for (const doctorId of [li, zhang, zeng]) {
      await db.insertInto('shift_templates').values({ doctor_id: doctorId, weekday: 1, start_time: '09:00', end_time: '17:30', room_id: room301, updated_at: at, updated_by: null }).execute();
    }
    await db.insertInto('shift_overrides').values({ doctor_id: li, date: '2026-11-23', kind: 'off', start_time: null, end_time: null, room_id: null, updated_at: at, updated_by: null }).execute();
    await db.insertInto('shift_overrides').values({ doctor_id: zhang, date: '2026-11-23', kind: 'hours', start_time: '13:00', end_time: '18:00', room_id: null, updated_at: at, updated_by: null }).execute();
    await db.insertInto('shift_overrides').values({ doctor_id: zeng, date: '2026-11-23', kind: 'room', start_time: null, end_time: null, room_id: room302, updated_at: at, updated_by: null }).execute();

    const monday = await resolveDayShifts(db, '2026-11-23');
    expect(monday.map((shift) => [shift.doctorId, shift.start, shift.end, shift.roomId, shift.source])).toEqual([
      [zhang, '13:00', '18:00', room301, 'override'],
      [zeng, '09:00', '17:30', room302, 'override'],
    ]);
    // The next Monday has no overrides: the templates alone.
    const nextMonday = await resolveDayShifts(db, '2026-11-30');
    expect(nextMonday.map((shift) => [shift.doctorId, shift.start, shift.roomId, shift.source])).toEqual([
      [li, '09:00', room301, 'template'],
      [zhang, '09:00', room301, 'template'],
      [zeng, '09:00', room301, 'template'],
    ]);
    expect(await resolveDayShifts(db, '2026-11-24')).toEqual([]);
  });

  it('refuses a shift for someone who is not a doctor', async () => {
    const clerk = await addStaff(core, '陈晓雨', 'reception');
    await expect(
      core.database.db
        .insertInto('shift_templates')
        .values({ doctor_id: clerk, weekday: 1, start_time: '09:00', end_time: '17:00', room_id: null, updated_at: 'x', updated_by: null })
        .execute(),
    ).rejects.toThrow(/must be a doctor/);
  });
});
