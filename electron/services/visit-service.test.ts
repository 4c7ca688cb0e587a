import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, caller, countRows, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { seedDemoClinic } from '../demo/seed-demo';
import { createHttpServer } from '../server/http-server';

// Monday 2026-11-23, 08:30 in Beijing: before the first appointment.
const NOW = '2026-11-23T00:30:00.000Z';
let core: TestCore;
let reception: string;
let guide: string;

type Result<T> = { ok: true; value: T } | { ok: false; status: number; error: { code: string; message: string; details?: Record<string, unknown> } };
const call = <T = Record<string, unknown>>(method: string, input: unknown, token = reception) =>
  core.dispatcher.dispatch(method, input, caller(token)) as Promise<Result<T>>;

async function appointmentsOf(date: string, kind?: string) {
  let query = core.database.db
    .selectFrom('appointments')
    .select(['id', 'starts_at', 'kind', 'customer_id'])
    .where('starts_at', '>=', `${date}T00:00:00.000Z`.replace(date, date))
    .orderBy('starts_at');
  if (kind) query = query.where('kind', '=', kind as never);
  const rows = await query.execute();
  return rows.filter((row) => row.starts_at >= '2026-11-22T16:00:00.000Z' && row.starts_at < (date === '2026-11-23' ? '2026-11-23T16:00:00.000Z' : '2026-11-24T16:00:00.000Z'));
}

beforeEach(async () => {
  core = await createTestCore({ now: NOW });
  await seedDemoClinic(core.database.db, '2026-11-23', new Date(NOW));
  reception = await signIn(core, await addStaff(core, '前台测试', 'reception'));
  guide = await signIn(core, await addStaff(core, '导医测试', 'guide'));
});
afterEach(() => core.close());

