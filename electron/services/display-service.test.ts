import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { OPEN_APPOINTMENT_STATUSES } from '../../shared/domain/appointments';
import { maskGivenName, maskName } from '../../shared/domain/masking';
import type { DisplayBoard } from '../../shared/contract/display';
import { seedDemoClinic } from '../demo/seed-demo';
import { callsOfDayQuery, waitingOfDayQuery } from '../db/repositories/lobby-display';
import { DISPLAY_SESSION_HOURS, SESSION_HOURS } from './auth-service';

// Monday 2026-11-23, 08:30 in Beijing: before the first appointment, so the day starts empty.
const NOW = '2026-11-23T00:30:00.000Z';
let core: TestCore;
let reception: string;
let manager: string;
let lobby: string;

type Result<T> = { ok: true; value: T } | { ok: false; status: number; error: { code: string; message: string } };
const call = <T = Record<string, unknown>>(method: string, input: unknown, token = reception) =>
  core.dispatcher.dispatch(method, input, caller(token)) as Promise<Result<T>>;

async function board(token = lobby): Promise<DisplayBoard> {
  const result = await call<DisplayBoard>('display.board', {}, token);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Today's appointments in time order, with their customer's name and the room's floor. */
async function todaysAppointments() {
  return core.database.db
    .selectFrom('appointments as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .leftJoin('rooms as r', 'r.id', 'a.room_id')
    .select(['a.id', 'c.name', 'r.floor', 'r.name as roomName', 'r.name_en as roomNameEn'])
    .where('a.starts_at', '>=', '2026-11-22T16:00:00.000Z')
    .where('a.starts_at', '<', '2026-11-23T16:00:00.000Z')
    .where('a.status', 'in', [...OPEN_APPOINTMENT_STATUSES])
    .orderBy('a.starts_at')
    .execute();
}

async function checkIn(appointmentId: number) {
  const result = await call<{ visitId: number; ticket: string }>('visits.checkIn', { appointmentId });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function move(visitId: number, to: string) {
  const result = await call('visits.transition', { visitId, to });
  if (!result.ok) throw new Error(`${to}: ${result.error.message}`);
}

beforeEach(async () => {
  core = await createTestCore({ now: NOW });
  await seedDemoClinic(core.database.db, '2026-11-23', new Date(NOW));
  reception = await signIn(core, await addStaff(core, '前台测试', 'reception'));
  manager = await signIn(core, await addStaff(core, '主管测试', 'manager'));
  lobby = await signIn(core, await addStaff(core, '大堂电视测试', 'display'));
});
afterEach(() => core.close());

describe('the lobby display board', () => {
  it('shows an empty day as empty, with the clinic name and the day', async () => {
    const empty = await board();
    expect(empty).toMatchObject({ date: '2026-11-23', called: [], waiting: [], waitingTotal: 0, nameMode: 'maskedName', showEnglish: false });
    expect(empty.clinicName).not.toBe('');
  });

  it('lists the call with its masked name, floor and room, and the next waiting in arrival order', async () => {
    const [first, second, third] = await todaysAppointments();
    const a = await checkIn(first!.id);
    core.clock.advance(60_000);
    const b = await checkIn(second!.id);
    core.clock.advance(60_000);
    const c = await checkIn(third!.id);
    core.clock.advance(60_000);
    await move(b.visitId, 'called');

    const shown = await board();
    expect(shown.called).toEqual([
      {
        ticket: b.ticket,
        name: maskName(second!.name),
        room: { floor: second!.floor, nameZh: second!.roomName, nameEn: second!.roomNameEn },
        calledAt: core.clock.now().toISOString(),
      },
    ]);
    expect(shown.waiting).toEqual([
      { ticket: a.ticket, name: maskName(first!.name) },
      { ticket: c.ticket, name: maskName(third!.name) },
    ]);
    expect(shown.waitingTotal).toBe(2);
  });

  it('puts the newest call first, and a customer called again comes back to the top', async () => {
    const [first, second] = await todaysAppointments();
    const a = await checkIn(first!.id);
    const b = await checkIn(second!.id);
    await move(a.visitId, 'called');
    core.clock.advance(60_000);
    await move(b.visitId, 'called');
    expect((await board()).called.map((row) => row.ticket)).toEqual([b.ticket, a.ticket]);

    // A did not come; sent back to wait, then called again a minute later.
    await move(a.visitId, 'waiting');
    expect((await board()).called.map((row) => row.ticket)).toEqual([b.ticket]);
    core.clock.advance(60_000);
    await move(a.visitId, 'called');
    const again = await board();
    expect(again.called.map((row) => row.ticket)).toEqual([a.ticket, b.ticket]);
    expect(again.called[0]!.calledAt).toBe(core.clock.now().toISOString());
  });

  it('keeps a call on screen while a guide takes the customer up, and drops it once they are in the room', async () => {
    const [first] = await todaysAppointments();
    const a = await checkIn(first!.id);
    await move(a.visitId, 'called');
    await move(a.visitId, 'escorting');
    expect((await board()).called.map((row) => row.ticket)).toEqual([a.ticket]);
    await move(a.visitId, 'in_consultation');
    expect((await board()).called).toEqual([]);
    // Walked on to the pre-op exam by a guide: not a call, not for the lobby.
    await move(a.visitId, 'escorting');
    expect((await board()).called).toEqual([]);
  });

  it('in no status carries a full name, a phone, a note or an item of anyone on file', async () => {
    const appointments = (await todaysAppointments()).slice(0, 7);
    const visits = [];
    for (const appointment of appointments) visits.push(await checkIn(appointment.id));
    const paths: string[][] = [
      [],
      ['called'],
      ['called', 'escorting'],
      ['called', 'in_consultation'],
      ['called', 'in_consultation', 'pre_op_exam'],
      ['called', 'in_consultation', 'done'],
      ['left'],
    ];
    for (const [index, path] of paths.entries()) for (const to of path) await move(visits[index]!.visitId, to);

    const statuses = await core.database.db.selectFrom('visits').select('status').execute();
    expect(new Set(statuses.map((row) => row.status))).toEqual(new Set(['waiting', 'called', 'escorting', 'in_consultation', 'pre_op_exam', 'done', 'left']));

    const shown = JSON.stringify(await board());
    const customers = await core.database.db.selectFrom('customers').select(['name', 'phone', 'notes']).execute();
    const items = await core.database.db.selectFrom('items').select(['name', 'name_en']).execute();
    expect(customers.length).toBeGreaterThan(100);
    for (const customer of customers) {
      expect(shown).not.toContain(customer.name);
      expect(shown).not.toContain(customer.phone);
      expect(shown).not.toContain(customer.phone.slice(-8));
      if (customer.notes.trim()) expect(shown).not.toContain(customer.notes.trim());
    }
    for (const item of items) {
      expect(shown).not.toContain(item.name);
      expect(shown).not.toContain(item.name_en);
    }
    // And what it shows is there: the waiting one masked, the two calls.
    const parsed = JSON.parse(shown) as DisplayBoard;
    expect(parsed.waiting).toEqual([{ ticket: visits[0]!.ticket, name: maskName(appointments[0]!.name) }]);
    expect(parsed.called.map((row) => row.ticket).sort()).toEqual([visits[1]!.ticket, visits[2]!.ticket].sort());
  });

  it('follows the settings: surname only, tickets only, how many to list, the English line', async () => {
    const appointments = (await todaysAppointments()).slice(0, 4);
    const visits = [];
    for (const appointment of appointments) visits.push(await checkIn(appointment.id));
    await move(visits[3]!.visitId, 'called');

    const update = (patch: Record<string, unknown>) => call('settings.update', patch, manager);
    expect(await update({ displayNameMode: 'surnameOnly', displayEnglish: true })).toMatchObject({ ok: true });
    const surnames = await board();
    expect(surnames.waiting.map((row) => row.name)).toEqual(appointments.slice(0, 3).map((row) => maskGivenName(row.name)));
    expect(surnames.called[0]!.name).toBe(maskGivenName(appointments[3]!.name));
    expect(surnames).toMatchObject({ showEnglish: true, nameMode: 'surnameOnly' });

    expect(await update({ displayNameMode: 'ticketOnly', displayWaitingCount: 2 })).toMatchObject({ ok: true });
    const tickets = await board();
    expect(tickets.waiting).toEqual([
      { ticket: visits[0]!.ticket, name: null },
      { ticket: visits[1]!.ticket, name: null },
    ]);
    expect(tickets.waitingTotal).toBe(3);
    expect(tickets.called[0]!.name).toBeNull();

    expect(await update({ displayWaitingCount: 0 })).toMatchObject({ ok: true });
    expect((await board()).waiting).toEqual([]);
    expect(await update({ displayCalledCount: 0 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('finds the day’s visits by their index, not by reading every visit', async () => {
    const plans = [
      callsOfDayQuery(core.database.db, '2026-11-23', 5).compile(),
      waitingOfDayQuery(core.database.db, '2026-11-23', 8).compile(),
    ];
    for (const compiled of plans) {
      const rows = core.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as { detail: string }[];
      const details = rows.map((row) => row.detail).join('\n');
      expect(details).toMatch(/visits_by_day/);
      expect(details).not.toMatch(/SCAN v\b/);
    }
  });
});

describe('who may see the lobby display', () => {
  it('lets the display, the desk and the manager read it, and nobody else', async () => {
    expect(await call('display.board', {}, lobby)).toMatchObject({ ok: true });
    expect(await call('display.board', {}, reception)).toMatchObject({ ok: true });
    expect(await call('display.board', {}, manager)).toMatchObject({ ok: true });
    for (const role of ['guide', 'consultant', 'nurse', 'doctor'] as const) {
      const token = await signIn(core, await addStaff(core, `测试${role}`, role));
      expect(await call('display.board', {}, token)).toMatchObject({ ok: false, status: 403, error: { code: 'forbidden' } });
    }
    expect(await call('display.board', {}, 'not-a-token')).toMatchObject({ ok: false, status: 401 });
    expect(await call('display.board', { date: '2026-11-22' }, lobby)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('keeps a display signed in for months, a person for a shift', async () => {
    const lobbyId = await addStaff(core, '第二块屏', 'display');
    const display = await call<{ expiresAt: string }>('auth.signIn', { staffId: lobbyId, pin: '1234' }, '');
    const person = await call<{ expiresAt: string }>('auth.signIn', { staffId: await addStaff(core, '林佳测试', 'reception'), pin: '1234' }, '');
    if (!display.ok || !person.ok) throw new Error('sign-in failed');
    const hoursOf = (expiresAt: string) => (Date.parse(expiresAt) - Date.parse(NOW)) / 3_600_000;
    expect(hoursOf(display.value.expiresAt)).toBe(DISPLAY_SESSION_HOURS);
    expect(hoursOf(person.value.expiresAt)).toBe(SESSION_HOURS);
  });
});
