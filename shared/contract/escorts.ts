/**
 * Escorts between floors, the rooms they go between, and the hand-off note (issue 14; seed 000
 * step 6; seed 004 rule 2). Guides take, pick up and deliver; the receiver at the room door
 * acknowledges, which alone finishes an escort. The note is never part of an escort's or a
 * card's output: only `handoff.get` returns it, to those who receive or bring the customer.
 */
import { z } from 'zod';
import { ESCORT_STATUSES, ESCORT_STEPS } from '../domain/escorts';
import { STAFF_ROLES, type Role } from '../domain/roles';
import { SLIP_PAPERS } from '../domain/settings';
import { VISIT_STATUSES } from '../domain/visits';
import { LANGUAGES } from '../i18n/messages';
import { clinicDateSchema, idSchema, instantSchema } from './common';
import { defineMethod } from './define';

export const ROOM_KINDS = ['lobby', 'consultation', 'prep', 'exam', 'operating', 'ward', 'other'] as const;
export const ROOM_ACCESS = ['lift', 'stairs', 'both', 'level'] as const;

export const roomSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  floor: z.number().int(),
  kind: z.enum(ROOM_KINDS),
  access: z.enum(ROOM_ACCESS),
  /** Where it is on its floor's plan, 0–100 across and 0 (the lift) – 100 (the back). */
  posX: z.number().int().min(0).max(100),
  posY: z.number().int().min(0).max(100),
  directions: z.string(),
  directionsEn: z.string(),
  landmarks: z.string(),
  landmarksEn: z.string(),
  version: z.number().int(),
});
export type RoomView = z.infer<typeof roomSchema>;

const placeSchema = z.object({ id: idSchema, name: z.string(), nameEn: z.string(), floor: z.number().int(), kind: z.enum(ROOM_KINDS) });

/** An escort as guides, the desk and the room see it: the customer by ticket and address form only. */
export const escortSchema = z.object({
  id: idSchema,
  version: z.number().int(),
  visitId: idSchema,
  ticket: z.string(),
  /** 称呼 — what the guide greets her by (seed 004 rule 2); null when none was given. */
  addressForm: z.string().nullable(),
  /** 王*丽: to find her in the lobby without calling out her full name. */
  maskedName: z.string(),
  visitStatus: z.enum(VISIT_STATUSES),
  status: z.enum(ESCORT_STATUSES),
  from: placeSchema.nullable(),
  to: placeSchema,
  guide: z.object({ id: idSchema, name: z.string() }).nullable(),
  requestedAt: instantSchema,
  /** When the current step began (the step's timer). */
  stepAt: instantSchema,
  stepMinutes: z.number().int().nonnegative(),
  /** The step took longer than the clinic's setting (or waits at the door past amber). */
  delayed: z.boolean(),
  /** Why it was handed back, not found or sent back. */
  reason: z.string(),
  /** Whether a hand-off note exists (its text only through `handoff.get`). */
  hasNote: z.boolean(),
  /** The customer is anxious / first-time (the card's tags), for the greeting. */
  tags: z.array(z.string()),
});
export type EscortView = z.infer<typeof escortSchema>;

const actionInput = z.object({ escortId: idSchema }).strict();
const reasonInput = z.object({ escortId: idSchema, reason: z.string().trim().min(1).max(200) }).strict();

/** Who walks customers: guides, and the desk or a manager when no guide is free. */
const WALKERS = ['guide', 'reception', 'manager'] as const satisfies readonly Role[];
/** Who receives at a door: the room's consultant, nurse or doctor; the desk for the lobby. */
const RECEIVERS = ['consultant', 'nurse', 'doctor', 'reception', 'manager'] as const satisfies readonly Role[];
/** Who may ever see a hand-off note (and then only by relation to the visit: escort-access.ts). */
export const HANDOFF_ROLES = ['reception', 'guide', 'consultant', 'nurse', 'doctor', 'manager'] as const satisfies readonly Role[];

const text = (max: number) => z.string().trim().max(max);
export const handoffFieldsSchema = z.object({
  /** What she wants and expects (seed 000 psychology 5: expectation management). */
  wants: text(1000),
  expectation: z.enum(['unknown', 'realistic', 'unrealistic']),
  worries: text(1000),
  /** 0 calm … 3 very anxious. */
  anxiety: z.number().int().min(0).max(3),
  /** Motivation and life events mentioned (seed 000 psychology 4). */
  motivation: text(1000),
  /** Budget concerns (seed 000 psychology 8). */
  budget: text(500),
  firstVisit: z.boolean(),
  /** A return: the last visit's item and consultant. */
  lastVisit: text(200),
  companions: text(200),
  addressForm: text(40),
  /** Suggest a professional psychological assessment (seed 000 psychology 3, BDD), with its reason. */
  suggestAssessment: z.boolean(),
  assessmentReason: text(500),
  /** The receiver's synthesis (I-PASS): what she will do first. */
  receiverPlan: text(500),
});
export type HandoffFields = z.infer<typeof handoffFieldsSchema>;

export const handoffNoteSchema = handoffFieldsSchema.extend({
  visitId: idSchema,
  version: z.number().int(),
  updatedAt: instantSchema,
  updatedBy: z.string(),
});
export type HandoffNote = z.infer<typeof handoffNoteSchema>;

const stepSummarySchema = z.object({
  count: z.number().int(),
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
  longestSeconds: z.number().nullable(),
});

