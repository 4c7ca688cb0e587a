/**
 * The comfort rules (migration 009, seed 000 step 5 and seed 004): what a check-in makes for a
 * waiting customer — tea within 5 minutes, magazines, a round every 15 minutes while they wait,
 * reassurance for the anxious and before surgery, water and a drip check for infusions. Seeded
 * rows, edited by a manager on the settings screen; every staff member may read them. An edit
 * applies to the tasks made after it: the check-in tasks of customers who arrive later, and the
 * next rounds of those already waiting. Tasks already made keep their time and label.
 */
import { z } from 'zod';
import { COMFORT_AUDIENCES, COMFORT_RULE_LIMITS, COMFORT_TRIGGERS } from '../domain/comfort';
import { STAFF_ROLES } from '../domain/roles';
import { emptyInputSchema, idSchema, instantSchema } from './common';
import { defineMethod } from './define';

const { dueMinutes, repeatMinutes, labelZh, labelEn } = COMFORT_RULE_LIMITS;

/** One rule as the settings screen shows it, with the seed rule it comes from. */
export const comfortRuleSchema = z.object({
  id: idSchema,
  /** Fixed by the seed (`tea`, `round` …): the rule's identity, not editable. */
  code: z.string(),
  trigger: z.enum(COMFORT_TRIGGERS),
  labelZh: z.string(),
  labelEn: z.string(),
  /** Which visits it makes a task for. */
  appliesTo: z.enum(COMFORT_AUDIENCES),
  /** Minutes after arrival the task falls due (a round rule: the first round). */
  dueMinutes: z.number().int(),
  /** A round rule: minutes from one round to the next; null for a check-in rule. */
  repeatMinutes: z.number().int().nullable(),
  active: z.boolean(),
  sort: z.number().int(),
  version: z.number().int(),
  /** Where the seeded rule comes from (seed 000 or 004); null for a rule the seeds do not name. */
  source: z.object({ seed: z.enum(['000', '004']), part: z.enum(['flow', 'counselling', 'rule']), numbers: z.array(z.number().int()) }).nullable(),
  /** The last edit, or null while the rule is as seeded. */
  updated: z.object({ at: instantSchema, by: z.string() }).nullable(),
});
export type ComfortRuleView = z.infer<typeof comfortRuleSchema>;

/** An edit of one rule, made from the version the editor read. */
export const saveComfortRuleInputSchema = z
  .object({
    id: idSchema,
    expectedVersion: z.number().int().positive(),
    labelZh: z.string().trim().min(1).max(labelZh.max),
    labelEn: z.string().trim().min(1).max(labelEn.max),
    appliesTo: z.enum(COMFORT_AUDIENCES),
    dueMinutes: z.number().int().min(dueMinutes.min).max(dueMinutes.max),
    /** Required for a round rule, null for a check-in rule (the service checks which). */
    repeatMinutes: z.number().int().min(repeatMinutes.min).max(repeatMinutes.max).nullable(),
    active: z.boolean(),
  })
  .strict();
export type SaveComfortRuleInput = z.infer<typeof saveComfortRuleInputSchema>;

export const comfortRuleMethods = {
  /** Every comfort rule, active or not, in order, with the seed rule each comes from. */
  'comfortRules.list': defineMethod({
    summary: 'The comfort rules a check-in makes tasks from, with their seed sources',
    input: emptyInputSchema,
    output: z.object({ rules: z.array(comfortRuleSchema) }),
    roles: STAFF_ROLES,
    writes: false,
  }),
  /**
   * Edits one rule (manager): labels, when it falls due, the round's interval, which visits, on or
   * off. A stale `expectedVersion` is a `conflict`; audited with the fields before and after.
   */
  'comfortRules.save': defineMethod({
    summary: 'Edit a comfort rule (manager); applies to tasks made after the edit',
    input: saveComfortRuleInputSchema,
    output: comfortRuleSchema,
    roles: ['manager'],
    writes: true,
  }),
} as const;
