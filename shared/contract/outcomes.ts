/**
 * The consultation's outcome (seed 000 steps 7–8) and the psychological screen before surgery
 * (seed 000, "the customer's mind"). Both are for the consultant, doctor and manager only: the
 * screen is never printed, never on a public output, never seen by reception, guides or the display.
 */
import { z } from 'zod';
import type { Role } from '../domain/roles';
import { SCREENING_DECISIONS } from '../domain/screening';
import { clockTimeSchema } from './appointments';
import { clinicDateSchema, idSchema, instantSchema } from './common';
import { defineMethod } from './define';

/** Who records an outcome and sees the screen: the consultant, the doctor, the manager. */
export const CLINICAL_ROLES = ['consultant', 'doctor', 'manager'] as const satisfies readonly Role[];

export const OUTCOMES = ['decided', 'thinking', 'not_now', 'referred'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const slotSchema = z
  .object({
    doctorId: idSchema,
    date: clinicDateSchema,
    time: clockTimeSchema,
    durationMinutes: z.number().int().min(5).max(480),
  })
  .strict();

export const screeningDecisionSchema = z
  .object({
    decision: z.enum(SCREENING_DECISIONS),
    /** Why: required for every decision (a reason to proceed is what the law of care asks for). */
    reason: z.string().trim().min(1).max(300),
  })
  .strict();

export const outcomeInputSchema = z
  .object({
    visitId: idSchema,
    /** The card's version the consultant acted on: of two closing one consultation, one wins. */
    expectedVersion: z.number().int().positive(),
    outcome: z.enum(OUTCOMES),
    /** The doctor the customer saw (named on the outcome). */
    doctorSeenId: idSchema.optional(),
    itemId: idSchema.optional(),
    /** seed 004 rule 15: the medicine cost quoted, in yuan. */
    medicineCostYuan: z.number().int().min(0).max(1_000_000).optional(),
    note: z.string().trim().max(500).optional(),
    /** "Thinking it over": the follow-up call in this many days (the clinic's default when left out). */
    followupInDays: z.number().int().min(1).max(60).optional(),
    referredTo: z.string().trim().max(100).optional(),
    preOp: slotSchema.optional(),
    /** The surgery, with its responsible doctor (主诊医师) as `doctorId`. */
    surgery: slotSchema.extend({ consentSignedOn: clinicDateSchema.optional() }).strict().optional(),
    /** Required when the screen was positive or the desk suggested an assessment. */
    screeningDecision: screeningDecisionSchema.optional(),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.outcome === 'decided' && !input.preOp && !input.surgery && input.screeningDecision?.decision !== 'refer' && input.screeningDecision?.decision !== 'postpone') {
      context.addIssue({ code: 'custom', path: ['preOp'], message: 'validation.required' });
    }
    if (input.outcome !== 'decided') {
      if (input.preOp) context.addIssue({ code: 'custom', path: ['preOp'], message: 'validation.invalid' });
      if (input.surgery) context.addIssue({ code: 'custom', path: ['surgery'], message: 'validation.invalid' });
    }
  });
export type OutcomeInput = z.infer<typeof outcomeInputSchema>;

export const OUTCOME_WARNINGS = ['consentMissing'] as const;

export const bddqAsAnswersSchema = z
  .object({
    q1: z.boolean(),
    q2: z.boolean(),
    q3: z.number().int().min(1).max(5).optional(),
    q4: z.number().int().min(1).max(5).optional(),
    q5: z.number().int().min(1).max(5).optional(),
    q6: z.number().int().min(1).max(5).optional(),
    q7: z.boolean().optional(),
  })
  .strict();

export const screeningSummarySchema = z.object({
  id: idSchema,
  instrument: z.literal('bddq_as'),
  positive: z.boolean(),
  takenAt: instantSchema,
  takenBy: z.string(),
});

export const gateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('clear') }),
  z.object({ kind: z.literal('screenNeeded'), lastTakenAt: instantSchema.nullable() }),
  z.object({ kind: z.literal('decisionNeeded'), reason: z.enum(['positive', 'flagged', 'both']) }),
]);

export const outcomeMethods = {
  /**
   * Closes a consultation with its outcome in one transaction: the pre-op exam and the surgery
   * booked under the same shift and overlap rules as any booking (a clash books nothing), the
   * follow-up call of a customer thinking it over, and the card moved on (pre-op exam or done).
   */
  'outcomes.record': defineMethod({
    summary: "Record a consultation's outcome and book pre-op and surgery",
    input: outcomeInputSchema,
    output: z.object({
      outcomeId: idSchema,
      preOpAppointmentId: idSchema.nullable(),
      surgeryAppointmentId: idSchema.nullable(),
      followupCallOn: clinicDateSchema.nullable(),
      /** Not refusals: no signed informed consent on file yet (医疗美容服务管理办法 Art. 19–20). */
      warnings: z.array(z.enum(OUTCOME_WARNINGS)),
      visitStatus: z.string(),
    }),
    roles: CLINICAL_ROLES,
    writes: true,
  }),
  /** What the outcome dialog needs: the visit, the doctors, the screen's state for surgery. */
  'outcomes.context': defineMethod({
    summary: 'The outcome dialog’s facts for a visit',
    input: z.object({ visitId: idSchema }).strict(),
    output: z.object({
      visitId: idSchema,
      version: z.number().int(),
      status: z.string(),
      customer: z.object({ id: idSchema, name: z.string(), addressForm: z.string().nullable() }),
      doctor: z.object({ id: idSchema, name: z.string() }).nullable(),
      itemId: idSchema.nullable(),
      recorded: z.boolean(),
      screening: screeningSummarySchema.nullable(),
      assessmentSuggested: z.boolean(),
      gate: gateSchema,
    }),
    roles: CLINICAL_ROLES,
    writes: false,
  }),
  /** Records signed informed consent on file for a surgery (医疗美容服务管理办法 Art. 19–20). */
  'outcomes.recordConsent': defineMethod({
    summary: 'Record a signed informed consent for a surgery',
    input: z.object({ appointmentId: idSchema, signedOn: clinicDateSchema }).strict(),
    output: z.object({ ok: z.literal(true) }),
    roles: ['consultant', 'doctor', 'nurse', 'manager'],
    writes: true,
  }),
  /** Records a BDDQ-AS screen filled in with the customer; scored on the server. */
  'screenings.record': defineMethod({
    summary: 'Record a psychological screen (BDDQ-AS)',
    input: z.object({ customerId: idSchema, answers: bddqAsAnswersSchema }).strict(),
    output: z.object({ id: idSchema, positive: z.boolean() }),
    roles: CLINICAL_ROLES,
    writes: true,
  }),
  /** A customer's latest screen and what a surgery booking would need. */
  'screenings.latest': defineMethod({
    summary: "A customer's latest screen and the surgery gate",
    input: z.object({ customerId: idSchema }).strict(),
    output: z.object({ screening: screeningSummarySchema.nullable(), assessmentSuggested: z.boolean(), gate: gateSchema }),
    roles: CLINICAL_ROLES,
    writes: false,
  }),
} as const;
