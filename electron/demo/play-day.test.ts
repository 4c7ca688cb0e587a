import { afterEach, describe, expect, it } from 'vitest';
import { clinicInstant } from '../../shared/domain/clinic-time';
import { isFinished, waitedMinutes, type VisitStatus } from '../../shared/domain/visits';
import { caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { manualClock, offsetClock } from '../core/clock';
import { createEscortService } from '../services/escort-service';
import { createVisitService } from '../services/visit-service';
import { playDemoDay } from './play-day';
import { seedDemoClinic } from './seed-demo';
import { startDemoClinic } from './start-demo';

// Monday 2026-11-23 in Beijing.
const DAY = '2026-11-23';
const at = (time: string, date = DAY) => clinicInstant(date, time, 'Asia/Shanghai');
let core: TestCore;
afterEach(() => core.close());

async function demoCore(date = DAY) {
  core = await createTestCore({ now: at('07:30', date).toISOString() });
  await seedDemoClinic(core.database.db, date, at('07:30', date));
  return core.database.db;
}

async function visitsOf(date = DAY) {
  return core.database.db.selectFrom('visits').selectAll().where('clinic_date', '=', date).orderBy('id').execute();
}

describe('the demo day played to 11:00', () => {
  it('has a visit in every status, a no-show, walk-ins and a follow-up, with consistent events, tickets and tasks', async () => {
    const db = await demoCore();
    const until = at('11:00');
    const result = await playDemoDay(db, { date: DAY, until });
    expect(result.played).toBe(true);

    const visits = await visitsOf();
    expect(visits.length).toBe(result.arrivals);
    const statuses = new Set(visits.map((visit) => visit.status));
    for (const status of ['waiting', 'called', 'escorting', 'in_consultation', 'pre_op_exam', 'done', 'left'] as VisitStatus[]) {
      expect(statuses, status).toContain(status);
    }
    expect(visits.filter((visit) => visit.status === 'waiting').length).toBeGreaterThanOrEqual(2);
    // Tickets: unique, by kind.
    expect(new Set(visits.map((visit) => visit.ticket)).size).toBe(visits.length);
    expect(visits.some((visit) => /^W\d{3}$/.test(visit.ticket))).toBe(true);
    expect(visits.filter((visit) => /^W\d{3}$/.test(visit.ticket)).length).toBeGreaterThanOrEqual(2);
    expect(visits.some((visit) => /^F\d{3}$/.test(visit.ticket))).toBe(true);
    for (const visit of visits) expect(visit.arrived_at <= until.toISOString()).toBe(true);

    // One no-show, marked half an hour after its slot.
    const noShows = await db.selectFrom('appointments').select(['id', 'starts_at', 'updated_at']).where('status', '=', 'no_show').execute();
    expect(noShows).toHaveLength(1);
    expect(Date.parse(noShows[0]!.updated_at) - Date.parse(noShows[0]!.starts_at)).toBe(30 * 60_000);

    // Every visit's events follow the status machine in time order and end in its status; every wait figure comes from them.
    const board = await createVisitService().board(db, DAY, until);
    const events = await db.selectFrom('visit_events').selectAll().orderBy('visit_id').orderBy('at').orderBy('id').execute();
    for (const visit of visits) {
      const own = events.filter((event) => event.visit_id === visit.id);
      expect(own[0]).toMatchObject({ from_status: null, to_status: 'waiting', at: visit.arrived_at });
      for (const [index, event] of own.entries()) {
        if (index > 0) expect(event.from_status).toBe(own[index - 1]!.to_status);
        expect(event.at <= until.toISOString()).toBe(true);
      }
      expect(own[own.length - 1]!.to_status).toBe(visit.status);
      const card = board.cards.find((candidate) => candidate.visitId === visit.id)!;
      // A finished visit's card carries no wait (the board shows none for it).
      expect(card.waitedMinutes).toBe(isFinished(visit.status) ? null : waitedMinutes(own.map((event) => ({ to: event.to_status as VisitStatus, at: event.at })), until));
      if (visit.appointment_id !== null) {
        const appointment = await db.selectFrom('appointments').select('status').where('id', '=', visit.appointment_id).executeTakeFirstOrThrow();
        expect(appointment.status).toBe(visit.status === 'done' ? 'completed' : 'checked_in');
      }
    }

    // Comfort: open tasks only on waiting cards; exactly one overdue, on a waiting card that has waited past the round.
    const open = board.cards.flatMap((card) => card.comfort.filter((task) => task.doneAt === null).map((task) => ({ card, task })));
    expect(open.length).toBeGreaterThan(0);
    for (const { card } of open) expect(card.status).toBe('waiting');
    const overdue = open.filter(({ task }) => task.overdue);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.card.waitedMinutes).toBeGreaterThanOrEqual(15);
    // Done by staff, at their time, before they fell due.
    const tasks = await db.selectFrom('comfort_tasks').select(['visit_id', 'due_at', 'done_at', 'cancelled_at']).execute();
    const done = tasks.filter((task) => task.done_at !== null);
    expect(done.length).toBeGreaterThan(visits.length);
    for (const task of done) expect(task.done_at! <= task.due_at && task.done_at! <= until.toISOString()).toBe(true);
    // Every card counts its tasks as the database holds them, finished or not: those withdrawn before
    // they fell due left out, those withdrawn after it counted as missed.
    for (const card of board.cards) {
      const own = tasks.filter((task) => task.visit_id === card.visitId && (task.cancelled_at === null || task.cancelled_at > task.due_at));
      expect(card.comfortCount).toEqual({
        done: own.filter((task) => task.done_at !== null).length,
        missed: own.filter((task) => task.cancelled_at !== null).length,
        total: own.length,
      });
    }

    // The audit log tells the same morning: every move of a card is a transition, or a guide's
    // pick-up or a room's acknowledgement that moved it.
    const audited = await db.selectFrom('audit_log').select(['method']).where('device', '=', 'demo').execute();
    expect(audited.filter((row) => row.method === 'visits.checkIn')).toHaveLength(visits.length);
    const moves = audited.filter((row) => ['visits.transition', 'escorts.pickUp', 'escorts.acknowledge'].includes(row.method));
    expect(moves).toHaveLength(events.length - visits.length);
  });

  it('walks customers with guides: taken, picked up, delivered and acknowledged at the door, as the escort times report them', async () => {
    const db = await demoCore();
    const until = at('11:00');
    await playDemoDay(db, { date: DAY, until });
    const escorts = await db
      .selectFrom('escorts as e')
      .innerJoin('visits as v', 'v.id', 'e.visit_id')
      .leftJoin('staff as g', 'g.id', 'e.guide_id')
      .select(['e.id', 'e.status', 'e.arrival_status', 'v.status as visitStatus', 'g.role as guideRole'])
      .where('v.clinic_date', '=', DAY)
      .execute();
    const events = await db.selectFrom('escort_events as x').innerJoin('staff as s', 's.id', 'x.staff_id').select(['x.escort_id', 'x.kind', 'x.at', 's.role']).orderBy('x.at').orderBy('x.id').execute();
    const walked = escorts.filter((escort) => escort.status === 'acknowledged');
    // Both kinds of walk: to the consultation room and to the pre-op exam.
    expect(walked.some((escort) => escort.arrival_status === 'in_consultation')).toBe(true);
    expect(walked.some((escort) => escort.arrival_status === 'pre_op_exam')).toBe(true);
    for (const escort of walked) {
      const own = events.filter((event) => event.escort_id === escort.id);
      expect(own.map((event) => event.kind)).toEqual(['requested', 'taken', 'picked_up', 'delivered', 'acknowledged']);
      expect(escort.guideRole).toBe('guide');
      for (const event of own.slice(1, 4)) expect(event.role, event.kind).toBe('guide');
      expect(own[4]!.role).not.toBe('guide');
      for (const [index, event] of own.entries()) if (index > 0) expect(event.at > own[index - 1]!.at, `${escort.id} ${event.kind}`).toBe(true);
    }
    // Whoever's card reads "escorting" is on her way with a guide who picked her up: never an
    // escort nobody took.
    const onTheWay = escorts.filter((escort) => escort.visitStatus === 'escorting');
    expect(onTheWay.length).toBeGreaterThan(0);
    for (const escort of onTheWay.filter((candidate) => !['acknowledged', 'cancelled'].includes(candidate.status))) {
      expect(escort).toMatchObject({ status: 'picked_up', guideRole: 'guide' });
    }
    // The manager's escort times have something to show for the morning.
    const times = await createEscortService().times(db, DAY, until);
    for (const key of ['requestToTake', 'takeToPickUp', 'pickUpToDelivery', 'deliveryToAck'] as const) {
      expect(times.steps.find((step) => step.step === key)!.count, key).toBeGreaterThanOrEqual(walked.length);
    }
  });

  it('is the same morning every time, and a second run on the same day adds nothing', async () => {
    const db = await demoCore();
    await playDemoDay(db, { date: DAY, until: at('11:00') });
    const first = (await visitsOf()).map(({ ticket, status, arrived_at, customer_id }) => ({ ticket, status, arrived_at, customer_id }));
    const events = await db.selectFrom('visit_events').select('id').execute();
    const again = await playDemoDay(db, { date: DAY, until: at('11:30') });
    expect(again).toMatchObject({ played: false, reason: 'already-played', arrivals: first.length });
    expect(await db.selectFrom('visit_events').select('id').execute()).toHaveLength(events.length);
    expect(await seedDemoClinic(db, DAY, at('11:30'))).toMatchObject({ createdClinic: false, appointmentsAdded: 0 });
    await core.close();

    const db2 = await demoCore();
    await playDemoDay(db2, { date: DAY, until: at('11:00') });
    expect((await visitsOf()).map(({ ticket, status, arrived_at, customer_id }) => ({ ticket, status, arrived_at, customer_id }))).toEqual(first);
  });
});

