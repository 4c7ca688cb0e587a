/**
 * After surgery (seed 000 step 9; seed 004 rules 11 and 23): plans made from a template per item,
 * the day's call list with its outcomes, concerns escalated to the doctor, the one-month visit
 * booked from a call, and the consultant step a follow-up visit (F) needs before it may close.
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/contract/errors';
import { clinicDateOf, clinicTimeOf } from '../../shared/domain/clinic-time';
import { resolveDayShifts } from './roster-shifts';
import { callScriptKey, daysOverdue, daysSinceSurgery, followUpCloseBlock, FOLLOW_UP_MINIMUM_MINUTES, planSteps, surgeonLookReason, withinShift, type FollowUpTemplateStep } from '../../shared/domain/follow-ups';
import { maskPhone } from '../../shared/domain/phone';
import { readSettings } from '../db/repositories/settings';
import { findVisit } from '../db/repositories/visits';
import { answerConcern, callConsentWithdrawn, concernExists, latestSurgery, markSurgeonSeen, findStep, findVisitCheck, insertConcern, insertPlan, insertVisitCheck, openCallSteps, openConcerns, openVisitSteps, plansOfCustomer, stepsOfPlans, updateStep } from '../db/repositories/follow-ups';
import type { Database } from '../db/schema';
import type { Actor, BookingService } from './booking-service';

type Db = Kysely<Database> | Transaction<Database>;

export interface PlanInput {
  customerId: number;
  itemId?: number | null | undefined;
  /** The surgery's UTC instant: the plan counts from its clinic day. */
  surgeryAt: string;
  dischargedAt?: string | null | undefined;
  visitId?: number | null | undefined;
}

export type CallOutcome = 'reached' | 'not_reached' | 'call_later';

export interface RecordCallInput {
  stepId: number;
  expectedVersion: number;
  outcome: CallOutcome;
  feeling?: string | undefined;
  questions?: string | undefined;
  concern?: string | undefined;
  concernDoctorId?: number | undefined;
  retryAt?: string | undefined;
}

/** How long a call not reached waits before it shows again, when no time is given. */
export const RETRY_AFTER_MINUTES = 120;

/** The plan's steps for a surgery, from the item's template or the clinic's default one. */
async function templateFor(db: Db, itemId: number | null): Promise<{ template: readonly FollowUpTemplateStep[]; timeZone: string }> {
  const settings = await readSettings(db);
  const template = (itemId !== null ? settings.followUpItemTemplates[String(itemId)] : undefined) ?? settings.followUpDefaultTemplate;
  return { template, timeZone: settings.timeZone };
}

/**
 * Makes a follow-up plan (calls and visits dated in the clinic's zone). What discharge calls, in
 * its own transaction: `createPlanForDischarge(tx, {customerId, itemId, surgeryAt, dischargedAt, visitId})`.
 */
export async function createPlan(db: Db, input: PlanInput, staffId: number | null, now: Date): Promise<{ planId: number; steps: { kind: 'call' | 'visit'; dueDate: string }[] }> {
  const itemId = input.itemId ?? null;
  const { template, timeZone } = await templateFor(db, itemId);
  const steps = planSteps(input.surgeryAt, template, timeZone);
  const planId = await insertPlan(
    db,
    { customerId: input.customerId, itemId, surgeryAt: input.surgeryAt, dischargedAt: input.dischargedAt ?? null, visitId: input.visitId ?? null, createdAt: now.toISOString(), createdBy: staffId },
    steps,
  );
  return { planId, steps: steps.map(({ kind, dueDate }) => ({ kind, dueDate })) };
}

/** The hook discharge calls (issue 16) inside its transaction; the clock is the discharge time. */
export function createPlanForDischarge(
  tx: Db,
  input: { customerId: number; itemId: number | null; surgeryAt: string; dischargedAt: string; visitId?: number | null; staffId?: number | null },
) {
  return createPlan(tx, input, input.staffId ?? null, new Date(input.dischargedAt));
}

