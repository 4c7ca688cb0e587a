/**
 * The live demo day (issue 5, item 7): plays the clinic's day up to a time through the real
 * services — check-in, the status moves, comfort tasks done by staff, no-shows marked — each at
 * its own moment, so tickets, `visit_events` (the source of every wait figure), comfort tasks,
 * appointment statuses and the audit log agree as if reception had run the morning. The script
 * comes from `planDay`; the same date, time and seed give the same morning.
 */
import type { Kysely, Transaction } from 'kysely';
import { audiencesOf, rulesAtCheckIn, type ComfortAudience, type ComfortRule } from '../../shared/domain/comfort';
import { LIVE_STATUSES, minutesOf } from '../../shared/domain/booking';
import { OPEN_APPOINTMENT_STATUSES, type AppointmentKind } from '../../shared/domain/appointments';
import { clinicDayRange, clinicInstant, type ClinicDate } from '../../shared/domain/clinic-time';
import { VISIT_STATUSES, type VisitStatus } from '../../shared/domain/visits';
import type { Actor } from '../api/context';
import type { Role } from '../../shared/domain/roles';
import { appendAudit } from '../db/repositories/audit';
import { findOpenEscortOfVisit } from '../db/repositories/escorts';
import { activeComfortRules } from '../db/repositories/comfort-rules';
import { readSettings } from '../db/repositories/settings';
import type { Database } from '../db/schema';
import { createBookingService } from '../services/booking-service';
import { createComfortService } from '../services/comfort-service';
import { createEscortService } from '../services/escort-service';
import { resolveDayShifts } from '../services/roster-service';
import { createVisitService } from '../services/visit-service';
import { startConsultantStep } from '../services/follow-up-service';
import { addBusyDay, walkInsOf } from './busy-day';
import { DEMO_DOCTORS } from './demo-data';
import { planDay, plannedComfort, type PlannedVisit } from './plan-day';
import { seededRandom } from './seed-demo';

type Db = Kysely<Database> | Transaction<Database>;

export interface PlayOptions {
  /** The clinic day, `YYYY-MM-DD`. */
  date: ClinicDate;
  /** Play every arrival and move up to this instant. */
  until: Date;
  /** A busy day: about this many arrivals over the whole day (bookings added, 15% walk-ins). */
  arrivals?: number;
  /** Another seed gives another morning on the same date. */
  seed?: string;
}

export interface PlayResult {
  /** False when the day already has arrivals (played before, or real ones) or the database is not the demo's. */
  played: boolean;
  reason?: 'already-played' | 'not-demo';
  arrivals: number;
  noShows: number;
  /** Bookings the busy day added. */
  appointmentsAdded: number;
  byStatus: Record<VisitStatus, number>;
}

const MINUTE = 60_000;

const emptyCounts = () => Object.fromEntries(VISIT_STATUSES.map((status) => [status, 0])) as Record<VisitStatus, number>;

