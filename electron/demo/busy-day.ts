/**
 * A busy day on the demo clinic (a promotion day: about 300 arrivals), for screenshots of a full
 * board and for the benchmarks: more customers, and bookings across every doctor's shift until
 * the day holds the bookings that, with the walk-ins `planDay` adds, make the arrivals asked for.
 * Bookings may overlap in a doctor's column: on such a day consultants see customers beside the
 * doctor. The same date and count give the same day.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AppointmentKind } from '../../shared/domain/appointments';
import { LIVE_STATUSES, minutesOf } from '../../shared/domain/booking';
import { clinicDayRange, clinicInstant } from '../../shared/domain/clinic-time';
import { insertAppointment } from '../db/repositories/appointments';
import { insertCustomer } from '../db/repositories/customers';
import { bookableKinds, pastKindsByCustomer } from './demo-history';
import { readSettings } from '../db/repositories/settings';
import type { Database } from '../db/schema';
import { resolveDayShifts } from '../services/roster-service';
import { BRING_BY_KIND, DEMO_DOCTORS, GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './demo-data';
import { demoCustomerInput, seededRandom } from './seed-demo';

type Db = Kysely<Database> | Transaction<Database>;

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** How many of a day's arrivals walk in without a booking: the usual handful, or 15% of a busy day. */
export function walkInsOf(arrivals: number | undefined): number {
  return arrivals === undefined ? 10 : Math.round(arrivals * 0.15);
}

/**
 * Tops the clinic day `date` up to about `arrivals` arrivals: adds customers when there are too
 * few, then bookings (about one in forty will not come). Returns the bookings added.
 *
 * @example await addBusyDay(db, '2026-11-23', 300, new Date().toISOString()); // then playDemoDay(…, { arrivals: 300 })
 */
export async function addBusyDay(db: Db, date: string, arrivals: number, stamp: string): Promise<number> {
  const { timeZone, opensAt, closesAt } = await readSettings(db);
  const range = clinicDayRange(date, timeZone);
  const booked = arrivals - walkInsOf(arrivals);
  const wanted = booked + Math.round(booked / 40);
  const existing = await db
    .selectFrom('appointments')
    .select('customer_id')
    .where('starts_at', '>=', range.start)
    .where('starts_at', '<', range.end)
    .where('status', 'in', [...LIVE_STATUSES])
    .execute();
  const toAdd = wanted - existing.length;
  if (toAdd <= 0) return 0;

  const random = seededRandom(`demo-busy-${date}-${String(arrivals)}`);
  const customers = await addCustomersUpTo(db, arrivals + 40, stamp);
  const bookedToday = new Set(existing.map((row) => row.customer_id));
  const free = customers.filter((id) => !bookedToday.has(id)).sort(() => random() - 0.5);

  const doctors = await db.selectFrom('staff').select(['id', 'name']).where('role', '=', 'doctor').orderBy('id').execute();
  const rooms = await db.selectFrom('rooms').select(['id', 'code']).execute();
  const items = await db.selectFrom('items').select(['id', 'code']).execute();
  const shifts = await resolveDayShifts(db, date);
  const lanes = doctors.map((doctor) => {
    const shift = shifts.find((candidate) => candidate.doctorId === doctor.id);
    const demo = DEMO_DOCTORS.find((candidate) => candidate.name === doctor.name);
    return {
      doctorId: doctor.id,
      start: minutesOf(shift?.start ?? opensAt),
      end: minutesOf(shift?.end ?? closesAt),
      roomId: shift?.roomId ?? rooms.find((room) => room.code === demo?.room)?.id ?? null,
      itemIds: (demo?.items ?? ['skincare']).map((code) => items.find((item) => item.code === code)?.id ?? null),
      onShift: Boolean(shift) || shifts.length === 0,
    };
  }).filter((lane) => lane.onShift && lane.end - lane.start >= 60);
  if (lanes.length === 0) return 0;

  const history = await pastKindsByCustomer(db, range.start);
  let added = 0;
  for (let index = 0; index < Math.min(toAdd, free.length); index += 1) {
    const lane = pick(random, lanes);
    // What they may be booked for follows what they have had (demo-history.ts, issue 13 part 7).
    const kind: AppointmentKind = pick(random, bookableKinds(history.get(free[index] as number) ?? []));
    const duration = kind === 'consultation' ? pick(random, [20, 30]) : pick(random, [15, 20]);
    const minutes = lane.start + Math.floor(random() * Math.floor((lane.end - lane.start - duration) / 5)) * 5;
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    await insertAppointment(db, {
      customer_id: free[index] as number,
      doctor_id: lane.doctorId,
      item_id: pick(random, lane.itemIds),
      room_id: lane.roomId,
      kind,
      channel: pick(random, ['phone', 'web', 'app', 'app', 'referral'] as const),
      starts_at: clinicInstant(date, time, timeZone).toISOString(),
      duration_minutes: duration,
      status: random() < 0.8 ? 'confirmed' : 'booked',
      bring: BRING_BY_KIND[kind] ?? '',
      notes: '',
      created_at: stamp,
      updated_at: stamp,
    });
    added += 1;
  }
  return added;
}

/** Registers made-up customers until there are `count`; returns every customer's id. */
async function addCustomersUpTo(db: Db, count: number, stamp: string): Promise<number[]> {
  const rows = await db.selectFrom('customers').select(['id', 'phone']).orderBy('id').execute();
  const ids = rows.map((row) => row.id);
  const phones = new Set(rows.map((row) => row.phone));
  const random = seededRandom(`demo-busy-customers-${String(rows.length)}`);
  while (ids.length < count) {
    const female = random() < 0.82;
    const surname = pick(random, SURNAMES);
    let phone: string;
    do phone = `1${pick(random, ['36', '37', '87', '89', '98'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
    while (phones.has(phone));
    phones.add(phone);
    ids.push(
      await insertCustomer(
        db,
        demoCustomerInput(random, {
          name: surname + pick(random, female ? GIVEN_FEMALE : GIVEN_MALE),
          addressForm: female ? surname + pick(random, ['女士', '姐', '小姐']) : surname + '先生',
          phone,
          female,
        }),
        stamp,
      ),
    );
  }
  return ids;
}