describe('the demo day at other times', () => {
  it('before opening, nobody has arrived', async () => {
    const db = await demoCore();
    expect(await playDemoDay(db, { date: DAY, until: at('08:00') })).toMatchObject({ played: true, arrivals: 0, noShows: 0 });
    expect(await visitsOf()).toHaveLength(0);
  });

  it('a later day adds its bookings and plays them', async () => {
    const db = await demoCore();
    await playDemoDay(db, { date: DAY, until: at('11:00') });
    const next = '2026-11-25';
    await seedDemoClinic(db, next, at('07:00', next));
    const result = await playDemoDay(db, { date: next, until: at('15:00', next) });
    expect(result.played).toBe(true);
    expect(result.arrivals).toBeGreaterThan(10);
    expect((await visitsOf(next)).map((visit) => visit.ticket)).toContain('A001');
  });

  it('leaves a clinic that is not the demo alone', async () => {
    core = await createTestCore({ now: at('07:30').toISOString() });
    expect(await playDemoDay(core.database.db, { date: DAY, until: at('11:00') })).toMatchObject({ played: false, reason: 'not-demo' });
  });

  it('a busy day brings about 300 arrivals', async () => {
    const db = await demoCore();
    const result = await playDemoDay(db, { date: DAY, until: at('18:00'), arrivals: 300 });
    expect(result.arrivals).toBeGreaterThanOrEqual(280);
    expect(result.arrivals).toBeLessThanOrEqual(320);
    const visits = await visitsOf();
    expect(new Set(visits.map((visit) => visit.ticket)).size).toBe(visits.length);
  }, 120_000);
});

