/**
 * The stay on the ward (住院) and the aftercare sheet: admission to a bed, the ward's tasks with
 * one-tap completion (rounds with a start and an end), the ward board, the aftercare templates and
 * the sheet, and discharge (seed 004 rules 4–7, 12–21, 23).
 */
import { z } from 'zod';
import type { Role } from '../domain/roles';
import { WARD_TASK_KINDS } from '../domain/ward-tasks';
import { LANGUAGES } from '../i18n/messages';
import { clinicDateSchema, idSchema, instantSchema } from './common';
import { defineMethod } from './define';

/** Who works the ward. */
export const WARD_ROLES = ['nurse', 'doctor', 'manager'] as const satisfies readonly Role[];
/** Who may print the aftercare sheet: the ward and the consultant who explains it. */
export const AFTERCARE_ROLES = ['nurse', 'doctor', 'consultant', 'manager'] as const satisfies readonly Role[];

export const AFTERCARE_PAPERS = ['a5', 'a4'] as const;

export const wardTaskSchema = z.object({
  id: idSchema,
  kind: z.enum(WARD_TASK_KINDS),
  dueAt: instantSchema,
  startedAt: instantSchema.nullable(),
  doneAt: instantSchema.nullable(),
  state: z.enum(['upcoming', 'due', 'overdue', 'escalated', 'done']),
  note: z.string(),
});
export type WardTaskView = z.infer<typeof wardTaskSchema>;

export const wardBedSchema = z.object({
  room: z.object({ id: idSchema, name: z.string(), nameEn: z.string(), floor: z.number().int() }),
  bed: z.number().int().positive(),
  stay: z
    .object({
      id: idSchema,
      version: z.number().int(),
      customerId: idSchema,
      /** The form of address the ward greets her by (seed 004 rule 8). */
      addressForm: z.string().nullable(),
      name: z.string(),
      admittedAt: instantSchema,
      surgeryAt: instantSchema.nullable(),
      dayOfStay: z.number().int(),
      infusionSince: instantSchema.nullable(),
      aftercarePrintedAt: instantSchema.nullable(),
      /** Today's tasks and anything still open from before, by due time. */
      tasks: z.array(wardTaskSchema),
      /**
       * The next clinic day's tasks, by due time: the tablet shows them as the day's at its
       * midnight (by the server's clock, renderer/client/server-clock.ts) without waiting for a
       * re-read, and before then as a line "tomorrow: N tasks".
       */
      nextDayTasks: z.array(wardTaskSchema),
    })
    .nullable(),
});
export type WardBed = z.infer<typeof wardBedSchema>;

export const aftercareTemplateSchema = z.object({
  id: idSchema,
  itemId: idSchema.nullable(),
  version: z.number().int(),
  woundCare: z.string(),
  woundCareEn: z.string(),
  foodToAvoid: z.string(),
  foodToAvoidEn: z.string(),
  comeBack: z.string(),
  comeBackEn: z.string(),
});

const aftercareText = z.string().trim().min(1).max(1000);

