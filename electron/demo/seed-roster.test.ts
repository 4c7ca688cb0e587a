import { describe, expect, it } from 'vitest';
import { createTestCore } from '../../tests/helpers/test-core';
import { clinicDayRange, clinicTimeOf, addDays } from '../../shared/domain/clinic-time';
import { minutesOfDay } from '../../shared/domain/roster';
import { resolveDayShifts } from '../services/roster-service';
import { seedDemoClinic } from './seed-demo';

describe('the demo roster', () => {
  it('on every weekday, every demo booking falls inside its doctor’s shift and an absent facial surgeon has a colleague', async () => {
    const core = await createTestCore();
    const db = core.database.db;
    const monday = '2026-11-23';
    for (let offset = 0; offset < 7; offset += 1) {
      const date = addDays(monday, offset);
      await seedDemoClinic(db, date, new Date('2026-11-23T00:00:00.000Z'));
      const shifts = await resolveDayShifts(db, date);
      const { start, end } = clinicDayRange(date, 'Asia/Shanghai');
      const bookings = await db.selectFrom('appointments').selectAll().where('starts_at', '>=', start).where('starts_at', '<', end).execute();
      expect(bookings.length).toBeGreaterThan(10);
      for (const booking of bookings) {
        const shift = shifts.find((candidate) => candidate.doctorId === booking.doctor_id);
        expect(shift, `${date} appointment ${booking.id}`).toBeDefined();
        const from = minutesOfDay(clinicTimeOf(booking.starts_at, 'Asia/Shanghai'));
        expect(from).toBeGreaterThanOrEqual(minutesOfDay(shift?.start ?? '00:00'));
        expect(from + booking.duration_minutes).toBeLessThanOrEqual(minutesOfDay(shift?.end ?? '00:00'));
      }
      const facial = await db.selectFrom('staff').select('id').where('specialty', '=', '面部整形').execute();
      expect(facial.filter((doctor) => shifts.some((shift) => shift.doctorId === doctor.id))).toHaveLength(2);
    }
    await core.close();
  }, 60_000);
});