/** Refuses to close a follow-up visit without the consultant step, or before 5 minutes without a reason. */
export async function checkFollowUpClose(db: Db, visit: { id: number; kind: string }, reason: string | undefined, now: Date): Promise<void> {
  if (visit.kind !== 'followup') return;
  const check = await findVisitCheck(db, visit.id);
  const block = followUpCloseBlock(check?.consultant_started_at ?? null, now, reason);
  // seed 004 rule 23: 复诊顾客一定见咨询
  if (block === 'consultantNotSeen') throw new AppError('conflict', 'followUps.error.consultantNotSeen', { path: ['visitId'], details: { reason: block } });
  // seed 004 rule 11: 每个顾客复诊时间不低于5分钟
  if (block === 'reasonNeeded') throw new AppError('invalid', 'followUps.error.reasonNeeded', { path: ['note'], params: { minutes: FOLLOW_UP_MINIMUM_MINUTES }, details: { reason: block, startedAt: check?.consultant_started_at ?? null } });
}

/** The demo's day: records the consultant step of a follow-up visit, if it has none yet (other kinds: nothing). */
export async function startConsultantStep(db: Db, visitId: number, staffId: number, now: Date): Promise<void> {
  const visit = await findVisit(db, visitId);
  if (visit?.kind === 'followup') await insertVisitCheck(db, visitId, now.toISOString(), staffId);
}

/** The surgeon's look a customer is due today (seed 004 rule 23), or null. */
async function surgeonLookOf(db: Db, customerId: number, now: Date, seenAt: string | null) {
  const surgery = await latestSurgery(db, customerId, now.toISOString());
  if (!surgery || surgery.doctor_id === null) return null;
  const { timeZone } = await readSettings(db);
  const today = clinicDateOf(now, timeZone);
  const days = daysSinceSurgery(surgery.starts_at, today, timeZone);
  const reason = surgeonLookReason(days);
  if (!reason) return null;
  const shift = (await resolveDayShifts(db, today)).find((each) => each.doctorId === surgery.doctor_id);
  const time = clinicTimeOf(now, timeZone);
  const confirmation = shift?.confirmation ?? null;
  const away = confirmation?.status === 'absent' || (confirmation?.status === 'late' && confirmation.lateUntil !== null && time < confirmation.lateUntil);
  const onShift = shift !== undefined && !away && withinShift(time, shift);
  return { reason, daysSinceSurgery: days, surgeon: { id: surgery.doctor_id, name: surgery.doctor_name ?? '' }, onShift, seenAt };
}

