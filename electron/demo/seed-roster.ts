/**
 * The demo clinic's weekly roster (seed 000 step 4: the roster reception confirms each morning).
 * Believable and deterministic: most doctors Monday to Saturday, one weekly day off or an
 * afternoon-only day for some, and the two facial surgeons (面部整形) cover every day between them,
 * so an absent doctor always has a colleague of the same specialty to take their appointments.
 * The demo's bookings are made from these shifts (seed-demo addDay), so they always fit inside.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DEMO_DOCTORS } from './demo-data';

type Hours = readonly [start: string, end: string] | null;
const DAY = ['09:00', '17:30'] as const;
const AFTERNOON = ['13:00', '18:00'] as const;

/** Hours per ISO weekday, Monday first; null is a day off. */
const WEEKS: Record<string, readonly [Hours, Hours, Hours, Hours, Hours, Hours, Hours]> = {
  李慧: [DAY, DAY, DAY, DAY, DAY, DAY, null],
  张振宇: [DAY, DAY, DAY, DAY, DAY, DAY, DAY],
  曾凡: [DAY, DAY, DAY, DAY, DAY, AFTERNOON, AFTERNOON],
  刘思远: [DAY, DAY, null, DAY, DAY, DAY, DAY],
  黄静怡: [['10:00', '18:30'], ['10:00', '18:30'], ['10:00', '18:30'], ['10:00', '18:30'], ['10:00', '18:30'], DAY, null],
  单可: [DAY, DAY, DAY, AFTERNOON, DAY, DAY, null],
};

/** Writes the demo doctors' weekly templates, each in their own consultation room. */
export async function seedRoster(db: Kysely<Database>, stamp: string): Promise<void> {
  const doctors = await db.selectFrom('staff').select(['id', 'name']).where('role', '=', 'doctor').execute();
  const rooms = await db.selectFrom('rooms').select(['id', 'code']).execute();
  for (const demo of DEMO_DOCTORS) {
    const doctor = doctors.find((row) => row.name === demo.name);
    const week = WEEKS[demo.name];
    if (!doctor || !week) continue;
    const roomId = rooms.find((room) => room.code === demo.room)?.id ?? null;
    for (const [index, hours] of week.entries()) {
      if (!hours) continue;
      await db
        .insertInto('shift_templates')
        .values({ doctor_id: doctor.id, weekday: index + 1, start_time: hours[0], end_time: hours[1], room_id: roomId, updated_at: stamp, updated_by: null })
        .execute();
    }
  }
}
