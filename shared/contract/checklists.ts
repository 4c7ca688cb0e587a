/**
 * Daily checklists (seed 000 step 4 "接待准备"; seed 004 rules 14 and 17): the day's templates with
 * their runs, one click per item to tick it OK or mark it missing (with a note, and the number
 * counted for a count item), and completing a run once every item is ticked.
 *
 * Who may do what: reception, guides, nurses and managers tick and complete — the people who keep
 * the lobby and the wards ready. A template's `role` says who the checklist is FOR (it is listed
 * first for them), not a lock: when the nurse is on the ward, reception counting the chargers is
 * better than nobody. Templates are the clinic's plan and a manager's to set.
 */
import { z } from 'zod';
import { CHECKLIST_ITEM_KINDS, CHECKLIST_STATUSES, CHECKLIST_TICK_ROLES, CHECKLIST_TICK_STATUSES } from '../domain/checklists';
import { CLOCK_TIME_PATTERN } from '../domain/roster';
import { STAFF_ROLES } from '../domain/roles';
import { clinicDateSchema, emptyInputSchema, idSchema, instantSchema } from './common';
import { defineMethod } from './define';

const dueTimeSchema = z.string().regex(CLOCK_TIME_PATTERN, { message: 'checklists.validation.time' });
const staffRefSchema = z.object({ id: idSchema, name: z.string() });
const roomRefSchema = z.object({ id: idSchema, code: z.string(), name: z.string(), nameEn: z.string() });

/** One line of a template as the day's view shows it, with its tick when there is one. */
export const checklistItemSchema = z.object({
  id: idSchema,
  textZh: z.string(),
  textEn: z.string(),
  kind: z.enum(CHECKLIST_ITEM_KINDS),
  /** A count item: how many there should be (per room when `room` is set). */
  expectedCount: z.number().int().nullable(),
  room: roomRefSchema.nullable(),
  tick: z
    .object({
      status: z.enum(CHECKLIST_TICK_STATUSES),
      note: z.string(),
      count: z.number().int().nullable(),
      tickedBy: staffRefSchema,
      tickedAt: instantSchema,
    })
    .nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** One template on one clinic day: its items, the run so far and where it stands. */
export const dayChecklistSchema = z.object({
  templateId: idSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  dueTime: z.string(),
  dueAt: instantSchema,
  role: z.enum(STAFF_ROLES),
  status: z.enum(CHECKLIST_STATUSES),
  items: z.array(checklistItemSchema),
  ticked: z.number().int(),
  missing: z.number().int(),
  run: z
    .object({
      id: idSchema,
      startedBy: staffRefSchema,
      startedAt: instantSchema,
      completedBy: staffRefSchema.nullable(),
      completedAt: instantSchema.nullable(),
    })
    .nullable(),
});
export type DayChecklist = z.infer<typeof dayChecklistSchema>;

const templateItemInputSchema = z
  .object({
    /** An existing item being edited; absent for a new one. */
    id: idSchema.optional(),
    textZh: z.string().trim().min(1, { message: 'validation.required' }).max(120),
    textEn: z.string().trim().max(120).default(''),
    kind: z.enum(CHECKLIST_ITEM_KINDS),
    expectedCount: z.number().int().min(0).max(999).nullable().default(null),
    roomId: idSchema.nullable().default(null),
  })
  .strict()
  .refine((item) => (item.kind === 'count') === (item.expectedCount !== null), {
    message: 'checklists.validation.expected',
    path: ['expectedCount'],
  });

export const saveTemplateInputSchema = z
  .object({
    id: idSchema.optional(),
    /** With `id`: the template's version as read; a change made meanwhile is a conflict. */
    expectedVersion: z.number().int().positive().optional(),
    nameZh: z.string().trim().min(1, { message: 'validation.required' }).max(60),
    nameEn: z.string().trim().max(60).default(''),
    dueTime: dueTimeSchema,
    role: z.enum(STAFF_ROLES),
    active: z.boolean().default(true),
    sort: z.number().int().min(0).max(999).default(0),
    /** The items in order; an existing item left out is retired (kept for past runs). */
    items: z.array(templateItemInputSchema).min(1, { message: 'checklists.validation.items' }).max(60),
  })
  .strict()
  .refine((input) => input.id === undefined || input.expectedVersion !== undefined, { message: 'validation.required', path: ['expectedVersion'] });
export type SaveTemplateInput = z.infer<typeof saveTemplateInputSchema>;

/** A template as the editor sees it. */
export const checklistTemplateSchema = z.object({
  id: idSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  dueTime: z.string(),
  role: z.enum(STAFF_ROLES),
  active: z.boolean(),
  sort: z.number().int(),
  /** Sent back as `expectedVersion` with a change. */
  version: z.number().int().positive(),
  items: z.array(
    z.object({
      id: idSchema,
      textZh: z.string(),
      textEn: z.string(),
      kind: z.enum(CHECKLIST_ITEM_KINDS),
      expectedCount: z.number().int().nullable(),
      roomId: idSchema.nullable(),
    }),
  ),
});
export type ChecklistTemplate = z.infer<typeof checklistTemplateSchema>;

export const tickInputSchema = z
  .object({
    runDate: clinicDateSchema,
    templateId: idSchema,
    itemId: idSchema,
    status: z.enum(CHECKLIST_TICK_STATUSES),
    note: z.string().trim().max(200).optional(),
    /** A count item: the number counted (required for count items). */
    count: z.number().int().min(0).max(999).optional(),
  })
  .strict();
export type TickInput = z.infer<typeof tickInputSchema>;

export const checklistMethods = {
  /** Every active template with the clinic day's run: items, who ticked what when, what is missing, due and overdue. */
  'checklists.today': defineMethod({
    summary: "The day's checklists with their runs: items, ticks, missing, due time, overdue",
    input: z.object({ date: clinicDateSchema.optional() }).strict(),
    output: z.object({ date: clinicDateSchema, checklists: z.array(dayChecklistSchema) }),
    roles: STAFF_ROLES,
    writes: false,
  }),
  /**
   * Ticks one item OK or missing (with a note, and the number counted for a count item); the
   * first tick of the day starts the run. Changing a tick is allowed until the run is completed;
   * after that every tick is refused with `conflict`.
   */
  'checklists.tick': defineMethod({
    summary: "Tick a checklist item OK or missing (note, count); starts the day's run",
    input: tickInputSchema,
    output: dayChecklistSchema,
    roles: CHECKLIST_TICK_ROLES,
    writes: true,
  }),
  /** Completes the day's run once every item is ticked (`invalid` naming the first unticked one). */
  'checklists.complete': defineMethod({
    summary: "Complete the day's run of a checklist (every item ticked)",
    input: z.object({ date: clinicDateSchema, templateId: idSchema }).strict(),
    output: dayChecklistSchema,
    roles: CHECKLIST_TICK_ROLES,
    writes: true,
  }),
  /** Every template, active or not, with its current items, and the rooms an item may name. */
  'checklists.templates': defineMethod({
    summary: 'Every checklist template with its items (manager editor)',
    input: emptyInputSchema,
    output: z.object({ templates: z.array(checklistTemplateSchema), rooms: z.array(roomRefSchema) }),
    roles: ['manager'],
    writes: false,
  }),
  /** Adds or edits a template and its items; an item left out is retired, never deleted (past runs name it). */
  'checklists.saveTemplate': defineMethod({
    summary: 'Add or edit a checklist template and its items (manager)',
    input: saveTemplateInputSchema,
    output: checklistTemplateSchema,
    roles: ['manager'],
    writes: true,
  }),
} as const;
