/**
 * Fills a database with a believable clinic for training, screenshots and tests: rooms, items,
 * doctors and staff (every PIN 1234), returning customers with history, and about 40
 * appointments on the given clinic day spread over opening hours. The same date gives the same
 * clinic. The clinic itself is created once; a later start on a new day adds that day's bookings.
 */
import type { Kysely } from 'kysely';
import { addDays, clinicInstant } from '../../shared/domain/clinic-time';
import type { AppointmentKind, AppointmentStatus, Channel } from '../../shared/domain/appointments';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { insertAppointment } from '../db/repositories/appointments';
import { resolveDayShifts } from '../services/roster-service';
import { minutesOf } from '../../shared/domain/booking';
import { insertCustomer, recordCustomerVisit } from '../db/repositories/customers';
import { countStaff, insertStaff } from '../db/repositories/staff';
import { seedRoster } from './seed-roster';
import { seedChecklists } from './seed-checklists';
import { seedEscortRooms } from './seed-escorts';
import { bookableKinds, pastKindsByCustomer } from './demo-history';
import { writeSetting } from '../db/repositories/settings';
import type { Database } from '../db/schema';
import { hashPin } from '../services/pin-hash';
import { namePinyin } from '../services/pinyin';
import {
  BRING_BY_KIND,
  DEMO_DOCTORS,
  DEMO_ITEMS,
  DEMO_PIN,
  DEMO_ROOMS,
  DEMO_STAFF,
  GIVEN_FEMALE,
  GIVEN_MALE,
  SURNAMES,
} from './demo-data';

/** mulberry32 from a numeric seed: fast, deterministic, good enough for demo and bench data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A small deterministic generator (mulberry32) seeded from a string. */
export function seededRandom(seed: string): () => number {
  let state = 0;
  for (const char of seed) state = (Math.imul(state ^ char.charCodeAt(0), 2654435761) + 1) >>> 0;
  return mulberry32(state);
}

