/**
 * A few reception desks at once: each checks customers in (walk-ins and bookings), moves its own
 * cards along the board (called, with a guide, in consultation, pre-op, done, left unseen) and adds
 * and completes comfort tasks, recording in the ledger only what the server acknowledged. They run
 * until the server dies under them.
 */
import type { VisitStatus } from '../../../shared/domain/visits';
import { isOver, type Ledger, type VisitRecord } from './ledger';
import { CallFailed, callApi } from './server-process';

export interface ClinicContext {
  base: string;
  token: string;
  doctorId: number;
  /** The clinic's today and a booking slot now (HH:MM), by the server's clock. */
  date: string;
  slot: string;
}

/** Where a card goes next, by a draw in [0, 1): mostly along the board, sometimes back or away. */
export function nextStatus(status: VisitStatus, draw: number): VisitStatus | null {
  switch (status) {
    case 'waiting':
      return draw < 0.9 ? 'called' : 'left';
    case 'called':
      return draw < 0.75 ? 'escorting' : draw < 0.9 ? 'waiting' : 'in_consultation';
    case 'escorting':
      return draw < 0.85 ? 'in_consultation' : 'pre_op_exam';
    case 'in_consultation':
      return draw < 0.7 ? 'done' : 'pre_op_exam';
    case 'pre_op_exam':
      return draw < 0.6 ? 'done' : 'in_consultation';
    default:
      return null;
  }
}

interface Desk {
  clinic: ClinicContext;
  ledger: Ledger;
  index: number;
  round: number;
  random: () => number;
  made: number;
}

const call = <T>(desk: Desk, method: string, input: unknown) => callApi<T>(desk.clinic.base, method, input, desk.clinic.token);

function acknowledge(desk: Desk) {
  desk.ledger.acknowledged += 1;
}

async function newCustomer(desk: Desk): Promise<number> {
  desk.made += 1;
  // 198 + round + desk + serial: unique across every round of the run, and never a demo phone.
  const phone = `198${String(desk.round % 10_000).padStart(4, '0')}${String(desk.index)}${String(desk.made % 1000).padStart(3, '0')}`;
  const { id } = await call<{ id: number }>(desk, 'customers.create', { name: `断电${String(desk.round)}号${String(desk.index)}${String(desk.made)}`, phone });
  desk.ledger.customers.set(id, phone);
  acknowledge(desk);
  return id;
}

function recordVisit(desk: Desk, result: { visitId: number; ticket: string }, customerId: number, appointmentId: number | null) {
  const visit: VisitRecord = { visitId: result.visitId, ticket: result.ticket, customerId, appointmentId, owner: desk.index, status: 'waiting', version: 1, pending: null };
  desk.ledger.visits.set(visit.visitId, visit);
  acknowledge(desk);
}

async function walkIn(desk: Desk) {
  const customerId = await newCustomer(desk);
  recordVisit(desk, await call(desk, 'visits.checkIn', { walkIn: { customerId } }), customerId, null);
}

async function bookAndCheckIn(desk: Desk) {
  const customerId = await newCustomer(desk);
  const { clinic } = desk;
  const booked = await call<{ id: number }>(desk, 'appointments.create', {
    customerId,
    doctorId: clinic.doctorId,
    kind: 'consultation',
    channel: 'phone',
    date: clinic.date,
    time: clinic.slot,
    durationMinutes: 5,
    override: true,
  });
  desk.ledger.appointments.set(booked.id, { checkedIn: false });
  acknowledge(desk);
  const result = await call<{ visitId: number; ticket: string }>(desk, 'visits.checkIn', { appointmentId: booked.id });
  desk.ledger.appointments.set(booked.id, { checkedIn: true });
  recordVisit(desk, result, customerId, booked.id);
}

function ownVisits(desk: Desk): VisitRecord[] {
  return [...desk.ledger.visits.values()].filter((visit) => visit.owner === desk.index && !isOver(visit.status) && !visit.pending);
}

const pick = <T>(random: () => number, list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];

async function move(desk: Desk, visit: VisitRecord) {
  const to = nextStatus(visit.status, desk.random());
  if (!to) return;
  visit.pending = { to };
  try {
    const card = await call<{ status: VisitStatus; version: number }>(desk, 'visits.transition', { visitId: visit.visitId, to, expectedVersion: visit.version });
    visit.status = card.status;
    visit.version = card.version;
    visit.pending = null;
    acknowledge(desk);
  } catch (error) {
    // Answered with a refusal: nothing was written. No answer: it may have been.
    if (!(error instanceof CallFailed && error.code === 'network')) visit.pending = null;
    throw error;
  }
}

async function addComfort(desk: Desk, visit: VisitRecord) {
  desk.made += 1;
  const label = `断电${String(desk.round)}-${String(desk.index)}-${String(desk.made)}`;
  await call(desk, 'comfort.add', { visitId: visit.visitId, label, dueInMinutes: 10 });
  desk.ledger.comfortAdded.push({ visitId: visit.visitId, label });
  acknowledge(desk);
}

async function completeComfort(desk: Desk, visit: VisitRecord) {
  const { tasks } = await call<{ tasks: { id: number; doneAt: string | null; missedAt: string | null }[] }>(desk, 'comfort.timeline', { visitId: visit.visitId });
  const task = pick(desk.random, tasks.filter((candidate) => candidate.doneAt === null && candidate.missedAt === null && !desk.ledger.comfortPending.has(candidate.id)));
  if (!task) return;
  desk.ledger.comfortPending.add(task.id);
  try {
    await call(desk, 'comfort.complete', { taskId: task.id });
    desk.ledger.comfortDone.add(task.id);
    desk.ledger.comfortPending.delete(task.id);
    acknowledge(desk);
  } catch (error) {
    if (!(error instanceof CallFailed && error.code === 'network')) desk.ledger.comfortPending.delete(task.id);
    throw error;
  }
}

async function oneAction(desk: Desk) {
  const draw = desk.random();
  const visit = pick(desk.random, ownVisits(desk));
  if (!visit || draw < 0.2) return walkIn(desk);
  if (draw < 0.3) return bookAndCheckIn(desk);
  if (draw < 0.7) return move(desk, visit);
  if (draw < 0.8) return addComfort(desk, visit);
  return completeComfort(desk, visit);
}

/** Expected refusals: a task withdrawn under us is a conflict, and nothing was written. */
const refused = (error: unknown) => error instanceof CallFailed && error.code === 'conflict';

/**
 * Runs `desks` desks until the server dies (every call then fails with no answer). Resolves with
 * the first unexpected error, if any: an answer the harness did not foresee is a finding too.
 */
export async function runDesks(options: { clinic: ClinicContext; ledger: Ledger; desks: number; round: number; random: () => number }): Promise<Error | null> {
  const run = async (index: number): Promise<Error | null> => {
    const desk: Desk = { clinic: options.clinic, ledger: options.ledger, index, round: options.round, random: options.random, made: 0 };
    for (;;) {
      try {
        await oneAction(desk);
      } catch (error) {
        if (error instanceof CallFailed && error.code === 'network') return null;
        if (!refused(error)) return error instanceof Error ? error : new Error(String(error));
      }
    }
  };
  const outcomes = await Promise.all(Array.from({ length: options.desks }, (_, index) => run(index)));
  return outcomes.find((outcome) => outcome !== null) ?? null;
}
