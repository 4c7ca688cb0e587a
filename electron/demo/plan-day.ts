/**
 * The demo day's script, worked out before anything is written: when each booked customer
 * arrives (some early, some late), when they are called, escorted, seen, examined and done, who
 * walks in, who does not come, who gives up waiting — and the snapshot at the play-to time that a
 * real clinic morning shows: some waiting (one with a comfort round forgotten), one just called,
 * one with a guide, some in consultation, one at the pre-op exam, the rest done. Pure: the same
 * input and seed give the same plan; `play-day.ts` then plays it through the real services.
 */
import type { AppointmentKind } from '../../shared/domain/appointments';
import type { VisitStatus } from '../../shared/domain/visits';
import { seededRandom } from './seed-demo';

const MINUTE = 60_000;

export interface PlanAppointment {
  id: number;
  customerId: number;
  doctorId: number | null;
  kind: AppointmentKind;
  /** UTC ms. */
  startsAt: number;
  durationMinutes: number;
}

export interface PlanShift {
  doctorId: number;
  /** UTC ms of the shift's start and end that day. */
  start: number;
  end: number;
  roomId: number | null;
  /** The items this doctor usually sees, for walk-ins. */
  itemIds: number[];
}

export interface PlanInput {
  /** Clinic day, `YYYY-MM-DD`: part of every seed. */
  date: string;
  seed: string;
  /** UTC ms the day is played up to. */
  until: number;
  /** UTC ms of the clinic's opening and closing that day. */
  opens: number;
  closes: number;
  appointments: PlanAppointment[];
  shifts: PlanShift[];
  /** Customers not booked today, in the order walk-ins take them. */
  walkInCustomers: number[];
  /** Walk-ins over the whole day (those before `until` arrive). */
  walkIns: number;
  /** Where a same-day examination happens: the laboratory, ECG/ultrasound, the pre-op room. */
  examRooms: { lab: number | null; ecg: number | null; preop: number | null };
}

export interface PlannedStep {
  to: VisitStatus;
  at: number;
  roomId?: number;
}

export interface PlannedVisit {
  /** `a<appointmentId>` or `w<n>`: stable, and the seed of the visit's own random numbers. */
  key: string;
  appointmentId: number | null;
  customerId: number;
  doctorId: number | null;
  itemId: number | null;
  appointmentKind: AppointmentKind | null;
  arrival: number;
  /** The moves after check-in, in time order, none after `until`. */
  steps: PlannedStep[];
  /** The one customer whose comfort round staff forgot: the overdue task on the board. */
  forgetRounds: boolean;
}

export interface DayPlan {
  visits: PlannedVisit[];
  noShows: { appointmentId: number; at: number }[];
}

const between = (random: () => number, low: number, high: number) => low + random() * (high - low);
const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** The status a planned visit is in at `at`. */
export function plannedStatusAt(visit: PlannedVisit, at: number): VisitStatus {
  let status: VisitStatus = 'waiting';
  for (const step of visit.steps) if (step.at <= at) status = step.to;
  return status;
}

/** When the visit stops waiting (called or left), or null when it still waits at the end of its steps. */
export function waitEndOf(visit: PlannedVisit): number | null {
  return visit.steps[0]?.at ?? null;
}

/**
 * Plans the day up to `input.until`: every arrival before it and every move before it, by the
 * status machine, with each doctor seeing one customer at a time (or a few, on a busy day).
 */