/** A demo customer's card: the given name, address form and phone, the rest drawn from `random`. */
export function demoCustomerInput(random: () => number, person: { name: string; addressForm: string; phone: string; female: boolean }) {
  return {
    name: person.name,
    addressForm: person.addressForm,
    phone: person.phone,
    gender: person.female ? ('female' as const) : ('male' as const),
    birthYear: 1970 + Math.floor(random() * 35),
    channel: pick(random, ['phone', 'web', 'app', 'walk_in', 'referral'] as const),
    notes: '',
    tags: [],
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

export interface DemoSeedResult {
  createdClinic: boolean;
  appointmentsAdded: number;
}

const CUSTOMER_COUNT = 160;

/**
 * Seeds the demo clinic for `date` (a clinic day, `YYYY-MM-DD`). Idempotent: the clinic is made
 * once, and a day that already has appointments is left as it is.
 */
export async function seedDemoClinic(db: Kysely<Database>, date: string, now: Date): Promise<DemoSeedResult> {
  const timeZone = DEFAULT_SETTINGS.timeZone;
  const stamp = now.toISOString();
  let createdClinic = false;

  if ((await countStaff(db)) === 0) {
    createdClinic = true;
    await createClinic(db, stamp);
    await seedRoster(db, stamp);
    await seedChecklists(db, stamp);
    await seedEscortRooms(db);
  }

  // Today's bookings, and tomorrow's (mostly still to confirm: the call list's work).
  let appointmentsAdded = 0;
  for (const [day, ahead] of [[date, false], [addDays(date, 1), true]] as const) {
    const existing = await db
      .selectFrom('appointments')
      .select('id')
      .where('starts_at', '>=', clinicInstant(day, '00:00', timeZone).toISOString())
      .where('starts_at', '<', clinicInstant(addDays(day, 1), '00:00', timeZone).toISOString())
      .executeTakeFirst();
    if (existing) continue;
    const added = await db.transaction().execute((trx) => addDay(trx, day, stamp, timeZone, ahead));
    if (!ahead) appointmentsAdded = added;
  }
  return { createdClinic, appointmentsAdded };
}

async function createClinic(db: Kysely<Database>, stamp: string): Promise<void> {
  // Hash outside the transaction: scrypt is slow on purpose.
  const people = [...DEMO_DOCTORS, ...DEMO_STAFF];
  const hashes = await Promise.all(people.map(() => hashPin(DEMO_PIN)));
  await db.transaction().execute(async (trx) => {
    await writeSetting(trx, 'demo', true, stamp, null);
    for (const room of DEMO_ROOMS) {
      await trx
        .insertInto('rooms')
        .values({
          code: room.code,
          name: room.name,
          name_en: room.nameEn,
          floor: room.floor,
          kind: room.kind,
          directions: room.directions,
          directions_en: room.directionsEn,
        })
        .execute();
    }
    for (const [sort, item] of DEMO_ITEMS.entries()) {
      await trx.insertInto('items').values({ code: item.code, name: item.name, name_en: item.nameEn, sort }).execute();
    }
    for (const [index, person] of people.entries()) {
      await insertStaff(trx, {
        name: person.name,
        name_pinyin: namePinyin(person.name),
        role: person.role,
        specialty: person.specialty ?? null,
        specialty_en: person.specialtyEn ?? null,
        pin_hash: hashes[index] as string,
        locked_until: null,
        created_at: stamp,
      });
    }
    const random = seededRandom('demo-customers');
    const usedPhones = new Set<string>();
    for (let index = 0; index < CUSTOMER_COUNT; index += 1) {
      const female = random() < 0.82;
      const surname = pick(random, SURNAMES);
      const name = surname + pick(random, female ? GIVEN_FEMALE : GIVEN_MALE);
      let phone: string;
      do {
        phone = `1${pick(random, ['38', '39', '50', '58', '86', '88', '35', '77'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
      } while (usedPhones.has(phone));
      usedPhones.add(phone);
      const addressForm = female ? surname + pick(random, ['女士', '姐', '小姐', '女士']) : surname + '先生';
      // Through the repository, so the demo customers get their pinyin search columns.
      await insertCustomer(trx, demoCustomerInput(random, { name, addressForm, phone, female }), stamp);
    }
  });
}

async function addDay(db: Kysely<Database>, date: string, stamp: string, timeZone: string, ahead: boolean): Promise<number> {
  const random = seededRandom(`demo-day-${date}`);
  const doctors = await db.selectFrom('staff').select(['id', 'name']).where('role', '=', 'doctor').orderBy('id').execute();
  const rooms = await db.selectFrom('rooms').select(['id', 'code']).execute();
  const items = await db.selectFrom('items').select(['id', 'code']).execute();
  const customers = await db.selectFrom('customers').select('id').orderBy('id').execute();
  const roomId = (code: string | undefined) => rooms.find((room) => room.code === code)?.id ?? null;
  const itemId = (code: string) => items.find((item) => item.code === code)?.id ?? null;

  // A third of the customers are returning: each had a consultation, and half of them a surgery
  // after it (issue 13 part 7: a follow-up only after a surgery, a returning customer with history).
  const returningCount = Math.floor(customers.length / 3);
  const pastAlready = await db.selectFrom('appointments').select('id').where('starts_at', '<', clinicInstant(date, '00:00', timeZone).toISOString()).executeTakeFirst();
  if (!pastAlready) {
    for (let index = 0; index < returningCount; index += 1) {
      const customer = customers[index];
      const doctorIndex = Math.floor(random() * doctors.length);
      const doctor = DEMO_DOCTORS[doctorIndex];
      if (!customer || !doctor) continue;
      const consultedDaysAgo = 40 + Math.floor(random() * 270);
      const past: { kind: AppointmentKind; daysAgo: number; minutes: number }[] = [{ kind: 'consultation', daysAgo: consultedDaysAgo, minutes: 30 }];
      // Every other returning customer went on to a surgery or treatment, 3 to 30 days before today.
      if (index % 2 === 1) past.push({ kind: 'surgery', daysAgo: 3 + Math.floor(random() * Math.min(28, consultedDaysAgo - 10)), minutes: 120 });
      const itemCode = pick(random, doctor.items ?? ['skincare']);
      for (const visit of past) {
        const visitedAt = clinicInstant(addDays(date, -visit.daysAgo), pick(random, ['10:00', '11:00', '14:30', '15:30']), timeZone).toISOString();
        await recordCustomerVisit(db, customer.id, visitedAt);
        await insertAppointment(db, {
          customer_id: customer.id,
          doctor_id: doctors[doctorIndex]?.id ?? null,
          item_id: itemId(itemCode),
          room_id: roomId(doctor.room),
          kind: visit.kind,
          channel: pick(random, ['phone', 'web', 'app', 'referral'] as const),
          starts_at: visitedAt,
          duration_minutes: visit.minutes,
          status: 'completed',
          notes: '',
          created_at: stamp,
          updated_at: stamp,
        });
      }
    }
  }
  const history = await pastKindsByCustomer(db, clinicInstant(date, '00:00', timeZone).toISOString());

  // About 40 bookings today: each doctor's day is filled with back-to-back slots and gaps.
  let added = 0;
  const order = [...customers].sort(() => random() - 0.5);
  let next = 0;
  // Bookings stay inside each doctor's shift that day; a doctor off that day gets none.
  const shifts = await resolveDayShifts(db, date);
  for (const [doctorIndex, doctor] of DEMO_DOCTORS.entries()) {
    const shift = shifts.find((candidate) => candidate.doctorId === doctors[doctorIndex]?.id);
    if (!shift && shifts.length > 0) continue;
    const shiftStart = shift ? minutesOf(shift.start) : 9 * 60;
    const shiftEnd = shift ? minutesOf(shift.end) : 17 * 60 + 30;
    let minutes = Math.ceil(shiftStart / 15) * 15 + Math.floor(random() * 3) * 15;
    const target = ahead ? 3 + Math.floor(random() * 2) : 6 + Math.floor(random() * 3);
    for (let slot = 0; slot < target && minutes + 30 <= shiftEnd; slot += 1) {
      const customer = order[next++ % order.length];
      if (!customer) break;
      // What they may be booked for follows what they have had (demo-history.ts).
      const kind: AppointmentKind = pick(random, bookableKinds(history.get(customer.id) ?? []));
      const duration = Math.min(kind === 'consultation' ? pick(random, [30, 45]) : pick(random, [20, 30]), shiftEnd - minutes);
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const status: AppointmentStatus = random() < (ahead ? 0.25 : 0.7) ? 'confirmed' : 'booked';
      const channel: Channel = pick(random, ['phone', 'phone', 'web', 'app', 'referral', 'walk_in']);
      await insertAppointment(db, {
        customer_id: customer.id,
        doctor_id: doctors[doctorIndex]?.id ?? null,
        item_id: itemId(pick(random, doctor.items ?? ['skincare'])),
        room_id: roomId(doctor.room),
        kind,
        channel,
        starts_at: clinicInstant(date, time, timeZone).toISOString(),
        duration_minutes: duration,
        status,
        bring: BRING_BY_KIND[kind] ?? '',
        notes: '',
        created_at: stamp,
        updated_at: stamp,
      });
      added += 1;
      minutes += duration + pick(random, [0, 0, 15, 30, 45]);
      minutes = Math.ceil(minutes / 15) * 15;
    }
  }
  return added;
}