export const escortMethods = {
  /** The escorts of a clinic day still under way, and those whose customer is still in the room they went to. */
  'escorts.board': defineMethod({
    summary: 'Open escorts of a day and customers still in the room they were taken to',
    input: z.object({ date: clinicDateSchema.optional() }).strict(),
    output: z.object({ date: clinicDateSchema, escorts: z.array(escortSchema), now: instantSchema, myRoomId: idSchema.nullable() }),
    roles: STAFF_ROLES,
    writes: false,
  }),
  /** Takes an open escort: of guides taking one at once, one wins; the others are told who. */
  'escorts.take': defineMethod({ summary: 'Take an open escort', input: actionInput, output: escortSchema, roles: WALKERS, writes: true }),
  /** Gives a taken escort back to the open list, with an optional reason. */
  'escorts.handBack': defineMethod({
    summary: 'Hand an escort back to the open list',
    input: z.object({ escortId: idSchema, reason: z.string().trim().max(200).optional() }).strict(),
    output: escortSchema,
    roles: WALKERS,
    writes: true,
  }),
  /** The guide has the customer with her: the card shows "with a guide". */
  'escorts.pickUp': defineMethod({ summary: 'Mark the customer picked up', input: actionInput, output: escortSchema, roles: WALKERS, writes: true }),
  /** At the room door: waits there for the receiver's acknowledgement. */
  'escorts.deliver': defineMethod({ summary: 'Mark the customer delivered at the door', input: actionInput, output: escortSchema, roles: WALKERS, writes: true }),
  /** She goes alone with the printed directions slip; the room still acknowledges her arrival. */
  'escorts.sendWithDirections': defineMethod({ summary: 'Send the customer alone with a directions slip', input: actionInput, output: escortSchema, roles: WALKERS, writes: true }),
  /** Called but not found: back to the queue at her old place, with the reason. */
  'escorts.notFound': defineMethod({ summary: 'Customer not found: back to the queue with a reason', input: reasonInput, output: escortSchema, roles: WALKERS, writes: true }),
  /** The receiver's acknowledgement (and that she read the note): finishes the escort. */
  'escorts.acknowledge': defineMethod({
    summary: 'Acknowledge the arrival at the room door (finishes the escort)',
    input: z.object({ escortId: idSchema, plan: text(500).optional() }).strict(),
    output: escortSchema,
    roles: RECEIVERS,
    writes: true,
  }),
  /** The receiver sends her back to the lobby with a reason. */
  'escorts.sendBack': defineMethod({ summary: 'Send the customer back from the door with a reason', input: reasonInput, output: escortSchema, roles: RECEIVERS, writes: true }),
  /** The room a consultant, nurse or doctor receives at today (the room view's choice); null leaves it. */
  'escorts.receiveAt': defineMethod({
    summary: 'Choose the room one receives customers at',
    input: z.object({ roomId: idSchema.nullable() }).strict(),
    output: z.object({ roomId: idSchema.nullable() }),
    roles: ['consultant', 'nurse', 'doctor', 'manager'],
    writes: true,
  }),
  /** The day's escort times per step (median, p90, longest), from the escort events. */
  'escorts.times': defineMethod({
    summary: "A day's escort times per step",
    input: z.object({ date: clinicDateSchema.optional() }).strict(),
    output: z.object({ date: clinicDateSchema, steps: z.array(stepSummarySchema.extend({ step: z.enum(ESCORT_STEPS.map((step) => step.key) as [string, ...string[]]) })) }),
    roles: ['manager', 'reception'],
    writes: false,
  }),
  /** The directions slip of an escort as HTML (ticket and address form only; never name or item). */
  'escorts.directions': defineMethod({
    summary: 'The directions slip of an escort as HTML',
    input: z.object({ escortId: idSchema, paper: z.enum(SLIP_PAPERS).optional(), language: z.enum(LANGUAGES).optional() }).strict(),
    output: z.object({ html: z.string(), paper: z.enum(SLIP_PAPERS), language: z.enum(LANGUAGES), fileName: z.string() }),
    roles: STAFF_ROLES,
    writes: false,
  }),
  /** Every room with its floor, position and directions (the settings' room list, the floor sketch). */
  'rooms.list': defineMethod({ summary: 'Rooms with floor, position and directions', input: z.object({}).strict(), output: z.array(roomSchema), roles: STAFF_ROLES, writes: false }),
  /** Edits a room's place and directions; of two managers editing one room, one wins. */
  'rooms.update': defineMethod({
    summary: "Edit a room's floor, position, access and directions",
    input: z
      .object({
        id: idSchema,
        expectedVersion: z.number().int().positive(),
        floor: z.number().int().min(-5).max(99).optional(),
        access: z.enum(ROOM_ACCESS).optional(),
        posX: z.number().int().min(0).max(100).optional(),
        posY: z.number().int().min(0).max(100).optional(),
        directions: text(300).optional(),
        directionsEn: text(500).optional(),
        landmarks: text(200).optional(),
        landmarksEn: text(300).optional(),
      })
      .strict(),
    output: roomSchema,
    roles: ['manager'],
    writes: true,
  }),
  /** The visit's hand-off note, to those who receive or bring her only; every read is audited. */
  'handoff.get': defineMethod({
    summary: "A visit's hand-off note (access by role and relation; audited)",
    input: z.object({ visitId: idSchema }).strict(),
    output: z.object({
      note: handoffNoteSchema.nullable(),
      /** Whether she has consented to her medical information being recorded (PIPL Art. 29; issue 20): without it the note warns. */
      medicalConsent: z.boolean(),
    }),
    roles: HANDOFF_ROLES,
    writes: false,
  }),
  /** Writes the note (the desk at check-in, the guide on the way, the receiver's plan). */
  'handoff.save': defineMethod({
    summary: "Write a visit's hand-off note",
    input: handoffFieldsSchema.partial().extend({ visitId: idSchema, expectedVersion: z.number().int().nonnegative() }).strict(),
    output: handoffNoteSchema,
    roles: HANDOFF_ROLES,
    writes: true,
  }),
} as const;
