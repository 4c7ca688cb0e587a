/**
 * The bench clinic: five years of a busy clinic, generated deterministically from a seed — every
 * customer with pinyin search columns and a mainland phone, every visit with its appointment, its
 * status events (waiting → called → … → done), its comfort tasks, its escort to the room with the
 * escort's steps (generator 2: the escort reads were measured on none) and its check-in audit row.
 *
 * Written with raw prepared statements in large transactions (the services would take hours at
 * this size), then cached under `.tmp/bench/` keyed by seed, sizes, schema version and this
 * generator's version, so a rerun starts in seconds. The clinic itself (rooms, items, staff with
 * PIN 1234, roster, checklists, comfort rules) comes from the demo seeder and the migrations.
 */
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../migrations/index';
import { manualClock } from '../electron/core/clock';
import { createCore } from '../electron/core/create-core';
import { seedDemoClinic } from '../electron/demo/seed-demo';
import { nameSearchKeys } from '../electron/services/pinyin';
import { mobilePhone, personName, pick, prng } from './names';

/** Bump when the generated data changes shape: old cache files are then ignored. */
export const GENERATOR_VERSION = 2;

export interface ClinicSizes {
  customers: number;
  visits: number;
  /** Clinic days of history before `ANCHOR_DATE`. */
  days: number;
}

export const FULL_SIZES: ClinicSizes = { customers: 100_000, visits: 500_000, days: 5 * 365 };
export const SMOKE_SIZES: ClinicSizes = { customers: 2_000, visits: 4_000, days: 60 };

/** The history ends the day before this clinic day (fixed, so a seed always gives the same file). */
export const ANCHOR_DATE = '2026-11-01';

const DAY_MS = 86_400_000;
/** Asia/Shanghai has no daylight saving: a clinic day starts at 16:00 UTC the day before. */
const dayStartMs = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
const dateOfMs = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString();

export interface ClinicFacts {
  doctors: { id: number; roomId: number | null; itemIds: number[] }[];
  receptionIds: number[];
  guideIds: number[];
  consultantIds: number[];
  rules: { id: number; code: string; dueMinutes: number; label: string; labelEn: string }[];
  /** Where an escort starts: the lobby. */
  lobbyRoomId: number | null;
}

/** The clinic's fixed rows the generator refers to. */
export function readClinicFacts(sqlite: BetterSqlite3.Database): ClinicFacts {
  const staff = sqlite.prepare('SELECT id, name, role FROM staff ORDER BY id').all() as { id: number; name: string; role: string }[];
  const rooms = new Map((sqlite.prepare('SELECT id, code FROM rooms').all() as { id: number; code: string }[]).map((room) => [room.code, room.id]));
  const items = new Map((sqlite.prepare('SELECT id, code FROM items').all() as { id: number; code: string }[]).map((item) => [item.code, item.id]));
  const doctorRooms: Record<string, [string, string[]]> = {
    李慧: ['301', ['eyelid', 'eyebag']],
    张振宇: ['302', ['rhinoplasty', 'filler']],
    曾凡: ['303', ['contour', 'botox']],
    刘思远: ['401', ['lipo']],
    黄静怡: ['402', ['ipl', 'skincare', 'botox']],
    单可: ['403', ['breast', 'lipo']],
  };
  const byRole = (role: string) => staff.filter((person) => person.role === role).map((person) => person.id);
  return {
    doctors: staff
      .filter((person) => person.role === 'doctor')
      .map((person) => {
        const [room, codes] = doctorRooms[person.name] ?? ['301', ['skincare']];
        return { id: person.id, roomId: rooms.get(room) ?? null, itemIds: codes.map((code) => items.get(code)).filter((id): id is number => id !== undefined) };
      }),
    receptionIds: byRole('reception'),
    guideIds: byRole('guide'),
    consultantIds: byRole('consultant'),
    lobbyRoomId: (sqlite.prepare("SELECT id FROM rooms WHERE kind = 'lobby' ORDER BY id LIMIT 1").get() as { id: number } | undefined)?.id ?? null,
    rules: (sqlite.prepare('SELECT id, code, due_minutes, label, label_en FROM comfort_rules ORDER BY sort').all() as { id: number; code: string; due_minutes: number; label: string; label_en: string }[]).map(
      (rule) => ({ id: rule.id, code: rule.code, dueMinutes: rule.due_minutes, label: rule.label, labelEn: rule.label_en }),
    ),
  };
}