export function planDay(input: PlanInput): DayPlan {
  const { until } = input;
  const visitRandom = (key: string) => seededRandom(`${input.seed}-${input.date}-${key}`);
  const dayRandom = seededRandom(`${input.seed}-${input.date}-day`);

  // No-shows: about one in forty bookings, at least one once a slot is half an hour past; marked then.
  const overdueSlots = input.appointments.filter((appointment) => appointment.startsAt + 30 * MINUTE <= until);
  const noShowCount = overdueSlots.length === 0 ? 0 : Math.max(1, Math.round(input.appointments.length / 40));
  const noShowIds = new Set<number>();
  while (noShowIds.size < Math.min(noShowCount, overdueSlots.length)) noShowIds.add(pick(dayRandom, overdueSlots).id);
  const noShows = overdueSlots.filter((appointment) => noShowIds.has(appointment.id)).map((appointment) => ({ appointmentId: appointment.id, at: appointment.startsAt + 30 * MINUTE }));

  interface Draft extends PlannedVisit {
    random: () => number;
    startsAt: number | null;
    durationMinutes: number;
    leaves: boolean;
  }
  const drafts: Draft[] = [];
  for (const appointment of input.appointments) {
    if (noShowIds.has(appointment.id)) continue;
    const key = `a${String(appointment.id)}`;
    const random = visitRandom(key);
    // Most come a little early; a few are late (seed 000 step 5 shows which).
    const offset = pick(random, [-25, -15, -12, -10, -8, -6, -5, -4, -3, -2, 0, 1, 3, 5, 8, 12, 18]) + between(random, -0.9, 0.9);
    const arrival = Math.max(input.opens - 15 * MINUTE, appointment.startsAt + offset * MINUTE);
    drafts.push({
      key,
      random,
      appointmentId: appointment.id,
      customerId: appointment.customerId,
      doctorId: appointment.doctorId,
      itemId: null,
      appointmentKind: appointment.kind,
      arrival,
      steps: [],
      forgetRounds: false,
      startsAt: appointment.startsAt,
      durationMinutes: appointment.durationMinutes,
      leaves: false,
    });
  }
  const walkInCount = Math.min(input.walkIns, input.walkInCustomers.length);
  const leavers = Math.max(1, Math.round(walkInCount / 40));
  for (let index = 0; index < walkInCount; index += 1) {
    const key = `w${String(index)}`;
    const random = visitRandom(key);
    // Spread over the day, one in each equal stretch of opening hours.
    const stretch = (input.closes - 60 * MINUTE - (input.opens + 10 * MINUTE)) / walkInCount;
    const arrival = input.opens + 10 * MINUTE + (index + random()) * stretch;
    const onShift = input.shifts.filter((shift) => shift.start <= arrival && arrival + 30 * MINUTE <= shift.end);
    const shift = onShift.length > 0 ? pick(random, onShift) : null;
    drafts.push({
      key,
      random,
      appointmentId: null,
      customerId: input.walkInCustomers[index] as number,
      doctorId: shift?.doctorId ?? null,
      itemId: shift && shift.itemIds.length > 0 ? pick(random, shift.itemIds) : null,
      appointmentKind: null,
      arrival,
      steps: [],
      forgetRounds: false,
      startsAt: null,
      durationMinutes: 30,
      leaves: false,
    });
  }
  drafts.sort((first, second) => first.arrival - second.arrival || first.key.localeCompare(second.key));
  // seed 004 rule 26 — customers hate waiting: a walk-in or two gives up after a long wait.
  let leaving = 0;
  for (const draft of drafts) {
    if (leaving >= leavers) break;
    if (draft.appointmentId === null && draft.arrival + 50 * MINUTE <= until) {
      draft.leaves = true;
      leaving += 1;
    }
  }

  // Each doctor sees one customer at a time; on a busy day their consultants take a share (chairs).
  const chairs = new Map<number | null, number[]>();
  const shiftOf = (doctorId: number | null) => input.shifts.find((shift) => shift.doctorId === doctorId);
  for (const doctorId of new Set(drafts.map((draft) => draft.doctorId))) {
    const shift = shiftOf(doctorId);
    const open = shift ? shift.end - shift.start : input.closes - input.opens;
    const load = drafts.filter((draft) => draft.doctorId === doctorId).reduce((sum, draft) => sum + (draft.durationMinutes + 5) * MINUTE, 0);
    const count = Math.max(doctorId === null ? 2 : 1, Math.ceil((load / open) * 1.15));
    chairs.set(doctorId, Array.from({ length: count }, () => shift?.start ?? input.opens));
  }

  for (const draft of drafts) {
    const { random } = draft;
    if (draft.leaves) {
      draft.steps = [{ to: 'left', at: draft.arrival + between(random, 38, 48) * MINUTE }];
      continue;
    }
    const free = chairs.get(draft.doctorId) as number[];
    const chair = free.indexOf(Math.min(...free));
    const escorted = random() < 0.75;
    // Called a little before the room is free: the guide's walk, or the customer's own (with the directions slip).
    const lead = (escorted ? between(random, 4, 7) : between(random, 1.5, 3)) * MINUTE;
    let earliest = draft.arrival + between(random, 2, 6) * MINUTE;
    if (draft.startsAt !== null) earliest = Math.max(earliest, draft.startsAt - 3 * MINUTE - lead);
    const called = Math.max(earliest, (free[chair] as number) - lead);
    const consultStart = called + lead;
    const steps: PlannedStep[] = [{ to: 'called', at: called }];
    const shiftRoom = shiftOf(draft.doctorId)?.roomId;
    if (draft.appointmentId === null && shiftRoom) (steps[0] as PlannedStep).roomId = shiftRoom;
    if (escorted) steps.push({ to: 'escorting', at: called + between(random, 0.6, 2) * MINUTE });
    steps.push({ to: 'in_consultation', at: consultStart });
    const kind = draft.appointmentKind;
    // seed 004 rules 11, 23: a follow-up visit sees the consultant for at least 5 minutes.
    const minutes =
      kind === 'followup' ? between(random, 6, 14) : kind === 'postop' ? between(random, 10, 20) : kind === 'preop' ? between(random, 8, 15) : Math.max(10, draft.durationMinutes * between(random, 0.6, 1));
    const consultEnd = consultStart + minutes * MINUTE;
    // Seed 000 step 7: before surgery, the examination — pre-op visits always, some consultations the same day.
    const examined = kind === 'preop' || (kind === 'consultation' && random() < 0.15);
    if (examined) {
      const room = kind === 'preop' ? input.examRooms.preop : pick(random, [input.examRooms.lab, input.examRooms.ecg]);
      steps.push({ to: 'pre_op_exam', at: consultEnd, ...(room ? { roomId: room } : {}) });
      steps.push({ to: 'done', at: consultEnd + between(random, 15, 30) * MINUTE });
    } else {
      steps.push({ to: 'done', at: consultEnd });
    }
    free[chair] = consultEnd + between(random, 1, 3) * MINUTE;
    draft.steps = steps;
  }

  const played = drafts.filter((draft) => draft.arrival <= until);
  if (until >= input.opens + 60 * MINUTE && until <= input.closes) shapeTheMoment(played, until, input.examRooms.lab);
  const visits = played.map(({ random: _random, startsAt: _startsAt, durationMinutes: _duration, leaves: _leaves, ...visit }) => ({
    ...visit,
    steps: visit.steps.filter((step) => step.at <= until),
  }));
  return { visits, noShows };
}

