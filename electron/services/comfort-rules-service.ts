/**
 * The comfort rules a manager edits on the settings screen (migration 009 seeded them "editable
 * without code"): labels, when the task falls due after arrival, a round's repeat interval, which
 * visits, on or off. The code and the trigger are the rule's identity and stay as seeded. An edit
 * changes the tasks made after it (check-in reads the active rules each time; a round reads its
 * rule when the next round is made), never the tasks already on the board.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ComfortRuleView, SaveComfortRuleInput } from '../../shared/contract/comfort-rules';
import { AppError } from '../../shared/contract/errors';
import { COMFORT_RULE_SOURCES, repeatProblem } from '../../shared/domain/comfort';
import type { MessageKey } from '../../shared/i18n/messages';
import { findComfortRule, listComfortRules, updateComfortRuleVersioned, type ComfortRuleChanges, type ComfortRuleRow } from '../db/repositories/comfort-rules';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

const REPEAT_PROBLEMS = {
  repeatNeeded: 'comfortRules.error.repeatNeeded',
  repeatOnlyForRounds: 'comfortRules.error.repeatOnlyForRounds',
} as const satisfies Record<NonNullable<ReturnType<typeof repeatProblem>>, MessageKey>;

/** A write's audit description. */
interface Change<Result> {
  result: Result;
  target: string;
  diff: unknown;
}

export interface ComfortRulesService {
  /** Every rule, active or not, in order, with the seed rule it comes from. */
  list(db: Db): Promise<ComfortRuleView[]>;
  /** Edits one rule from the version the editor read; the diff names each field changed. */
  save(db: Db, input: SaveComfortRuleInput, staffId: number, now: Date): Promise<Change<ComfortRuleView>>;
}

/** Builds the comfort rules service. */
export function createComfortRulesService(): ComfortRulesService {
  return {
    async list(db) {
      return (await listComfortRules(db)).map(toView);
    },

    async save(db, input, staffId, now) {
      const before = await findComfortRule(db, input.id);
      if (!before) throw new AppError('not_found', 'comfortRules.error.notFound', { path: ['id'] });
      if (before.version !== input.expectedVersion) {
        // The rule as it is now: the form shows what changed meanwhile (shared/domain/record-changes.ts).
        const details = { currentVersion: before.version, version: before.version, current: toView(before) };
        if (!before.updated_by_name) throw new AppError('conflict', 'error.conflict', { details });
        throw new AppError('conflict', 'comfortRules.error.stale', { params: { by: before.updated_by_name }, details });
      }
      // A round needs its interval; a check-in rule makes one task and has none.
      const problem = repeatProblem(before.trigger, input.repeatMinutes);
      if (problem) throw new AppError('invalid', REPEAT_PROBLEMS[problem], { path: ['repeatMinutes'] });

      const changes: ComfortRuleChanges = {
        label: input.labelZh,
        label_en: input.labelEn,
        applies_to: input.appliesTo,
        due_minutes: input.dueMinutes,
        repeat_minutes: input.repeatMinutes,
        active: input.active ? 1 : 0,
      };
      const diff: Record<string, [unknown, unknown]> = {};
      for (const [column, value] of Object.entries(changes) as [keyof ComfortRuleChanges, unknown][]) {
        if (before[column] !== value) diff[column] = [before[column], value];
      }
      if (!(await updateComfortRuleVersioned(db, before.id, input.expectedVersion, { ...changes, updated_at: now.toISOString(), updated_by: staffId }))) {
        // Read and written in one transaction, so only a writer outside it could get here.
        const current = await findComfortRule(db, before.id);
        throw new AppError('conflict', 'error.conflict', { details: { currentVersion: current?.version ?? before.version, version: current?.version ?? before.version, ...(current ? { current: toView(current) } : {}) } });
      }
      const after = await findComfortRule(db, before.id);
      if (!after) throw new Error('an edited comfort rule vanished');
      return { result: toView(after), target: `comfort_rule:${before.code}`, diff };
    },
  };
}

function toView(row: ComfortRuleRow): ComfortRuleView {
  const source = COMFORT_RULE_SOURCES[row.code];
  return {
    id: row.id,
    code: row.code,
    trigger: row.trigger,
    labelZh: row.label,
    labelEn: row.label_en,
    appliesTo: row.applies_to,
    dueMinutes: row.due_minutes,
    repeatMinutes: row.repeat_minutes,
    active: row.active === 1,
    sort: row.sort,
    version: row.version,
    source: source ? { seed: source.seed, part: source.part, numbers: [...source.numbers] } : null,
    updated: row.updated_at ? { at: row.updated_at, by: row.updated_by_name ?? '' } : null,
  };
}
