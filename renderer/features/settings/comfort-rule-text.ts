/**
 * How the settings screen says a comfort rule: when it falls due, and the seed rule it comes from
 * ("seed 004 rule 5", "种子 000 接待流程第 5 步"). Also the edit dialog's schema: the contract's
 * save input without the id and version, which travel beside the form.
 */
import { saveComfortRuleInputSchema, type ComfortRuleView } from '../../../shared/contract/comfort-rules';
import type { Language } from '../../../shared/i18n/messages';
import type { Translate } from '../../i18n/i18n';

/** What the edit dialog edits, validated by the contract's own rules. */
export const comfortRuleFormSchema = saveComfortRuleInputSchema.omit({ id: true, expectedVersion: true });

/** Where a seeded rule comes from, or a dash for a rule the seeds do not name. */
export function sourceText(source: ComfortRuleView['source'], t: Translate, language: Language): string {
  if (!source) return '—';
  const numbers = source.numbers.join(language === 'en' ? ', ' : '、');
  const key =
    source.part === 'flow'
      ? 'comfortRules.source.flow'
      : source.part === 'counselling'
        ? 'comfortRules.source.counselling'
        : source.numbers.length > 1
          ? 'comfortRules.source.rules'
          : 'comfortRules.source.rule';
  return t(key, { seed: source.seed, numbers });
}

/** When a rule's task falls due: minutes after arrival, and for a round how often after that. */
export function dueText(rule: Pick<ComfortRuleView, 'trigger' | 'dueMinutes' | 'repeatMinutes'>, t: Translate): string {
  return rule.trigger === 'round'
    ? t('comfortRules.due.round', { minutes: rule.dueMinutes, repeat: rule.repeatMinutes ?? rule.dueMinutes })
    : t('comfortRules.due.checkIn', { minutes: rule.dueMinutes });
}