describe('check-in', () => {
  it('gives tickets by kind, greets by address form, says how early, and marks the appointment arrived', async () => {
    const today = (await appointmentsOf('2026-11-23')).filter((row) => row.kind !== 'followup');
    const first = await call<{ ticket: string; greeting: { addressForm: string }; minutesLate: number }>('visits.checkIn', { appointmentId: today[0]!.id });
    expect(first).toMatchObject({ ok: true, value: { ticket: 'A001' } });
    if (!first.ok) return;
    expect(first.value.minutesLate).toBe(Math.round((Date.parse(NOW) - Date.parse(today[0]!.starts_at)) / 60_000));
    expect(first.value.minutesLate).toBeLessThan(0);
    const customer = await core.database.db.selectFrom('customers').select(['address_form', 'last_visit_at']).where('id', '=', today[0]!.customer_id).executeTakeFirstOrThrow();
    expect(first.value.greeting.addressForm).toBe(customer.address_form);
    expect(customer.last_visit_at).toBe(NOW);
    const appointment = await core.database.db.selectFrom('appointments').select('status').where('id', '=', today[0]!.id).executeTakeFirstOrThrow();
    expect(appointment.status).toBe('checked_in');

    expect(await call('visits.checkIn', { appointmentId: today[1]!.id })).toMatchObject({ ok: true, value: { ticket: 'A002' } });
    const followup = (await appointmentsOf('2026-11-23', 'followup'))[0];
    if (followup) expect(await call('visits.checkIn', { appointmentId: followup.id })).toMatchObject({ ok: true, value: { ticket: 'F001' } });
    const walkIn = await call('visits.checkIn', { walkIn: { customerId: today[5]!.customer_id } }, guide);
    expect(walkIn).toMatchObject({ ok: true, value: { ticket: 'W001', minutesLate: null } });
  });

  it('refuses the same appointment twice, naming its ticket, and writes nothing more', async () => {
    const [appointment] = await appointmentsOf('2026-11-23');
    await call('visits.checkIn', { appointmentId: appointment!.id });
    const visits = await core.database.db.selectFrom('visits').select('id').execute();
    const again = await call('visits.checkIn', { appointmentId: appointment!.id });
    expect(again).toMatchObject({ ok: false, status: 409, error: { code: 'conflict', details: { ticket: expect.stringMatching(/^[AF]001$/) } } });
    expect(again.ok || again.error.message).toMatch(/Already checked in, ticket [AF]001/);
    expect(await core.database.db.selectFrom('visits').select('id').execute()).toHaveLength(visits.length);
  });

  it('keeps one open visit a customer a day: a walk-in or her appointment after she is here is refused naming her ticket, and writes nothing', async () => {
    const [appointment] = await appointmentsOf('2026-11-23');
    const first = await call<{ ticket: string; visitId: number }>('visits.checkIn', { appointmentId: appointment!.id });
    expect(first.ok).toBe(true);
    const ticket = first.ok ? first.value.ticket : '';
    const before = { visits: await countRows(core, 'visits'), events: await countRows(core, 'visit_events'), tasks: await countRows(core, 'comfort_tasks') };

    const walkIn = await call('visits.checkIn', { walkIn: { customerId: appointment!.customer_id } });
    expect(walkIn).toMatchObject({ ok: false, status: 409, error: { code: 'conflict', details: { ticket, currentStatus: 'waiting' } } });
    expect(walkIn.ok || walkIn.error.message).toBe(`This customer is already here today as ${ticket} (Waiting) and cannot be checked in twice`);
    expect({ visits: await countRows(core, 'visits'), events: await countRows(core, 'visit_events'), tasks: await countRows(core, 'comfort_tasks') }).toEqual(before);

    // The other way round: another customer came in as a walk-in, then her appointment is checked in.
    const other = (await appointmentsOf('2026-11-23')).find((row) => row.customer_id !== appointment!.customer_id)!;
    const walked = await call<{ ticket: string }>('visits.checkIn', { walkIn: { customerId: other.customer_id } });
    expect(walked.ok).toBe(true);
    const booked = await call('visits.checkIn', { appointmentId: other.id });
    expect(booked).toMatchObject({ ok: false, status: 409, error: { details: { ticket: walked.ok ? walked.value.ticket : '' } } });
    const statusOf = await core.database.db.selectFrom('appointments').select('status').where('id', '=', other.id).executeTakeFirstOrThrow();
    expect(statusOf.status).not.toBe('checked_in');

    // Once her visit is over, she may come back the same day as a walk-in.
    for (const to of ['called', 'in_consultation', 'done']) expect((await call('visits.transition', { visitId: first.ok ? first.value.visitId : 0, to })).ok).toBe(true);
    expect(await call('visits.checkIn', { walkIn: { customerId: appointment!.customer_id } })).toMatchObject({ ok: true });
  });

  it('is refused by the database too: a second open visit of a customer on one day cannot be stored', async () => {
    const [appointment] = await appointmentsOf('2026-11-23');
    const first = await call<{ visitId: number }>('visits.checkIn', { appointmentId: appointment!.id });
    expect(first.ok).toBe(true);
    const row = await core.database.db.selectFrom('visits').selectAll().where('customer_id', '=', appointment!.customer_id).executeTakeFirstOrThrow();
    const copy = { ...row, id: undefined, appointment_id: null, ticket: 'W999', kind: 'walk_in' as const };
    await expect(core.database.db.insertInto('visits').values(copy as never).execute()).rejects.toThrow(/UNIQUE constraint failed: visits.customer_id, visits.clinic_date/);
  });

  it("refuses another day's appointment and an unknown number", async () => {
    const tomorrow = await core.database.db.selectFrom('appointments').select('id').where('starts_at', '>=', '2026-11-23T16:00:00.000Z').executeTakeFirstOrThrow();
    expect(await call('visits.checkIn', { appointmentId: tomorrow.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: 'This appointment is on 2026-11-24, not today' } });
    expect(await call('visits.checkIn', { appointmentId: 999_999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses an appointment no longer open with the conflict naming its status, and writes nothing', async () => {
    const [appointment] = await appointmentsOf('2026-11-23');
    await core.database.db.updateTable('appointments').set({ status: 'cancelled' }).where('id', '=', appointment!.id).execute();
    const refused = await call('visits.checkIn', { appointmentId: appointment!.id });
    expect(refused).toMatchObject({
      ok: false,
      status: 409,
      error: { code: 'conflict', message: 'This appointment is "Cancelled" and cannot be checked in', details: { appointmentId: appointment!.id, status: 'cancelled' } },
    });
    expect(await core.database.db.selectFrom('visits').select('id').execute()).toEqual([]);
  });

  it('restarts numbering each clinic day', async () => {
    // Two customers (one customer has one open visit a day).
    const walkIn = { walkIn: { customerId: 1 } };
    expect(await call('visits.checkIn', walkIn)).toMatchObject({ ok: true, value: { ticket: 'W001' } });
    expect(await call('visits.checkIn', { walkIn: { customerId: 2 } })).toMatchObject({ ok: true, value: { ticket: 'W002' } });
    core.clock.set('2026-11-23T16:05:00.000Z'); // 00:05 on the 24th in Beijing
    const nightShift = await signIn(core, await addStaff(core, '夜班前台', 'reception'));
    expect(await call('visits.checkIn', walkIn, nightShift)).toMatchObject({ ok: true, value: { ticket: 'W001' } });
  });
});

describe('the board and its wait figures', () => {
  it('times the wait from the events: amber at 15 min, red at 30, stopped once called', async () => {
    const [appointment] = await appointmentsOf('2026-11-23');
    const checked = await call<{ visitId: number }>('visits.checkIn', { appointmentId: appointment!.id });
    if (!checked.ok) throw new Error(checked.error.message);
    const card = async () => {
      const board = await call<{ cards: { visitId: number; waitedMinutes: number; waitLevel: string; status: string; waitingSince: string | null }[] }>('visits.board', {});
      if (!board.ok) throw new Error(board.error.message);
      return board.value.cards.find((entry) => entry.visitId === checked.value.visitId)!;
    };
    expect(await card()).toMatchObject({ status: 'waiting', waitedMinutes: 0, waitLevel: 'normal', waitingSince: NOW });
    core.clock.advance(15 * 60_000);
    expect(await card()).toMatchObject({ waitedMinutes: 15, waitLevel: 'amber' });
    core.clock.advance(15 * 60_000);
    expect(await card()).toMatchObject({ waitedMinutes: 30, waitLevel: 'red' });
    expect(await call('visits.transition', { visitId: checked.value.visitId, to: 'called' }, guide)).toMatchObject({ ok: true, value: { status: 'called' } });
    core.clock.advance(20 * 60_000);
    expect(await card()).toMatchObject({ status: 'called', waitedMinutes: 30, waitLevel: 'normal', waitingSince: null });
  });

  it('refuses a move the status machine does not allow, naming the current status', async () => {
    const [appointment] = await appointmentsOf('2026-11-23');
    const checked = await call<{ visitId: number }>('visits.checkIn', { appointmentId: appointment!.id });
    if (!checked.ok) throw new Error(checked.error.message);
    const audit = await countRows(core, 'audit_log');
    const wrong = await call('visits.transition', { visitId: checked.value.visitId, to: 'done' });
    expect(wrong).toMatchObject({ ok: false, status: 409, error: { code: 'conflict', message: 'The visit is "Waiting" and cannot become "Done"', details: { currentStatus: 'waiting' } } });
    expect(await countRows(core, 'audit_log')).toBe(audit);
  });

  it('lets one of two staff calling the same customer win; the other gets a conflict', async () => {
    const [appointment] = await appointmentsOf('2026-11-23');
    const checked = await call<{ visitId: number }>('visits.checkIn', { appointmentId: appointment!.id });
    if (!checked.ok) throw new Error(checked.error.message);
    // Both saw the card at version 1.
    const results = await Promise.all([
      call('visits.transition', { visitId: checked.value.visitId, to: 'called', expectedVersion: 1 }),
      call('visits.transition', { visitId: checked.value.visitId, to: 'left', expectedVersion: 1 }, guide),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ error: { code: 'conflict' } });
    const events = await core.database.db.selectFrom('visit_events').select('to_status').where('visit_id', '=', checked.value.visitId).execute();
    expect(events).toHaveLength(2);
  });
});

describe('the cards a change notice names', () => {
  it('are the board’s own cards of those visits, read alone; a visit not found is left out', async () => {
    const [first, second] = await appointmentsOf('2026-11-23');
    const a = await call<{ visitId: number }>('visits.checkIn', { appointmentId: first!.id });
    const b = await call<{ visitId: number }>('visits.checkIn', { appointmentId: second!.id });
    if (!a.ok || !b.ok) throw new Error('check-in failed');
    await call('visits.transition', { visitId: b.value.visitId, to: 'called' });
    core.clock.advance(7 * 60_000);
    const board = await call<{ cards: { visitId: number }[]; now: string }>('visits.board', {});
    const cards = await call<{ cards: { visitId: number; clinicDate: string }[]; now: string }>('visits.cards', { ids: [b.value.visitId, 999_999, a.value.visitId] });
    if (!board.ok || !cards.ok) throw new Error('read failed');
    expect(cards.value.now).toBe(board.value.now);
    // In arrival order, exactly as the day's snapshot has them (wait figures, comfort and all).
    expect(cards.value.cards).toEqual(board.value.cards.filter((card) => [a.value.visitId, b.value.visitId].includes(card.visitId)));
    expect(cards.value.cards.map((card) => card.clinicDate)).toEqual(['2026-11-23', '2026-11-23']);
    expect(await call('visits.cards', { ids: [] })).toMatchObject({ ok: false, error: { code: 'invalid', path: ['ids'] } });
  });
});

describe('tickets over HTTP', () => {
  let server: FastifyInstance;
  afterEach(() => server.close());

  it('never share a number when many desks check in at once', async () => {
    server = await createHttpServer({ core, version: 'test' });
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    const customers = await core.database.db.selectFrom('customers').select('id').limit(12).execute();
    const responses = await Promise.all(
      customers.map((customer, index) =>
        fetch(`${base}/api/visits.checkIn`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${index % 2 ? guide : reception}` },
          body: JSON.stringify({ walkIn: { customerId: customer.id } }),
        }).then((response) => response.json() as Promise<{ ticket: string }>),
      ),
    );
    const tickets = responses.map((response) => response.ticket).sort();
    expect(new Set(tickets).size).toBe(12);
    expect(tickets).toEqual(Array.from({ length: 12 }, (_, index) => `W${String(index + 1).padStart(3, '0')}`));
  });
});