/**
 * Makes sure the moment played to looks like a clinic at work, whatever the day's bookings: the
 * natural flow rarely has someone in the short "called" or "escorting" steps at a given minute.
 * Each missing status is given to the customer whose arrival suits it best, with times that
 * respect the status machine (their earlier steps are dropped, later ones not yet happened).
 */
function shapeTheMoment(visits: (PlannedVisit & { random: () => number; leaves: boolean })[], until: number, examRoom: number | null): void {
  const shaped = new Set<string>();
  const count = (status: VisitStatus) => visits.filter((visit) => plannedStatusAt(visit, until) === status && !visit.forgetRounds).length;
  // Never take the only one in a status from it.
  const soleHolder = (visit: PlannedVisit) => {
    const status = plannedStatusAt(visit, until);
    return status !== 'waiting' && status !== 'done' && count(status) <= 1;
  };
  const give = (minutesBefore: [VisitStatus, number, (number | null)?][], ideal: number, latestArrival: number) => {
    const candidates = visits
      .filter((visit) => !shaped.has(visit.key) && !visit.leaves && visit.arrival <= until - latestArrival * MINUTE && !soleHolder(visit))
      .sort((first, second) => Math.abs(first.arrival - (until - ideal * MINUTE)) - Math.abs(second.arrival - (until - ideal * MINUTE)) || first.key.localeCompare(second.key));
    const visit = candidates[0];
    if (!visit) return undefined;
    shaped.add(visit.key);
    visit.steps = minutesBefore.map(([to, minutes, roomId]) => ({
      to,
      at: until - minutes * MINUTE + between(visit.random, -15_000, 15_000),
      ...(roomId ? { roomId } : {}),
    }));
    return visit;
  };
  // The customer whose doctor runs late and whose round was forgotten: amber timer, overdue task.
  const forgotten = give([], 26, 19);
  if (forgotten) forgotten.forgetRounds = true;
  if (count('called') < 1) give([['called', 1.2]], 6, 4);
  if (count('escorting') < 1) give([['called', 4.5], ['escorting', 3]], 9, 7);
  if (count('in_consultation') < 1) give([['called', 16], ['escorting', 14.5], ['in_consultation', 10]], 22, 19);
  if (count('pre_op_exam') < 1) {
    give([['called', 50], ['escorting', 48], ['in_consultation', 42], ['pre_op_exam', 14, examRoom]], 56, 53);
  }
  // Last, so the moves above do not take them: a few more just arrived and waiting.
  for (let more = 0; more < 2 && count('waiting') < 2; more += 1) give([], 4 + more * 5, 1);
}

