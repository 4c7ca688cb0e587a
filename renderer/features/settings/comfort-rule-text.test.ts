import type { FieldValues, Resolver } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { translate, type Language } from '../../../shared/i18n/messages';
import { zodFormResolver } from '../../ui/zod-form-resolver';
import { comfortRuleFormSchema, dueText, sourceText } from './comfort-rule-text';

const tOf = (language: Language) => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(language, key, params);

async function messagesOf<Input extends FieldValues, Output>(resolver: Resolver<Input, unknown, Output>, values: Input) {
  const result = await resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });
  return Object.fromEntries(Object.entries(result.errors).map(([name, error]) => [name, (error as { message?: string }).message]));
}

const tea = { labelZh: '奉上茶水或温水', labelEn: 'Offer tea or water', appliesTo: 'all' as const, dueMinutes: 5, repeatMinutes: null, active: true };

describe('a comfort rule on the settings screen', () => {
  it('names the seed rule it comes from, in Chinese and in English', () => {
    expect(sourceText({ seed: '004', part: 'rule', numbers: [5] }, tOf('en'), 'en')).toBe('seed 004 rule 5');
    expect(sourceText({ seed: '004', part: 'rule', numbers: [3, 21] }, tOf('en'), 'en')).toBe('seed 004, rules 3, 21');
    expect(sourceText({ seed: '004', part: 'rule', numbers: [3, 21] }, tOf('zh-CN'), 'zh-CN')).toBe('种子 004 服务细则第 3、21 条');
    expect(sourceText({ seed: '000', part: 'flow', numbers: [5] }, tOf('zh-CN'), 'zh-CN')).toBe('种子 000 接待流程第 5 步');
    expect(sourceText(null, tOf('en'), 'en')).toBe('—');
  });

  it('says when it falls due: after arrival, and for a round how often after that', () => {
    expect(dueText({ trigger: 'check_in', dueMinutes: 5, repeatMinutes: null }, tOf('en'))).toBe('Within 5 minutes of arrival');
    expect(dueText({ trigger: 'check_in', dueMinutes: 1, repeatMinutes: null }, tOf('en'))).toBe('Within 1 minute of arrival');
    expect(dueText({ trigger: 'round', dueMinutes: 10, repeatMinutes: 20 }, tOf('zh-CN'))).toBe('到店后 10 分钟首次巡视，之后每 20 分钟一次');
  });

  it('the edit dialog says a bad value in the user’s language, naming the field', async () => {
    expect(await messagesOf(zodFormResolver(comfortRuleFormSchema, 'zh-CN'), { ...tea, dueMinutes: 0, labelZh: ' ' })).toEqual({ dueMinutes: '到期时间不能小于 1', labelZh: '中文内容为必填项' });
    expect(await messagesOf(zodFormResolver(comfortRuleFormSchema, 'en'), { ...tea, dueMinutes: null as unknown as number, repeatMinutes: 500 })).toEqual({
      dueMinutes: 'Due after is required',
      repeatMinutes: 'Round interval must be at most 120',
    });
    expect(await messagesOf(zodFormResolver(comfortRuleFormSchema, 'en'), tea)).toEqual({});
  });
});