/** The prepared inserts of one visit's rows; shared by the history and the board day. */
export function visitWriter(sqlite: BetterSqlite3.Database, facts: ClinicFacts) {
  const insertAppointment = sqlite.prepare(`INSERT INTO appointments
    (customer_id, doctor_id, item_id, room_id, kind, channel, starts_at, duration_minutes, status, bring, notes, version, created_at, updated_at, confirmed_at, confirmed_by, booked_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?, ?, ?, ?, ?)`);
  const insertVisit = sqlite.prepare(`INSERT INTO visits
    (clinic_date, appointment_id, customer_id, kind, ticket, status, priority, doctor_id, room_id, item_id, arrived_at, checked_in_by, version)
    VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = sqlite.prepare('INSERT INTO visit_events (visit_id, from_status, to_status, at, staff_id, room_id, note) VALUES (?, ?, ?, ?, ?, ?, \'\')');
  const insertTask = sqlite.prepare(`INSERT INTO comfort_tasks (visit_id, rule_id, label, label_en, due_at, created_at, created_by, done_at, done_by, cancelled_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEscort = sqlite.prepare(`INSERT INTO escorts (visit_id, from_room_id, to_room_id, arrival_status, status, guide_id, requested_by, requested_at, step_at)
    VALUES (?, ?, ?, 'in_consultation', ?, ?, ?, ?, ?)`);
  const insertEscortEvent = sqlite.prepare("INSERT INTO escort_events (escort_id, kind, at, staff_id, note) VALUES (?, ?, ?, ?, '')");
  const insertAudit = sqlite.prepare('INSERT INTO audit_log (at, staff_id, device, method, target, diff) VALUES (?, ?, \'lobby-pc\', ?, ?, ?)');
  const upsertCounter = sqlite.prepare(`INSERT INTO ticket_counters (clinic_date, prefix, last) VALUES (?, ?, ?)
    ON CONFLICT (clinic_date, prefix) DO UPDATE SET last = excluded.last`);
  const rule = (code: string) => facts.rules.find((candidate) => candidate.code === code);
  const [tea, magazines, round, reassure, reassurePreop] = ['tea', 'magazines', 'round', 'reassure', 'reassure_preop'].map(rule);

  return {
    /** Books an appointment; returns its id. */
    appointment(a: { customerId: number; doctor: ClinicFacts['doctors'][number]; itemId: number | null; kind: string; channel: string; startsMs: number; status: string; createdMs: number; staffId: number }): number {
      const confirmed = a.status !== 'booked' && a.status !== 'cancelled';
      return Number(
        insertAppointment.run(
          a.customerId, a.doctor.id, a.itemId, a.doctor.roomId, a.kind, a.channel, iso(a.startsMs), a.kind === 'consultation' ? 30 : 20, a.status,
          a.status === 'booked' ? 1 : 3, iso(a.createdMs), iso(Math.max(a.createdMs, a.startsMs)), confirmed ? iso(a.startsMs - DAY_MS) : null, confirmed ? a.staffId : null, a.staffId,
        ).lastInsertRowid,
      );
    },

    /**
     * A visit from arrival to `until`: the events of its path, its comfort tasks (rounds every 15
     * minutes while waiting, withdrawn when called), its check-in audit row.
     */
    visit(v: {
      date: string; appointmentId: number | null; customerId: number; kind: 'appointment' | 'walk_in' | 'followup'; ticket: string;
      doctor: ClinicFacts['doctors'][number]; itemId: number | null; arrivedMs: number; staffId: number; guideId: number;
      path: { status: string; atMs: number }[]; anxious: boolean; preop: boolean; untilMs: number;
    }): number {
      const status = v.path[v.path.length - 1]!.status;
      const visitId = Number(
        insertVisit.run(v.date, v.appointmentId, v.customerId, v.kind, v.ticket, status, v.doctor.id, status === 'waiting' ? null : v.doctor.roomId, v.itemId, iso(v.arrivedMs), v.staffId, v.path.length)
          .lastInsertRowid,
      );
      let from: string | null = null;
      for (const step of v.path) {
        insertEvent.run(visitId, from, step.status, iso(step.atMs), from === null ? v.staffId : v.guideId, step.status === 'waiting' ? null : v.doctor.roomId);
        from = step.status;
      }
      const calledMs = v.path.find((step) => step.status !== 'waiting')?.atMs ?? Number.POSITIVE_INFINITY;
      const endMs = Math.min(v.untilMs, calledMs);
      const task = (r: typeof tea, dueMs: number, doneAfterMin: number) => {
        if (!r) return;
        const doneMs = v.arrivedMs + doneAfterMin * 60_000;
        const done = doneMs <= Math.min(endMs, v.untilMs);
        const cancelled = !done && calledMs <= v.untilMs;
        insertTask.run(visitId, r.id, r.label, r.labelEn, iso(dueMs), iso(v.arrivedMs), v.staffId, done ? iso(doneMs) : null, done ? v.guideId : null, cancelled ? iso(calledMs) : null);
      };
      task(tea, v.arrivedMs + 5 * 60_000, 3);
      task(magazines, v.arrivedMs + 5 * 60_000, 4);
      if (v.anxious) task(reassure, v.arrivedMs + 10 * 60_000, 8);
      if (v.preop) task(reassurePreop, v.arrivedMs + 10 * 60_000, 9);
      // Rounds: one every 15 minutes while the customer waits; the open one is withdrawn at the call.
      if (round) {
        for (let dueMs = v.arrivedMs + 15 * 60_000; ; dueMs += 15 * 60_000) {
          const createdMs = dueMs - 15 * 60_000;
          if (createdMs > endMs) break;
          const done = dueMs - 60_000 <= endMs;
          const cancelled = !done && calledMs <= v.untilMs;
          insertTask.run(visitId, round.id, round.label, round.labelEn, iso(dueMs), iso(createdMs), v.staffId, done ? iso(dueMs - 60_000) : null, done ? v.guideId : null, cancelled ? iso(calledMs) : null);
          if (!done) break;
        }
      }
      // The escort of a visit that went up with a guide: asked for at the call, acknowledged at the
      // room's door; one still on its way is open (picked up), as the board shows it.
      const escorting = v.path.find((step) => step.status === 'escorting');
      if (escorting && facts.lobbyRoomId !== null && v.doctor.roomId !== null) {
        const requestedMs = calledMs;
        const arrivedAt = v.path.find((step) => step.status === 'in_consultation')?.atMs;
        const steps: [string, number][] = [['requested', requestedMs], ['taken', requestedMs + 20_000], ['picked_up', escorting.atMs]];
        if (arrivedAt !== undefined) steps.push(['delivered', arrivedAt - 20_000], ['acknowledged', arrivedAt]);
        const reached = steps.filter(([, atMs]) => atMs <= v.untilMs);
        const [status, stepMs] = reached[reached.length - 1]!;
        const escortId = Number(insertEscort.run(visitId, facts.lobbyRoomId, v.doctor.roomId, status, v.guideId, v.staffId, iso(requestedMs), iso(stepMs)).lastInsertRowid);
        for (const [kind, atMs] of reached) insertEscortEvent.run(escortId, kind, iso(atMs), kind === 'requested' ? v.staffId : v.guideId);
      }
      insertAudit.run(iso(v.arrivedMs), v.staffId, 'visits.checkIn', `visit:${visitId}`, JSON.stringify(v.appointmentId ? { appointmentId: v.appointmentId } : { walkIn: { customerId: v.customerId } }));
      return visitId;
    },

    counters(date: string, last: Record<string, number>) {
      for (const [prefix, value] of Object.entries(last)) if (value > 0) upsertCounter.run(date, prefix, value);
    },
  };
}

/** The path of a finished visit through the board, from its arrival. */
export function finishedPath(random: () => number, arrivedMs: number, preop: boolean): { status: string; atMs: number }[] {
  if (random() < 0.03) return [{ status: 'waiting', atMs: arrivedMs }, { status: 'left', atMs: arrivedMs + (20 + random() * 40) * 60_000 }];
  const path = [{ status: 'waiting', atMs: arrivedMs }];
  let at = arrivedMs + (2 + random() * random() * 50) * 60_000;
  path.push({ status: 'called', atMs: at });
  if (random() < 0.6) path.push({ status: 'escorting', atMs: (at += (1 + random() * 3) * 60_000) });
  path.push({ status: 'in_consultation', atMs: (at += (2 + random() * 4) * 60_000) });
  if (preop) path.push({ status: 'pre_op_exam', atMs: (at += (15 + random() * 20) * 60_000) });
  path.push({ status: 'done', atMs: at + (15 + random() * 30) * 60_000 });
  return path;
}

const KINDS = ['consultation', 'consultation', 'consultation', 'followup', 'followup', 'preop', 'postop', 'surgery'] as const;
const CHANNELS = ['phone', 'phone', 'web', 'app', 'app', 'referral'] as const;
const TAG_SETS = ['[]', '[]', '[]', '[]', '["returning"]', '["anxious"]', '["first_visit"]', '["vip"]', '["discreet"]', '["anxious","first_visit"]'];

/** The cache file for a seed and sizes under `dir`. */
export function cachedClinicFile(dir: string, seed: number, sizes: ClinicSizes): string {
  return join(dir, `clinic-s${seed}-c${sizes.customers}-v${sizes.visits}-d${sizes.days}-schema${SCHEMA_VERSION}-g${GENERATOR_VERSION}.sqlite`);
}

/**
 * The newest cached clinic of the same seed, sizes and generator at an older schema: migrating a
 * copy forward takes seconds where generating five years takes many minutes. The generator fills
 * only tables that existed when it was written; bump GENERATOR_VERSION when it learns a new one.
 */
function olderSchemaClinic(dir: string, seed: number, sizes: ClinicSizes): string | null {
  for (let schema = SCHEMA_VERSION - 1; schema > 0; schema -= 1) {
    const file = join(dir, `clinic-s${seed}-c${sizes.customers}-v${sizes.visits}-d${sizes.days}-schema${schema}-g${GENERATOR_VERSION}.sqlite`);
    if (existsSync(file)) return file;
  }
  return null;
}

/** The cached bench clinic, generating it first when there is none (or migrating an older one forward). */
export async function ensureClinic(dir: string, seed: number, sizes: ClinicSizes, log: (line: string) => void): Promise<{ file: string; generatedMs: number | null }> {
  const file = cachedClinicFile(dir, seed, sizes);
  if (existsSync(file)) return { file, generatedMs: null };
  mkdirSync(dir, { recursive: true });
  const partial = `${file}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  const started = Date.now();
  const older = olderSchemaClinic(dir, seed, sizes);
  if (older) {
    copyFileSync(older, partial);
    const core = await createCore({ file: partial, clock: manualClock(new Date(dayStartMs(ANCHOR_DATE))) });
    await core.close();
    renameSync(partial, file);
    log(`migrated ${older} to schema ${SCHEMA_VERSION} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { file, generatedMs: null };
  }
  await generateClinic(partial, seed, sizes, log);
  renameSync(partial, file);
  log(`generated ${file} (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { file, generatedMs: Date.now() - started };
}

/** Writes the whole clinic into `file` (a new file). */
export async function generateClinic(file: string, seed: number, sizes: ClinicSizes, log: (line: string) => void): Promise<void> {
  const anchorMs = dayStartMs(ANCHOR_DATE);
  const firstDayMs = anchorMs - sizes.days * DAY_MS;
  // The clinic (schema, rooms, items, staff, roster, checklists) as the console makes it.
  const core = await createCore({ file, clock: manualClock(new Date(firstDayMs)) });
  await seedDemoClinic(core.database.db, dateOfMs(firstDayMs - DAY_MS), new Date(firstDayMs - DAY_MS));
  await core.close();

  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('foreign_keys = OFF');
  const facts = readClinicFacts(sqlite);
  const random = prng(seed);

  // Customers: names by real frequency, unique mobiles, registered when first seen.
  const existing = (sqlite.prepare('SELECT COUNT(*) AS n FROM customers').get() as { n: number }).n;
  const count = Math.max(0, sizes.customers - existing);
  const phones = new Set((sqlite.prepare('SELECT phone FROM customers').all() as { phone: string }[]).map((row) => row.phone));
  const people = Array.from({ length: count }, () => {
    const person = personName(random);
    let phone = mobilePhone(random);
    while (phones.has(phone)) phone = mobilePhone(random);
    phones.add(phone);
    return { ...person, phone, tags: pick(random, TAG_SETS), birthYear: 1965 + Math.floor(random() * 40) };
  });

  // Visits per day: Saturdays and Sundays busiest, Monday quietest; scaled to the total exactly.
  const weekdayWeight = [1.4, 0.7, 0.9, 0.9, 1.0, 1.1, 1.5];
  const dayWeights = Array.from({ length: sizes.days }, (_, index) => (weekdayWeight[new Date(firstDayMs + index * DAY_MS + 12 * 3_600_000).getUTCDay()] ?? 1) * (0.85 + random() * 0.3));
  const weightSum = dayWeights.reduce((sum, weight) => sum + weight, 0);
  const perDay = dayWeights.map((weight) => Math.floor((weight / weightSum) * sizes.visits));
  perDay[perDay.length - 1]! += sizes.visits - perDay.reduce((sum, n) => sum + n, 0);

  // Who comes when: a returning core visits often (a skewed pick), newcomers spread over the years.
  const visitCustomer = (dayIndex: number) => {
    const reachable = Math.max(1, Math.floor(count * Math.min(1, 0.15 + (0.85 * (dayIndex + 1)) / sizes.days)));
    return Math.floor(reachable * random() ** 1.6);
  };
  const schedule: number[][] = perDay.map((n, dayIndex) => Array.from({ length: n }, () => visitCustomer(dayIndex)));
  const firstSeen = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
  const lastSeen = new Float64Array(count).fill(0);
  schedule.forEach((list, dayIndex) => {
    for (const index of list) {
      const ms = firstDayMs + dayIndex * DAY_MS;
      if (ms < firstSeen[index]!) firstSeen[index] = ms;
      lastSeen[index] = ms + 12 * 3_600_000;
    }
  });
  // Registered a few days before the first visit (or at some point, for those who never came).
  const order = people.map((_, index) => index);
  const registeredMs = order.map((index) => (Number.isFinite(firstSeen[index]) ? firstSeen[index]! - (1 + random() * 10) * DAY_MS : firstDayMs + random() * sizes.days * DAY_MS));
  order.sort((a, b) => registeredMs[a]! - registeredMs[b]!);
  const customerId = new Int32Array(count);
  const insertCustomer = sqlite.prepare(`INSERT INTO customers
    (name, address_form, phone, gender, birth_year, channel, notes, tags, created_at, updated_at, name_pinyin, name_initials, given_name, given_pinyin, phone_reversed, last_visit_at, version)
    VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
  const keysCache = new Map<string, ReturnType<typeof nameSearchKeys>>();
  sqlite.transaction(() => {
    for (const index of order) {
      const person = people[index]!;
      let keys = keysCache.get(person.name);
      if (!keys) keysCache.set(person.name, (keys = nameSearchKeys(person.name)));
      const stamp = iso(registeredMs[index]!);
      const id = insertCustomer.run(
        person.name, person.female ? person.surname + pick(random, ['女士', '姐', '小姐', '女士']) : `${person.surname}先生`, person.phone, person.female ? 'female' : 'male',
        person.birthYear, pick(random, CHANNELS), person.tags, stamp, stamp, keys.pinyin, keys.initials, keys.givenName, keys.givenPinyin, [...person.phone].reverse().join(''),
        lastSeen[index]! > 0 ? iso(lastSeen[index]!) : null,
      ).lastInsertRowid;
      customerId[index] = Number(id);
    }
  })();
  log(`customers: ${count} written`);

  const writer = visitWriter(sqlite, facts);
  const writeDay = sqlite.transaction((dayIndex: number) => {
    const date = dateOfMs(firstDayMs + dayIndex * DAY_MS);
    const opensMs = dayStartMs(date) + 9 * 3_600_000;
    const counters: Record<string, number> = { A: 0, W: 0, F: 0 };
    const list = schedule[dayIndex]!;
    const arrivals = list.map(() => opensMs + random() * 9 * 3_600_000).sort((a, b) => a - b);
    list.forEach((index, position) => {
      const id = customerId[index]!;
      const person = people[index]!;
      const doctor = pick(random, facts.doctors);
      const itemId = doctor.itemIds.length ? pick(random, doctor.itemIds) : null;
      const arrivedMs = arrivals[position]!;
      const walkIn = random() < 0.12;
      const kind = pick(random, KINDS);
      const staffId = pick(random, facts.receptionIds);
      let appointmentId: number | null = null;
      if (!walkIn) {
        const startsMs = Math.round((arrivedMs + (random() * 30 - 10) * 60_000) / 900_000) * 900_000;
        appointmentId = writer.appointment({ customerId: id, doctor, itemId, kind, channel: pick(random, CHANNELS), startsMs, status: 'completed', createdMs: startsMs - (1 + random() * 20) * DAY_MS, staffId });
      }
      // Some bookings never turn into visits: cancelled or no-show.
      if (random() < 0.1) {
        const startsMs = opensMs + Math.floor(random() * 36) * 900_000;
        writer.appointment({ customerId: customerId[visitCustomer(dayIndex)]!, doctor, itemId, kind: 'consultation', channel: pick(random, CHANNELS), startsMs, status: random() < 0.5 ? 'cancelled' : 'no_show', createdMs: startsMs - 3 * DAY_MS, staffId });
      }
      const visitKind = walkIn ? 'walk_in' : kind === 'followup' ? 'followup' : 'appointment';
      const prefix = walkIn ? 'W' : visitKind === 'followup' ? 'F' : 'A';
      counters[prefix]! += 1;
      writer.visit({
        date, appointmentId, customerId: id, kind: visitKind, ticket: prefix + String(counters[prefix]).padStart(3, '0'), doctor, itemId, arrivedMs, staffId,
        guideId: pick(random, facts.guideIds), path: finishedPath(random, arrivedMs, kind === 'preop'), anxious: person.tags.includes('anxious'), preop: kind === 'preop' || kind === 'surgery',
        untilMs: Number.POSITIVE_INFINITY,
      });
    });
    writer.counters(date, counters);
  });
  for (let dayIndex = 0; dayIndex < sizes.days; dayIndex += 1) {
    writeDay(dayIndex);
    if (dayIndex % 365 === 364) log(`visits: ${dayIndex + 1} of ${sizes.days} days`);
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
}