export interface PlannedComfort {
  at: number;
  /** The rule whose open task is completed then (`round`: the open round). */
  ruleCode: string;
}

/**
 * When staff complete a waiting customer's comfort tasks: each check-in task a few minutes after
 * arrival, always before it falls due, and each round shortly before it is due, while the customer
 * waits (seed 004 rules 2–5). For the one whose rounds were forgotten, no round is done: the open
 * round is overdue at the play-to time. Completions after `until` have not happened yet.
 */
export function plannedComfort(
  visit: PlannedVisit,
  rules: readonly { code: string; trigger: string; dueMinutes: number; repeatMinutes?: number | null }[],
  until: number,
): PlannedComfort[] {
  const random = seededRandom(`comfort-${visit.key}-${String(visit.arrival)}`);
  // The visit's steps stop at `until`: no first step means still waiting then.
  const calledAt = waitEndOf(visit);
  const waitEnd = Math.min(calledAt ?? until, until);
  const done: PlannedComfort[] = [];
  for (const rule of rules) {
    if (rule.trigger === 'round') {
      if (visit.forgetRounds) continue;
      let at = visit.arrival + (rule.dueMinutes - between(random, 0.5, 4)) * MINUTE;
      while (at < waitEnd) {
        done.push({ at, ruleCode: rule.code });
        // The next round falls due the rule's interval after this one was done.
        at += ((rule.repeatMinutes ?? rule.dueMinutes) - between(random, 0.5, 4)) * MINUTE;
      }
    } else {
      const within = Math.max(0.5, rule.dueMinutes - 0.5);
      let at = visit.arrival + between(random, Math.min(1, within), within) * MINUTE;
      // Called before it was done: done on the way out, not left open behind them.
      if (calledAt !== null && at >= calledAt) at = calledAt - 5_000;
      if (at > visit.arrival && at <= until) done.push({ at, ruleCode: rule.code });
    }
  }
  return done.sort((first, second) => first.at - second.at);
}
