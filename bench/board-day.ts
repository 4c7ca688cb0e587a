/**
 * The bench's "today": a busy day in the afternoon — `arrivals` visits on the board (most already
 * done, a dozen waiting with their timers and comfort rounds, some with the doctors), and a pool
 * of booked appointments still to check in, for the check-in rows and the browser's push rows.
 * Written into the working copy of the cached clinic, never into the cache itself.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { finishedPath, readClinicFacts, visitWriter } from './generate-clinic';
import { pick, prng } from './names';

/** Where the visits of the board day stand: the shape of a busy afternoon. */
const OPEN_STATUSES: [string, number][] = [
  ['waiting', 12],
  ['called', 5],
  ['escorting', 4],
  ['in_consultation', 12],
  ['pre_op_exam', 4],
];

export interface BoardDay {
  date: string;
  /** Booked appointments of `date`, not checked in, each of a different customer. */
  bookedAppointmentIds: number[];
}

/**
 * Adds `arrivals` visits on `date` arriving over the hours before `now` (the last ones the open
 * ones), and `booked` appointments of `date` to check in.
 */
export function addBoardDay(sqlite: BetterSqlite3.Database, date: string, now: Date, arrivals: number, booked: number, seed: number): BoardDay {
  const facts = readClinicFacts(sqlite);
  const writer = visitWriter(sqlite, facts);
  const random = prng(seed ^ 0x5eed);
  const nowMs = now.getTime();
  const maxCustomer = (sqlite.prepare('SELECT MAX(id) AS n FROM customers').get() as { n: number }).n;
  const used = new Set<number>();
  const customer = () => {
    let id = 1 + Math.floor(random() * maxCustomer);
    while (used.has(id)) id = 1 + Math.floor(random() * maxCustomer);
    used.add(id);
    return id;
  };
  const tagsOf = sqlite.prepare('SELECT tags FROM customers WHERE id = ?');
  const touch = sqlite.prepare('UPDATE customers SET last_visit_at = ? WHERE id = ?');
  const open = OPEN_STATUSES.flatMap(([status, count]) => Array.from({ length: count }, () => status));
  const bookedIds: number[] = [];
  sqlite.transaction(() => {
    const counters: Record<string, number> = { A: 0, W: 0, F: 0 };
    for (let index = 0; index < arrivals; index += 1) {
      // Finished visits arrived 8 h to 1 h ago; the open ones in the last hour.
      const openStatus = index >= arrivals - open.length ? open[index - (arrivals - open.length)]! : null;
      const arrivedMs = openStatus ? nowMs - (60 - (index - (arrivals - open.length)) * (55 / open.length)) * 60_000 : nowMs - (8 - (7 * index) / arrivals) * 3_600_000;
      const doctor = pick(random, facts.doctors);
      const itemId = doctor.itemIds.length ? pick(random, doctor.itemIds) : null;
      const customerId = customer();
      const staffId = pick(random, facts.receptionIds);
      const walkIn = random() < 0.12;
      const appointmentId = walkIn
        ? null
        : writer.appointment({ customerId, doctor, itemId, kind: 'consultation', channel: 'phone', startsMs: Math.floor(arrivedMs / 900_000) * 900_000, status: openStatus === null ? 'completed' : 'checked_in', createdMs: arrivedMs - 3 * 86_400_000, staffId });
      let path = finishedPath(random, arrivedMs, false);
      if (path[path.length - 1]!.atMs > nowMs) path = path.filter((step) => step.atMs <= nowMs);
      if (openStatus) {
        const chain = ['waiting', 'called', 'escorting', 'in_consultation', 'pre_op_exam'];
        const steps = chain.slice(0, chain.indexOf(openStatus) + 1);
        path = steps.map((status, step) => ({ status, atMs: arrivedMs + step * 3 * 60_000 }));
      }
      const prefix = walkIn ? 'W' : 'A';
      counters[prefix]! += 1;
      writer.visit({
        date, appointmentId, customerId, kind: walkIn ? 'walk_in' : 'appointment', ticket: prefix + String(counters[prefix]).padStart(3, '0'), doctor, itemId, arrivedMs, staffId,
        guideId: pick(random, facts.guideIds), path, anxious: String((tagsOf.get(customerId) as { tags: string }).tags).includes('anxious'), preop: false, untilMs: nowMs,
      });
      touch.run(new Date(arrivedMs).toISOString(), customerId);
    }
    writer.counters(date, counters);
    for (let index = 0; index < booked; index += 1) {
      const doctor = pick(random, facts.doctors);
      bookedIds.push(
        writer.appointment({
          customerId: customer(), doctor, itemId: doctor.itemIds[0] ?? null, kind: pick(random, ['consultation', 'followup', 'preop'] as const), channel: 'phone',
          startsMs: Math.floor(nowMs / 900_000) * 900_000, status: 'confirmed', createdMs: nowMs - 2 * 86_400_000, staffId: pick(random, facts.receptionIds),
        }),
      );
    }
  })();
  return { date, bookedAppointmentIds: bookedIds };
}