describe('any morning', () => {
  // Sunday mornings are quiet (two doctors, a handful of bookings): the week's working days.
  it('shows every lane at 10:30 on the working days of a week, with one forgotten round', async () => {
    for (const date of ['2026-11-24', '2026-11-26', '2026-11-27', '2026-11-28']) {
      const db = await demoCore(date);
      const until = at('10:30', date);
      const result = await playDemoDay(db, { date, until });
      expect(result.noShows, date).toBe(1);
      for (const status of ['waiting', 'called', 'escorting', 'in_consultation', 'pre_op_exam', 'done'] as VisitStatus[]) {
        expect(result.byStatus[status], `${date} ${status}`).toBeGreaterThan(0);
      }
      const board = await createVisitService().board(db, date, until);
      expect(board.cards.flatMap((card) => card.comfort.filter((task) => task.overdue)), date).toHaveLength(1);
      await core.close();
    }
    core = await createTestCore();
  }, 60_000);
});

describe('the demo start', () => {
  it('plays to --demo-at on the clinic day of the real time, and the shifted clock reads that time from then on', async () => {
    core = await createTestCore();
    const realNow = new Date('2026-11-23T13:00:00.000Z'); // 21:00 in Beijing
    const demo = await startDemoClinic(core.database.db, { now: realNow, at: '10:30' });
    expect(demo.date).toBe(DAY);
    expect(demo.playedTo.toISOString()).toBe(at('10:30').toISOString());
    expect(demo.summary).toMatch(/^Demo day 2026-11-23 played to 10:30: \d+ arrivals \(waiting \d+, called/);
    const real = manualClock(realNow);
    const clock = offsetClock(real);
    clock.setTo(demo.playedTo);
    expect(clock.now().toISOString()).toBe(at('10:30').toISOString());
    real.advance(90_000);
    expect(clock.now().toISOString()).toBe(new Date(at('10:30').getTime() + 90_000).toISOString());
    await expect(startDemoClinic(core.database.db, { now: realNow, at: '25:00' })).rejects.toThrow(/HH:MM/);
  });

  it("sends the server's time with the board, for timers that do not trust the browser's clock", async () => {
    await demoCore();
    core.clock.set(at('10:45'));
    const reception = await core.database.db.selectFrom('staff').select('id').where('name', '=', '陈晓雨').executeTakeFirstOrThrow();
    const token = await signIn(core, reception.id);
    const board = await core.dispatcher.dispatch('visits.board', {}, caller(token));
    expect(board).toMatchObject({ ok: true, value: { date: DAY, now: at('10:45').toISOString() } });
  });
});
