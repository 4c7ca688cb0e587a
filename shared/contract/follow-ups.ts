/**
 * After surgery (seed 000 steps 9–10; seed 004 rules 11 and 23): follow-up plans, the call list,
 * concerns for the doctor, the consultant step of a follow-up visit, and satisfaction surveys.
 */
import { z } from 'zod';
import { SURVEY_ASPECTS } from '../domain/follow-ups';
import { STAFF_ROLES } from '../domain/roles';
import { appointmentRowSchema, clockTimeSchema } from './appointments';
import { clinicDateSchema, emptyInputSchema, idSchema, instantSchema, okSchema } from './common';
import { defineMethod } from './define';

const CALLERS = ['reception', 'consultant', 'nurse', 'manager'] as const;
const itemNameSchema = z.object({ nameZh: z.string(), nameEn: z.string() }).nullable();
const text = (max: number) => z.string().trim().max(max);

export const followUpCallSchema = z.object({
  stepId: idSchema,
  version: z.number().int(),
  label: z.string(),
  dueDate: clinicDateSchema,
  /** 0 due today, more when overdue. */
  daysOverdue: z.number().int(),
  daysSinceSurgery: z.number().int(),
  attempts: z.number().int().nonnegative(),
  /** When a call not reached (or asked for later) should be tried again. */
  retryAt: instantSchema.nullable(),
  /** True while the retry time has not come yet. */
  waiting: z.boolean(),
  scriptKey: z.enum(['followUps.script.day1', 'followUps.script.early', 'followUps.script.later']),
  customer: z.object({ id: idSchema, name: z.string(), addressForm: z.string().nullable(), phone: z.string() }),
  item: itemNameSchema,
  /** The plan's follow-up visit still to book, if any. */
  visitStep: z.object({ stepId: idSchema, version: z.number().int(), dueDate: clinicDateSchema }).nullable(),
  /**
   * Issue 20: she withdrew her consent to follow-up calls. Only a manager's list has such rows
   * (phone masked, nothing to call); everyone else's leaves her out.
   */
  noConsent: z.boolean(),
});
export type FollowUpCall = z.infer<typeof followUpCallSchema>;

export const followUpPlanSchema = z.object({
  id: idSchema,
  surgeryAt: instantSchema,
  dischargedAt: instantSchema.nullable(),
  item: itemNameSchema,
  steps: z.array(
    z.object({
      id: idSchema,
      kind: z.enum(['call', 'visit']),
      label: z.string(),
      dueDate: clinicDateSchema,
      status: z.enum(['open', 'done', 'cancelled']),
      attempts: z.number().int(),
      outcome: z.string().nullable(),
      appointmentId: idSchema.nullable(),
      version: z.number().int(),
    }),
  ),
});

export const concernSchema = z.object({
  id: idSchema,
  text: z.string(),
  raisedAt: instantSchema,
  doctorId: idSchema.nullable(),
  surgeryAt: instantSchema,
  customer: z.object({ name: z.string(), addressForm: z.string().nullable(), phone: z.string() }),
  item: itemNameSchema,
});

const scoreSchema = z.number().int().min(1).max(5);
export const surveyScoresSchema = z.object(Object.fromEntries(SURVEY_ASPECTS.map((aspect) => [aspect, scoreSchema.optional()])) as Record<(typeof SURVEY_ASPECTS)[number], z.ZodOptional<typeof scoreSchema>>).strict();

export const surveyInputSchema = z
  .object({
    /** Who fills it in: staff with the customer, or the customer alone on the kiosk page (no customer named). */
    source: z.enum(['staff', 'kiosk']),
    customerId: idSchema.optional(),
    visitId: idSchema.optional(),
    stepId: idSchema.optional(),
    scores: surveyScoresSchema,
    recommend: z.number().int().min(0).max(10).optional(),
    comments: text(2000).optional(),
    staffNamed: text(200).optional(),
    complaint: z.boolean().optional(),
  })
  .strict()
  .refine((value) => value.source === 'staff' || (value.customerId === undefined && value.visitId === undefined && value.stepId === undefined), { message: 'validation.kioskAnonymous', path: ['customerId'] });

export const lowSurveySchema = z.object({
  id: idSchema,
  scores: surveyScoresSchema,
  recommend: z.number().int().nullable(),
  comments: z.string(),
  staffNamed: z.string(),
  complaint: z.boolean(),
  source: z.enum(['staff', 'kiosk']),
  createdAt: instantSchema,
  /** Masked (王*丽): the manager's list may be read on a shared screen. */
  customer: z.string().nullable(),
  handledNote: z.string().nullable(),
  handledAt: instantSchema.nullable(),
});

