/**
 * What specs need, made through the console's HTTP API: a spec asks for "a customer with an
 * appointment now who is not here yet" and gets one of its own, whatever the demo day holds at the
 * suite's moment and whichever specs ran before.
 */
import { randomInt } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';

/** Calls the console's HTTP API as a test fixture would (seeding, checking). */
export async function apiCall<T>(request: APIRequestContext, method: string, input: unknown, token?: string): Promise<T> {
  const response = await request.post(`/api/${method}`, {
    data: input,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok()) throw new Error(`${method}: ${body.error?.message ?? response.status()}`);
  return body;
}

interface StaffRow {
  id: number;
  name: string;
  role: string;
}

export async function staffId(request: APIRequestContext, name: string): Promise<number> {
  const staff = await apiCall<StaffRow[]>(request, 'auth.staff', {});
  const found = staff.find((member) => member.name === name);
  if (!found) throw new Error(`no staff named ${name}`);
  return found.id;
}

/** Signs a member of staff in over the API; the token. */
export async function signInAs(request: APIRequestContext, name: string): Promise<string> {
  return (await apiCall<{ token: string }>(request, 'auth.signIn', { staffId: await staffId(request, name), pin: '1234' })).token;
}

/** The demo's manager (何芳): books past the roster's rules on purpose. */
export const signInManager = (request: APIRequestContext) => signInAs(request, '何芳');

/** A mobile number no other customer of this run has (random, so no spec depends on another's). */
export function uniquePhone(): string {
  return `199${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

export interface Customer {
  id: number;
  name: string;
  addressForm: string | null;
  phone: string;
}

/** A new customer of the spec's own; `name` gets a short random suffix unless `exactName`. */
export async function freshCustomer(
  request: APIRequestContext,
  token: string,
  options: { name: string; addressForm?: string; notes?: string; exactName?: boolean },
): Promise<Customer> {
  const name = options.exactName ? options.name : `${options.name}${String.fromCharCode(0x4e00 + randomInt(0, 0x5000))}`;
  const phone = uniquePhone();
  const { id } = await apiCall<{ id: number }>(
    request,
    'customers.create',
    { name, phone, ...(options.addressForm ? { addressForm: options.addressForm } : {}), ...(options.notes ? { notes: options.notes } : {}) },
    token,
  );
  return { id, name, addressForm: options.addressForm ?? null, phone };
}

/** The clinic's day and time now, by the server's clock and the clinic's time zone. */
export async function clinicNow(request: APIRequestContext, token: string): Promise<{ date: string; time: string; timeZone: string }> {
  // The zone is a setting (auth.me has no clinic.timeZone: read there, the time came out in UTC and
  // "now" bookings were made hours in the past, which the server refuses since issue 13 part 4).
  const me = await apiCall<{ clinic: { today: string; settings: { timeZone: string } } }>(request, 'auth.me', {}, token);
  const timeZone = me.clinic.settings.timeZone;
  const health = (await (await request.get('/api/health')).json()) as { now: string };
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(health.now));
  return { date: me.clinic.today, time, timeZone };
}

/**
 * A customer of the spec's own with a consultation booked today at the clinic's current quarter
 * hour (the manager's override: any hour, any roster), not checked in. Five minutes long, the
 * shortest booking: up to 23:55 it still ends by midnight (the fixtures start no test later).
 */
export async function appointmentNow(
  request: APIRequestContext,
  manager: string,
  options: { name: string; addressForm?: string; /** Book this many minutes after the current minute (default 0). */ inMinutes?: number; /** What is booked (default a consultation). */ kind?: 'consultation' | 'followup' },
): Promise<{ id: number; customer: Customer; slipCode: string }> {
  const customer = await freshCustomer(request, manager, options);
  const staff = await apiCall<StaffRow[]>(request, 'auth.staff', {});
  const doctor = staff.find((member) => member.role === 'doctor');
  if (!doctor) throw new Error('the demo clinic has no doctor');
  const { date, time } = await clinicNow(request, manager);
  const minutes = Math.min(Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + (options.inMinutes ?? 0), 23 * 60 + 55);
  const slot = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const booked = await apiCall<{ id: number }>(
    request,
    'appointments.create',
    { customerId: customer.id, doctorId: doctor.id, kind: options.kind ?? 'consultation', channel: 'phone', date, time: slot, durationMinutes: 5, override: true },
    manager,
  );
  return { id: booked.id, customer, slipCode: `FD-${String(booked.id).padStart(6, '0')}` };
}

/** A walk-in of the spec's own, checked in now: the visit and its ticket. */
export async function walkInNow(
  request: APIRequestContext,
  token: string,
  options: { name: string; addressForm?: string },
): Promise<{ visitId: number; ticket: string; customer: Customer }> {
  const customer = await freshCustomer(request, token, options);
  const visit = await apiCall<{ visitId: number; ticket: string }>(request, 'visits.checkIn', { walkIn: { customerId: customer.id } }, token);
  return { ...visit, customer };
}

/**
 * Sends every customer still waiting home as "left unseen": for a spec that needs its own card in
 * view in the waiting lane (a lane scrolls, and only the cards in view are drawn) or on the lobby
 * TV's waiting list (it shows the first eight), whatever earlier specs left waiting.
 */
export async function emptyWaitingLane(request: APIRequestContext, token: string): Promise<void> {
  const { cards } = await apiCall<{ cards: { visitId: number; status: string; version: number }[] }>(request, 'visits.board', {}, token);
  for (const card of cards.filter((entry) => entry.status === 'waiting')) {
    await apiCall(request, 'visits.transition', { visitId: card.visitId, to: 'left', expectedVersion: card.version, note: 'e2e: an empty waiting lane' }, token);
  }
}

/**
 * Sets a doctor's change for one day as a person would: with the change the roster showed for that
 * day (none, or the one there), so that a save never overwrites one made meanwhile unseen.
 */
export async function setDayOverride(
  request: APIRequestContext,
  change: { doctorId: number; date: string; kind: 'off' | 'hours' | 'room'; start?: string; end?: string; roomId?: number; note?: string },
  token: string,
): Promise<void> {
  const week = await apiCall<{ overrides: { doctorId: number; date: string; kind: 'off' | 'hours' | 'room'; start: string | null; end: string | null; roomId: number | null; note: string }[] }>(
    request,
    'roster.week',
    { weekStart: change.date },
    token,
  );
  const shown = week.overrides.find((row) => row.doctorId === change.doctorId && row.date === change.date);
  const expected = shown ? { kind: shown.kind, start: shown.start, end: shown.end, roomId: shown.roomId, note: shown.note } : null;
  await apiCall(request, 'roster.setOverride', { ...change, expected }, token);
}

/**
 * A doctor of the spec's own (`<prefix><3 digits>`), on today's roster for the hours given and not yet
 * confirmed, whatever the weekday and whatever the demo's doctors are doing.
 */
export async function doctorOnDuty(
  request: APIRequestContext,
  token: string,
  duty: { prefix: string; specialty: string; date: string; start: string; end: string },
): Promise<{ id: number; name: string }> {
  const name = `${duty.prefix}${String(randomInt(100, 999))}`;
  const { id } = await apiCall<{ id: number }>(request, 'staff.create', { name, role: 'doctor', specialty: duty.specialty, pin: '1234' }, token);
  await setDayOverride(request, { doctorId: id, date: duty.date, kind: 'hours', start: duty.start, end: duty.end }, token);
  return { id, name };
}

/**
 * Moves the console's clock (the server started with FRONTDESK_TEST_CLOCK=1, as the suite's is):
 * it reads `to` and runs on from there. A spec that moves it puts it back when done (`finally`),
 * so the specs after it run at the suite's moment.
 */
export async function moveServerClock(request: APIRequestContext, to: Date): Promise<Date> {
  const response = await request.post('/test/clock', { data: { to: to.toISOString() } });
  if (!response.ok()) throw new Error(`the console's test clock is off (FRONTDESK_TEST_CLOCK=1): ${String(response.status())}`);
  return new Date(((await response.json()) as { now: string }).now);
}