export function createFollowUpService(deps: { booking: BookingService }) {
  return {
    createPlan,

    /**
     * The call list of `now`'s clinic day: overdue first, then today's; those waiting for a retry
     * time marked. Issue 20 (PIPL Art. 29; a call for a purpose without consent is not offered): a
     * customer who withdrew her consent to follow-up calls is left out — a manager (`manager`)
     * still sees her, marked `noConsent`, with the phone masked and nothing to call.
     */
    async callList(db: Db, now: Date, options: { manager: boolean } = { manager: false }) {
      const { timeZone, clinicName, clinicNameEn } = await readSettings(db);
      const today = clinicDateOf(now, timeZone);
      const all = await openCallSteps(db, today);
      const withdrawn = await callConsentWithdrawn(db, all.map((row) => row.customer_id));
      const rows = options.manager ? all : all.filter((row) => !withdrawn.has(row.customer_id));
      const visits = await openVisitSteps(db, [...new Set(rows.map((row) => row.plan_id))]);
      return {
        date: today,
        clinicName,
        clinicNameEn,
        calls: rows.map((row) => {
          const days = daysSinceSurgery(row.surgery_at, today, timeZone);
          const visit = visits.find((step) => step.plan_id === row.plan_id) ?? null;
          const noConsent = withdrawn.has(row.customer_id);
          return {
            stepId: row.id,
            version: row.version,
            label: row.label,
            dueDate: row.due_date,
            daysOverdue: daysOverdue(row.due_date, today),
            daysSinceSurgery: days,
            attempts: row.attempts,
            retryAt: row.next_try_at,
            waiting: row.next_try_at !== null && row.next_try_at > now.toISOString(),
            scriptKey: callScriptKey(days),
            customer: { id: row.customer_id, name: row.name, addressForm: row.address_form, phone: noConsent ? maskPhone(row.phone) : row.phone },
            item: row.item_zh !== null ? { nameZh: row.item_zh, nameEn: row.item_en ?? row.item_zh } : null,
            visitStep: visit ? { stepId: visit.id, version: visit.version, dueDate: visit.due_date } : null,
            noConsent,
          };
        }),
      };
    },

    /** Records one call: reached closes the step (a concern goes to the doctor); the others count a try and wait. */
    async recordCall(db: Db, input: RecordCallInput, staffId: number, now: Date) {
      const step = await findStep(db, input.stepId);
      if (!step || step.kind !== 'call') throw new AppError('not_found', 'error.notFound', { path: ['stepId'] });
      if (step.status !== 'open') throw new AppError('conflict', 'followUps.error.stepClosed', { details: { currentVersion: step.version } });
      if (step.version !== input.expectedVersion) throw new AppError('conflict', 'error.conflict', { details: { currentVersion: step.version } });
      // Issue 20: no call for a purpose she withdrew her consent to.
      if ((await callConsentWithdrawn(db, [step.customer_id])).has(step.customer_id)) throw new AppError('conflict', 'followUps.error.noCallConsent', { path: ['stepId'] });
      const attempts = step.attempts + 1;
      let concernId: number | null = null;
      if (input.outcome === 'reached') {
        const ok = await updateStep(db, step.id, step.version, {
          status: 'done', attempts, outcome: 'reached', feeling: input.feeling ?? '', questions: input.questions ?? '', next_try_at: null, done_at: now.toISOString(), done_by: staffId,
        });
        if (!ok) throw new AppError('conflict', 'error.conflict');
        if (input.concern) concernId = await insertConcern(db, { stepId: step.id, doctorId: input.concernDoctorId ?? null, text: input.concern, raisedAt: now.toISOString(), raisedBy: staffId });
      } else {
        if (input.outcome === 'call_later' && !input.retryAt) throw new AppError('invalid', 'followUps.error.retryNeeded', { path: ['retryAt'] });
        const retryAt = input.retryAt ?? new Date(now.getTime() + RETRY_AFTER_MINUTES * 60_000).toISOString();
        const ok = await updateStep(db, step.id, step.version, { attempts, outcome: input.outcome, next_try_at: retryAt });
        if (!ok) throw new AppError('conflict', 'error.conflict');
      }
      return { stepId: step.id, customerId: step.customer_id, attempts, concernId };
    },

    /** Books the plan's follow-up visit through the booking rules and marks the step booked. */
    async bookVisit(db: Db, input: { stepId: number; expectedVersion: number; doctorId: number; date: string; time: string; durationMinutes: number; override?: boolean | undefined }, actor: Actor, now: Date) {
      const step = await findStep(db, input.stepId);
      if (!step) throw new AppError('not_found', 'error.notFound', { path: ['stepId'] });
      if (step.kind !== 'visit') throw new AppError('invalid', 'followUps.error.notAVisitStep', { path: ['stepId'] });
      if (step.status !== 'open') throw new AppError('conflict', 'followUps.error.stepClosed', { details: { currentVersion: step.version } });
      if (step.version !== input.expectedVersion) throw new AppError('conflict', 'error.conflict', { details: { currentVersion: step.version } });
      const booked = await deps.booking.create(
        db,
        { customerId: step.customer_id, doctorId: input.doctorId, itemId: step.item_id, kind: 'followup', channel: 'phone', date: input.date, time: input.time, durationMinutes: input.durationMinutes, ...(input.override !== undefined ? { override: input.override } : {}) },
        actor,
        now,
      );
      const ok = await updateStep(db, step.id, step.version, { status: 'done', outcome: 'booked', appointment_id: booked.appointment.id, done_at: now.toISOString(), done_by: actor.staffId });
      if (!ok) throw new AppError('conflict', 'error.conflict');
      return { stepId: step.id, appointment: booked.appointment };
    },

    /** A customer's plans with their steps (the customer's page). */
    async plansOf(db: Db, customerId: number) {
      const plans = await plansOfCustomer(db, customerId);
      const steps = await stepsOfPlans(db, plans.map((plan) => plan.id));
      return plans.map((plan) => ({
        id: plan.id,
        surgeryAt: plan.surgery_at,
        dischargedAt: plan.discharged_at,
        item: plan.item_zh !== null ? { nameZh: plan.item_zh, nameEn: plan.item_en ?? plan.item_zh } : null,
        steps: steps
          .filter((step) => step.plan_id === plan.id)
          .map((step) => ({ id: step.id, kind: step.kind, label: step.label, dueDate: step.due_date, status: step.status, attempts: step.attempts, outcome: step.outcome, appointmentId: step.appointment_id, version: step.version })),
      }));
    },

    /** The doctor's list: concerns not yet answered (a doctor's own and those addressed to no one). */
    async concerns(db: Db, doctorId: number | null) {
      const rows = await openConcerns(db, doctorId);
      return rows.map((row) => ({
        id: row.id,
        text: row.text,
        raisedAt: row.raised_at,
        doctorId: row.doctor_id,
        surgeryAt: row.surgery_at,
        customer: { name: row.name, addressForm: row.address_form, phone: row.phone },
        item: row.item_zh !== null ? { nameZh: row.item_zh, nameEn: row.item_en ?? row.item_zh } : null,
      }));
    },

    async answerConcern(db: Db, input: { concernId: number; answer: string }, staffId: number, now: Date) {
      if (!(await answerConcern(db, input.concernId, input.answer, now.toISOString(), staffId))) {
        if (!(await concernExists(db, input.concernId))) throw new AppError('not_found', 'error.notFound', { path: ['concernId'] });
        throw new AppError('conflict', 'followUps.error.alreadyAnswered');
      }
      return { ok: true as const };
    },

    /**
     * A visit's follow-up checks: when the consultant step started (null: not seen yet), and — on
     * day 2 after her surgery or at stitch removal (seed 004 rule 23) — the surgeon's look, offered
     * when the surgeon is on shift now (`onShift`), with when it was done.
     */
    async visitCheck(db: Db, visitId: number, now: Date) {
      const check = await findVisitCheck(db, visitId);
      const visit = await findVisit(db, visitId);
      if (!visit) throw new AppError('not_found', 'error.notFound', { path: ['visitId'] });
      return { consultantStartedAt: check?.consultant_started_at ?? null, surgeonLook: await surgeonLookOf(db, visit.customer_id, now, check?.surgeon_seen_at ?? null) };
    },

    /** seed 004 rule 23: the surgeon looked at a follow-up customer (during the visit: after the consultant started). */
    async surgeonSeen(db: Db, visitId: number, now: Date) {
      const visit = await findVisit(db, visitId);
      if (!visit) throw new AppError('not_found', 'error.notFound', { path: ['visitId'] });
      if (visit.kind !== 'followup') throw new AppError('invalid', 'followUps.error.notFollowUp', { path: ['visitId'] });
      const check = await findVisitCheck(db, visitId);
      if (!check) throw new AppError('conflict', 'followUps.error.consultantFirst', { path: ['visitId'] });
      const look = await surgeonLookOf(db, visit.customer_id, now, null);
      if (!(await markSurgeonSeen(db, visitId, now.toISOString(), look?.surgeon.id ?? null))) throw new AppError('conflict', 'followUps.error.surgeonAlreadySeen');
      return { visitId, surgeonSeenAt: now.toISOString() };
    },

    /** seed 004 rule 23: the consultant starts seeing a follow-up customer; the 5-minute timer runs from here. */
    async consultantSeen(db: Db, visitId: number, staffId: number, now: Date) {
      const visit = await findVisit(db, visitId);
      if (!visit) throw new AppError('not_found', 'error.notFound', { path: ['visitId'] });
      if (visit.kind !== 'followup') throw new AppError('invalid', 'followUps.error.notFollowUp', { path: ['visitId'] });
      if (visit.status === 'done' || visit.status === 'left') throw new AppError('conflict', 'visits.wrongTransition', { params: { from: `visits.status.${visit.status}`, to: 'visits.status.in_consultation' } });
      if (!(await insertVisitCheck(db, visitId, now.toISOString(), staffId))) throw new AppError('conflict', 'followUps.error.alreadySeen');
      return { visitId, consultantStartedAt: now.toISOString() };
    },
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