async function countsOfDay(db: Db, date: ClinicDate): Promise<Record<VisitStatus, number>> {
  const counts = emptyCounts();
  const rows = await db.selectFrom('visits').select(['status']).select((eb) => eb.fn.countAll<number>().as('n')).where('clinic_date', '=', date).groupBy('status').execute();
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/**
 * Plays the demo clinic's day `date` up to `until`, once: a day that already has arrivals is left
 * as it is (running `serve --demo` again never doubles it), and only a demo database is played.
 * Everything is one transaction: the day is played whole or not at all.
 *
 * @example await playDemoDay(db, { date: '2026-11-23', until: clinicInstant('2026-11-23', '10:30', 'Asia/Shanghai') });
 */
export async function playDemoDay(db: Kysely<Database>, options: PlayOptions): Promise<PlayResult> {
  const demo = await db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst();
  if (!demo || JSON.parse(demo.value) !== true) return { played: false, reason: 'not-demo', arrivals: 0, noShows: 0, appointmentsAdded: 0, byStatus: emptyCounts() };
  const already = await countsOfDay(db, options.date);
  if (Object.values(already).some((count) => count > 0)) {
    return { played: false, reason: 'already-played', arrivals: Object.values(already).reduce((sum, count) => sum + count, 0), noShows: 0, appointmentsAdded: 0, byStatus: already };
  }
  return db.transaction().execute(async (trx) => {
    const appointmentsAdded = options.arrivals === undefined ? 0 : await addBusyDay(trx, options.date, options.arrivals, options.until.toISOString());
    const outcome = await play(trx, options);
    return { played: true, ...outcome, appointmentsAdded, byStatus: await countsOfDay(trx, options.date) };
  });
}

async function play(db: Transaction<Database>, options: PlayOptions): Promise<{ arrivals: number; noShows: number }> {
  const { date } = options;
  const until = options.until.getTime();
  const seed = options.seed ?? 'demo';
  const settings = await readSettings(db);
  const at = (time: string) => clinicInstant(date, time, settings.timeZone).getTime();
  const range = clinicDayRange(date, settings.timeZone);

  const appointments = await db
    .selectFrom('appointments as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .select(['a.id', 'a.customer_id', 'a.doctor_id', 'a.kind', 'a.starts_at', 'a.duration_minutes', 'c.tags'])
    .where('a.starts_at', '>=', range.start)
    .where('a.starts_at', '<', range.end)
    .where('a.status', 'in', [...OPEN_APPOINTMENT_STATUSES])
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .execute();
  const bookedToday = await db.selectFrom('appointments').select('customer_id').where('starts_at', '>=', range.start).where('starts_at', '<', range.end).where('status', 'in', [...LIVE_STATUSES]).execute();
  const busy = new Set(bookedToday.map((row) => row.customer_id));
  const shuffle = seededRandom(`${seed}-${date}-walk-ins`);
  const customers = await db.selectFrom('customers').select(['id', 'tags']).orderBy('id').execute();
  const walkInCustomers = customers.filter((row) => !busy.has(row.id)).map((row) => row.id).sort(() => shuffle() - 0.5);
  const tagsOf = new Map(customers.map((row) => [row.id, JSON.parse(row.tags) as string[]]));

  const doctors = await db.selectFrom('staff').select(['id', 'name']).where('role', '=', 'doctor').execute();
  const items = await db.selectFrom('items').select(['id', 'code']).where('active', '=', 1).execute();
  const rooms = await db.selectFrom('rooms').select(['id', 'code']).execute();
  const roomId = (code: string) => rooms.find((room) => room.code === code)?.id ?? null;
  const shifts = (await resolveDayShifts(db, date)).map((shift) => {
    const demo = DEMO_DOCTORS.find((doctor) => doctor.name === doctors.find((candidate) => candidate.id === shift.doctorId)?.name);
    return {
      doctorId: shift.doctorId,
      start: at(shift.start),
      end: at(shift.end),
      roomId: shift.roomId,
      itemIds: (demo?.items ?? []).flatMap((code) => items.find((item) => item.code === code)?.id ?? []),
    };
  });

  const plan = planDay({
    date,
    seed,
    until,
    opens: at(settings.opensAt),
    closes: at(minutesOf(settings.closesAt) > minutesOf(settings.opensAt) ? settings.closesAt : '18:00'),
    appointments: appointments.map((row) => ({
      id: row.id,
      customerId: row.customer_id,
      doctorId: row.doctor_id,
      kind: row.kind as AppointmentKind,
      startsAt: Date.parse(row.starts_at),
      durationMinutes: row.duration_minutes,
    })),
    shifts,
    walkInCustomers,
    walkIns: walkInsOf(options.arrivals),
    examRooms: { lab: roomId('201'), ecg: roomId('202'), preop: roomId('405') },
  });

  const staff = await db.selectFrom('staff').select(['id', 'name', 'role']).where('active', '=', 1).orderBy('id').execute();
  const ofRole = (...roles: string[]) => {
    const found = staff.filter((member) => roles.includes(member.role));
    return found.length > 0 ? found : staff;
  };
  const team = { desk: ofRole('reception'), floor: ofRole('guide', 'reception', 'nurse'), guides: ofRole('guide'), consult: ofRole('consultant'), nurses: ofRole('nurse') };
  // The rules a check-in reads, from the same repository function: the plan and the tasks agree.
  const rules = (await activeComfortRules(db)).map((rule) => ({
    id: rule.id,
    code: rule.code,
    trigger: rule.trigger as ComfortRule['trigger'],
    appliesTo: rule.applies_to as ComfortAudience,
    dueMinutes: rule.due_minutes,
    repeatMinutes: rule.repeat_minutes,
  }));

  const actions = plannedActions(plan.visits, plan.noShows, { team, rules, tagsOf, until });
  const run = createRunner(db);
  for (const action of actions) await run(action);
  return { arrivals: plan.visits.length, noShows: plan.noShows.length };
}

type StaffMember = { id: number; name: string; role: string };
type Action =
  | { at: number; order: 0; kind: 'checkIn'; visit: PlannedVisit; staff: StaffMember }
  | { at: number; order: 1; kind: 'move'; key: string; to: VisitStatus; roomId?: number; staff: StaffMember }
  | { at: number; order: 1; kind: 'escort'; key: string; action: DemoEscortAction; arrival: 'in_consultation' | 'pre_op_exam'; staff: StaffMember }
  | { at: number; order: 2; kind: 'comfort'; key: string; ruleCode: string; staff: StaffMember }
  | { at: number; order: 3; kind: 'noShow'; appointmentId: number; staff: StaffMember };

/** Every service call of the day in time order, each with who did it (reception checks in, a guide escorts …). */
function plannedActions(
  visits: readonly PlannedVisit[],
  noShows: readonly { appointmentId: number; at: number }[],
  context: {
    team: Record<'desk' | 'floor' | 'guides' | 'consult' | 'nurses', StaffMember[]>;
    rules: (ComfortRule & { code: string; repeatMinutes: number | null })[];
    tagsOf: Map<number, string[]>;
    until: number;
  },
): Action[] {
  const { team } = context;
  const actions: Action[] = [];
  for (const visit of visits) {
    const random = seededRandom(`staff-${visit.key}`);
    const one = (list: StaffMember[]) => list[Math.floor(random() * list.length)] as StaffMember;
    actions.push({ at: visit.arrival, order: 0, kind: 'checkIn', visit, staff: one(team.desk) });
    const walks = escortWalks(visit.steps, context.until);
    for (const [index, step] of visit.steps.entries()) {
      const walk = walks.get(index);
      // A walk to the consultation room stands in for the moves to "escorting" and "in consultation"
      // (the pick-up and the acknowledgement make them); the move to the exam requests its walk.
      if (walk?.arrival !== 'in_consultation') {
        const by = step.to === 'escorting' ? team.guides : step.to === 'in_consultation' || step.to === 'done' ? team.consult : step.to === 'pre_op_exam' ? team.nurses : team.desk;
        actions.push({ at: step.at, order: 1, kind: 'move', key: visit.key, to: step.to, ...(step.roomId ? { roomId: step.roomId } : {}), staff: one(by) });
      }
      if (!walk) continue;
      // The guide who takes her walks her: take, pick up, deliver; the room (a consultant, or a nurse
      // at the exam) acknowledges at the door, which moves her card on (issue 14; seed 000 steps 6, 7).
      let guide: StaffMember | undefined;
      for (const { action, at } of walk.steps) {
        const staff = action === 'acknowledge' ? one(walk.arrival === 'in_consultation' ? team.consult : team.nurses) : (guide ??= one(team.guides));
        actions.push({ at, order: 1, kind: 'escort', key: visit.key, action, arrival: walk.arrival, staff });
      }
    }
    const own = rulesAtCheckIn(context.rules, audiencesOf(context.tagsOf.get(visit.customerId) ?? [], visit.appointmentKind));
    for (const task of plannedComfort(visit, own, context.until)) actions.push({ at: task.at, order: 2, kind: 'comfort', key: visit.key, ruleCode: task.ruleCode, staff: one(team.floor) });
  }
  for (const [index, noShow] of noShows.entries()) actions.push({ at: noShow.at, order: 3, kind: 'noShow', appointmentId: noShow.appointmentId, staff: team.desk[index % team.desk.length] as StaffMember });
  return actions.filter((action) => action.at <= context.until).sort((first, second) => first.at - second.at || first.order - second.order);
}

type DemoEscortAction = 'take' | 'pickUp' | 'deliver' | 'acknowledge';

/** A guide's walk in the demo: where it ends, and its actions at their times. */
interface EscortWalk {
  arrival: 'in_consultation' | 'pre_op_exam';
  steps: { action: DemoEscortAction; at: number }[];
}

/** Without an escort under way (a move that requested none), the card moves as the plan says. */
const BARE_MOVE: Partial<Record<DemoEscortAction, VisitStatus>> = { pickUp: 'escorting', acknowledge: 'in_consultation' };

/**
 * The escorts a guide walks in the plan, by the index of the step they belong to:
 * - called → escorting → in consultation: the call requests the escort; a guide takes it halfway
 *   to the pick-up, picks her up (the card's "escorting"), delivers her a little before the
 *   consultation and the consultant acknowledges (the card's "in consultation"). A customer called
 *   without a guide (she walks with the directions slip) keeps the plan's bare moves.
 * - in consultation → pre-op exam: the move requests the escort to the exam room; a guide takes it
 *   a minute later, walks her there and a nurse acknowledges, when the exam is long enough for it
 *   and the walk ends by `until`.
 */
function escortWalks(steps: readonly { to: VisitStatus; at: number }[], until: number): Map<number, EscortWalk> {
  const walks = new Map<number, EscortWalk>();
  for (const [index, step] of steps.entries()) {
    const before = steps[index - 1];
    const after = steps[index + 1];
    // With no step after it, she is still with the guide when the day is played to.
    if (step.to === 'escorting' && before?.to === 'called' && (after === undefined || after.to === 'in_consultation')) {
      const pickUp = [
        { action: 'take' as const, at: before.at + (step.at - before.at) / 2 },
        { action: 'pickUp' as const, at: step.at },
      ];
      if (after === undefined) {
        walks.set(index, { arrival: 'in_consultation', steps: pickUp });
        continue;
      }
      walks.set(index, { arrival: 'in_consultation', steps: [...pickUp, { action: 'deliver', at: after.at - Math.min(MINUTE, (after.at - step.at) / 2) }] });
      // The acknowledgement replaces the bare move to "in consultation".
      walks.set(index + 1, { arrival: 'in_consultation', steps: [{ action: 'acknowledge', at: after.at }] });
    }
    if (step.to === 'pre_op_exam' && before?.to === 'in_consultation' && (after === undefined || after.at - step.at >= 8 * MINUTE)) {
      const walk = (['take', 'pickUp', 'deliver', 'acknowledge'] as const).map((action, minutes) => ({ action, at: step.at + (minutes + 1) * MINUTE }));
      // The plan has her at the exam from the move on: a walk that would not end by the time the
      // day is played to stops at the take (a guide is on her way), never with her card in the lift.
      walks.set(index, { arrival: 'pre_op_exam', steps: walk[3]!.at <= until ? walk : walk.slice(0, 1) });
    }
  }
  return walks;
}

/** Runs one action through its service at its own time, with the audit row the API would have written. */
function createRunner(db: Transaction<Database>) {
  const visits = createVisitService();
  const comfort = createComfortService();
  const booking = createBookingService();
  const escorts = createEscortService();
  const visitIds = new Map<string, number>();
  const audit = (at: Date, staffId: number, method: string, target: string, diff: unknown) => appendAudit(db, { at: at.toISOString(), staffId, device: 'demo', method, target, diff });

  /** A card moved through the visit service, with the audit row of `visits.transition`. */
  const move = async (visitId: number, to: VisitStatus, roomId: number | undefined, staffId: number, now: Date) => {
    const { card, from } = await visits.transition(db, { visitId, to, ...(roomId ? { roomId } : {}) }, staffId, now);
    await audit(now, staffId, 'visits.transition', `visit:${String(card.visitId)}`, { status: [from, card.status] });
  };

  return async (action: Action) => {
    const now = new Date(action.at);
    const staffId = action.staff.id;
    if (action.kind === 'checkIn') {
      const { visit } = action;
      const input =
        visit.appointmentId !== null
          ? { appointmentId: visit.appointmentId }
          : { walkIn: { customerId: visit.customerId, ...(visit.doctorId !== null ? { doctorId: visit.doctorId } : {}), ...(visit.itemId !== null ? { itemId: visit.itemId } : {}) } };
      const result = await visits.checkIn(db, input, staffId, now);
      visitIds.set(visit.key, result.visitId);
      await audit(now, staffId, 'visits.checkIn', `visit:${String(result.visitId)}`, { checkedIn: input, ticket: result.ticket });
    } else if (action.kind === 'move') {
      const visitId = visitIds.get(action.key) as number;
      // seed 004 rule 23: a follow-up visit sees the consultant when the consultation starts (issue 17).
      if (action.to === 'in_consultation') await startConsultantStep(db, visitId, staffId, now);
      await move(visitId, action.to, action.roomId, staffId, now);
    } else if (action.kind === 'escort') {
      const visitId = visitIds.get(action.key) as number;
      // The walk acts on the visit's escort under way: the one its last move requested.
      const escort = await findOpenEscortOfVisit(db, visitId);
      const consultation = action.action === 'acknowledge' && action.arrival === 'in_consultation';
      // seed 004 rule 23: a follow-up visit sees the consultant when the consultation starts (issue 17).
      if (consultation) await startConsultantStep(db, visitId, staffId, now);
      if (!escort) {
        // A move to nowhere requests no escort (a walk-in called before her doctor has a room, no exam
        // room in the clinic). The walk to the exam follows a move already made.
        const to = action.arrival === 'in_consultation' ? BARE_MOVE[action.action] : undefined;
        if (to !== undefined) await move(visitId, to, undefined, staffId, now);
        return;
      }
      const view = await escorts.act(db, action.action, { escortId: escort.id }, { staffId, role: action.staff.role as Role }, now);
      await audit(now, staffId, `escorts.${action.action}`, `escort:${String(escort.id)}`, { action: action.action, status: view.status, visitId });
    } else if (action.kind === 'comfort') {
      const visitId = visitIds.get(action.key) as number;
      const task = await db
        .selectFrom('comfort_tasks as k')
        .innerJoin('comfort_rules as r', 'r.id', 'k.rule_id')
        .select('k.id')
        .where('k.visit_id', '=', visitId)
        .where('r.code', '=', action.ruleCode)
        .where('k.done_at', 'is', null)
        .where('k.cancelled_at', 'is', null)
        .orderBy('k.due_at')
        .executeTakeFirst();
      if (!task) throw new Error(`the demo day planned a "${action.ruleCode}" task that visit ${String(visitId)} does not have`);
      await comfort.complete(db, task.id, staffId, now);
      await audit(now, staffId, 'comfort.complete', `comfort:${String(task.id)}`, { done: true, visitId });
    } else {
      const appointment = await db.selectFrom('appointments').select('version').where('id', '=', action.appointmentId).executeTakeFirstOrThrow();
      const actor: Actor = { staffId, name: action.staff.name, role: 'reception', specialty: null, tokenHash: 'demo', expiresAt: now.toISOString() };
      const { diff } = await booking.markNoShow(db, { id: action.appointmentId, expectedVersion: appointment.version }, actor, now);
      await audit(now, staffId, 'appointments.markNoShow', `appointment:${String(action.appointmentId)}`, diff);
    }
  };
}