export const followUpMethods = {
  /** Makes a follow-up plan by hand (item + surgery time) from the clinic's template for the item. */
  'followUps.createPlan': defineMethod({
    summary: 'Make a follow-up plan for a surgery',
    input: z.object({ customerId: idSchema, itemId: idSchema.nullable().optional(), surgeryAt: instantSchema }).strict(),
    output: z.object({ planId: idSchema, steps: z.array(z.object({ kind: z.enum(['call', 'visit']), dueDate: clinicDateSchema })) }),
    roles: CALLERS,
    writes: true,
  }),
  /** A customer's follow-up plans and their steps. */
  'followUps.plans': defineMethod({
    summary: "A customer's follow-up plans",
    input: z.object({ customerId: idSchema }).strict(),
    output: z.object({ plans: z.array(followUpPlanSchema) }),
    roles: [...CALLERS, 'doctor'],
    writes: false,
  }),
  /** Today's follow-up calls: overdue first, then those due today. */
  'followUps.callList': defineMethod({
    summary: "Today's follow-up calls, overdue first",
    input: emptyInputSchema,
    output: z.object({ date: clinicDateSchema, clinicName: z.string(), clinicNameEn: z.string(), calls: z.array(followUpCallSchema) }),
    roles: CALLERS,
    writes: false,
  }),
  /** Records a call: reached (feeling, questions, a concern for the doctor), not reached, or call later. */
  'followUps.recordCall': defineMethod({
    summary: 'Record the outcome of a follow-up call',
    input: z
      .object({
        stepId: idSchema,
        expectedVersion: z.number().int().positive(),
        outcome: z.enum(['reached', 'not_reached', 'call_later']),
        feeling: text(500).optional(),
        questions: text(1000).optional(),
        concern: text(1000).optional(),
        concernDoctorId: idSchema.optional(),
        retryAt: instantSchema.optional(),
      })
      .strict(),
    output: z.object({ stepId: idSchema, attempts: z.number().int(), concernId: idSchema.nullable() }),
    roles: CALLERS,
    writes: true,
  }),
  /** Books the plan's follow-up visit from a call (the booking rules apply). */
  'followUps.bookVisit': defineMethod({
    summary: "Book the plan's follow-up visit",
    input: z
      .object({
        stepId: idSchema,
        expectedVersion: z.number().int().positive(),
        doctorId: idSchema,
        date: clinicDateSchema,
        time: clockTimeSchema,
        durationMinutes: z.number().int().min(5).max(240).default(30),
        override: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ stepId: idSchema, appointment: appointmentRowSchema }),
    roles: CALLERS,
    writes: true,
  }),
  /** The doctor's list: concerns from follow-up calls not yet answered. */
  'followUps.concerns': defineMethod({
    summary: 'Concerns awaiting a doctor',
    input: emptyInputSchema,
    output: z.object({ concerns: z.array(concernSchema) }),
    roles: ['doctor', 'manager', 'consultant', 'nurse', 'reception'],
    writes: false,
  }),
  /** A doctor answers a concern; it leaves the list. */
  'followUps.answerConcern': defineMethod({
    summary: 'Answer a concern from a follow-up call',
    input: z.object({ concernId: idSchema, answer: text(1000).min(1) }).strict(),
    output: okSchema,
    roles: ['doctor', 'manager'],
    writes: true,
  }),
  /** seed 004 rule 23: the consultant starts seeing a follow-up customer (the 5-minute timer starts). */
  'followUps.consultantSeen': defineMethod({
    summary: 'The consultant starts seeing a follow-up customer',
    input: z.object({ visitId: idSchema }).strict(),
    output: z.object({ visitId: idSchema, consultantStartedAt: instantSchema }),
    roles: ['consultant', 'nurse', 'reception', 'manager'],
    writes: true,
  }),
  /** A follow-up visit's consultant step: when it started (null: consultant not seen yet). */
  'followUps.visitCheck': defineMethod({
    summary: "A follow-up visit's consultant step",
    input: z.object({ visitId: idSchema }).strict(),
    output: z.object({
      consultantStartedAt: instantSchema.nullable(),
      /** seed 004 rule 23: on day 2 after surgery or at stitch removal, the surgeon's look — offered while the surgeon is on shift. */
      surgeonLook: z
        .object({
          reason: z.enum(['day2', 'stitches']),
          daysSinceSurgery: z.number().int(),
          surgeon: z.object({ id: idSchema, name: z.string() }),
          onShift: z.boolean(),
          seenAt: instantSchema.nullable(),
        })
        .nullable(),
    }),
    roles: STAFF_ROLES,
    writes: false,
  }),
  /** seed 004 rule 23: the surgeon looked at a follow-up customer (after the consultant started). */
  'followUps.surgeonSeen': defineMethod({
    summary: 'The surgeon looked at a follow-up customer',
    input: z.object({ visitId: idSchema }).strict(),
    output: z.object({ visitId: idSchema, surgeonSeenAt: instantSchema }),
    roles: ['doctor', 'consultant', 'nurse', 'reception', 'manager'],
    writes: true,
  }),
  /** Stores a satisfaction survey; a low one or a complaint goes to the manager. */
  'surveys.submit': defineMethod({
    summary: 'Submit a satisfaction survey',
    input: surveyInputSchema,
    output: z.object({ id: idSchema, low: z.boolean() }),
    roles: STAFF_ROLES,
    writes: true,
  }),
  /** The manager's list of low scores and complaints. */
  'surveys.low': defineMethod({
    summary: 'Low survey scores and complaints',
    input: emptyInputSchema,
    output: z.object({ surveys: z.array(lowSurveySchema) }),
    roles: ['manager'],
    writes: false,
  }),
  /** The manager records what was done about a low survey. */
  'surveys.handle': defineMethod({
    summary: 'Record what was done about a low survey',
    input: z.object({ surveyId: idSchema, note: text(1000).min(1) }).strict(),
    output: okSchema,
    roles: ['manager'],
    writes: true,
  }),
};