export const stayMethods = {
  /** Admits a customer to a ward bed; the stay's tasks are generated at once. */
  'stays.admit': defineMethod({
    summary: 'Admit a customer to a ward bed',
    input: z
      .object({
        customerId: idSchema,
        roomId: idSchema,
        bed: z.number().int().min(1).max(12),
        /** The surgery booked at the consultation, when she stays for it. */
        surgeryAppointmentId: idSchema.optional(),
      })
      .strict(),
    output: z.object({ stayId: idSchema, tasks: z.number().int() }),
    roles: WARD_ROLES,
    writes: true,
  }),
  /** Every ward bed with its customer, day of stay and tasks (the tablet's ward board). */
  'stays.board': defineMethod({
    summary: 'The ward board: every bed, its stay and tasks',
    input: z.object({}).strict(),
    output: z.object({ beds: z.array(wardBedSchema), now: instantSchema, restaurants: z.array(z.string()) }),
    roles: WARD_ROLES,
    writes: false,
  }),
  /** Starts or stops the infusion checks of a stay (seed 004 rules 3, 21). */
  'stays.infusion': defineMethod({
    summary: 'Start or stop an infusion (checks every N minutes while it runs)',
    input: z.object({ stayId: idSchema, running: z.boolean() }).strict(),
    output: z.object({ ok: z.literal(true) }),
    roles: WARD_ROLES,
    writes: true,
  }),
  /** seed 004 rule 18: a dressing change or stitch removal — the aftercare is gone over again. */
  'stays.recordCare': defineMethod({
    summary: 'Record a dressing change or stitch removal (aftercare re-explained)',
    input: z.object({ stayId: idSchema, kind: z.enum(['dressing', 'stitches']) }).strict(),
    output: z.object({ ok: z.literal(true) }),
    roles: WARD_ROLES,
    writes: true,
  }),
  /**
   * Discharges a stay: the sheet given, the next-day re-explanation due (rule 13), a farewell
   * (rule 7) and the follow-up plan's hook. Refused while the medicine cost is unexplained (rule 15).
   */
  'stays.discharge': defineMethod({
    summary: 'Discharge a stay',
    input: z.object({ stayId: idSchema, expectedVersion: z.number().int().positive(), sheetGiven: z.literal(true) }).strict(),
    output: z.object({ ok: z.literal(true), aftercareAgainAt: instantSchema }),
    roles: WARD_ROLES,
    writes: true,
  }),
  /** Starts a round (seed 004 rule 12: its start and end are recorded). */
  'wardTasks.start': defineMethod({
    summary: 'Start a ward round',
    input: z.object({ taskId: idSchema }).strict(),
    output: z.object({ ok: z.literal(true) }),
    roles: WARD_ROLES,
    writes: true,
  }),
  /** Completes a task in one tap; a round closed before its minimum warns (never refused). */
  'wardTasks.complete': defineMethod({
    summary: 'Complete a ward task (a round: end it)',
    input: z.object({ taskId: idSchema, note: z.string().trim().max(200).optional() }).strict(),
    output: z.object({ ok: z.literal(true), warning: z.object({ kind: z.literal('shortRound'), minutes: z.number().int(), minimum: z.number().int() }).nullable() }),
    roles: WARD_ROLES,
    writes: true,
  }),
  /** The aftercare templates: the clinic's default and one per item. */
  'aftercare.templates': defineMethod({
    summary: 'The aftercare templates',
    input: z.object({}).strict(),
    output: z.object({ templates: z.array(aftercareTemplateSchema) }),
    roles: AFTERCARE_ROLES,
    writes: false,
  }),
  /** Saves one template (a new item's when `itemId` has none yet); versioned. */
  'aftercare.saveTemplate': defineMethod({
    summary: 'Save an aftercare template',
    input: z
      .object({
        itemId: idSchema.nullable(),
        expectedVersion: z.number().int().positive().optional(),
        woundCare: aftercareText,
        woundCareEn: aftercareText,
        foodToAvoid: aftercareText,
        foodToAvoidEn: aftercareText,
        comeBack: aftercareText,
        comeBackEn: aftercareText,
      })
      .strict(),
    output: aftercareTemplateSchema,
    roles: ['doctor', 'manager'],
    writes: true,
  }),
  /** The aftercare sheet of a stay as HTML (a preview; records nothing). */
  'aftercare.sheet': defineMethod({
    summary: 'The aftercare sheet of a stay as HTML (preview)',
    input: z.object({ stayId: idSchema, paper: z.enum(AFTERCARE_PAPERS).optional(), language: z.enum(LANGUAGES).optional() }).strict(),
    output: z.object({ html: z.string(), fileName: z.string(), followupDates: z.array(z.object({ label: z.string(), date: clinicDateSchema })) }),
    roles: AFTERCARE_ROLES,
    writes: false,
  }),
  /** Records that the sheet was printed: the next-day "explain the aftercare again" falls due (rule 13). */
  'aftercare.recordPrint': defineMethod({
    summary: 'Record a printed aftercare sheet',
    input: z.object({ stayId: idSchema }).strict(),
    output: z.object({ ok: z.literal(true), aftercareAgainAt: instantSchema }),
    roles: AFTERCARE_ROLES,
    writes: true,
  }),
} as const;
