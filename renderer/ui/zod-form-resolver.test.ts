import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bookingSchema } from '../../shared/contract/appointments';
import { pinSchema } from '../../shared/contract/auth';
import { saveTemplateInputSchema } from '../../shared/contract/checklists';
import { zodFormResolver } from './zod-form-resolver';

/** What a form shows under each field after a submit with `values`. */
async function messagesOf<Input extends FieldValues, Output>(resolver: Resolver<Input, unknown, Output>, values: Input) {
  const result = await resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });
  const messages: Record<string, string> = {};
  const walk = (errors: FieldErrors, prefix: string) => {
    for (const [name, error] of Object.entries(errors)) {
      if (!error || typeof error !== 'object') continue;
      if (typeof error.message === 'string') messages[`${prefix}${name}`] = error.message;
      else walk(error as FieldErrors, `${prefix}${name}.`);
    }
  };
  walk(result.errors, '');
  return messages;
}

describe('zodFormResolver', () => {
  it('says the booking drawer’s problems in Chinese, naming the field', async () => {
    const resolver = zodFormResolver(bookingSchema, 'zh-CN');
    const messages = await messagesOf(resolver, {
      customerId: undefined as unknown as number,
      doctorId: 3,
      kind: 'consultation',
      channel: 'phone',
      date: '2026-11-23',
      time: '10:00',
      durationMinutes: 1,
    });
    expect(messages).toEqual({ customerId: '顾客为必填项', durationMinutes: '时长不能小于 5' });
  });

  it('says the checklist template editor’s problems in Chinese, down to an item’s field', async () => {
    const resolver = zodFormResolver(saveTemplateInputSchema, 'zh-CN');
    const messages = await messagesOf(resolver, {
      nameZh: '',
      dueTime: '09:00',
      role: 'reception',
      items: [{ textZh: '', kind: 'tick' }, { textZh: '清点纱布', kind: 'count', expectedCount: 1_000 }],
    });
    expect(messages).toEqual({ nameZh: '中文名称为必填项', 'items.0.textZh': '中文内容为必填项', 'items.1.expectedCount': '应有数量不能大于 999' });
  });

  it('says the sign-in PIN’s problem in the language on screen', async () => {
    const pinForm = z.object({ pin: pinSchema });
    expect(await messagesOf(zodFormResolver(pinForm, 'zh-CN'), { pin: '12' })).toEqual({ pin: 'PIN 码须为 4–8 位数字' });
    expect(await messagesOf(zodFormResolver(pinForm, 'en'), { pin: 42 as unknown as string })).toEqual({ pin: 'PIN has the wrong type' });
  });
});

describe('an empty submit (issue 13 part 4)', () => {
  const empty = { customerId: undefined, doctorId: undefined, itemId: null, kind: 'consultation', channel: 'phone', date: '2026-11-23', time: '', durationMinutes: 30, bring: '', notes: '', override: false };

  it('says each missing field of the booking form in words, in Chinese and in English', async () => {
    const zh = await messagesOf(zodFormResolver(bookingSchema, 'zh-CN'), empty as never);
    const en = await messagesOf(zodFormResolver(bookingSchema, 'en'), empty as never);
    expect(Object.keys(zh).sort()).toEqual(['customerId', 'doctorId', 'time']);
    expect(zh).toEqual({ customerId: '顾客为必填项', doctorId: '医生为必填项', time: '时间为必填项' });
    expect(en).toEqual({ customerId: 'Customer is required', doctorId: 'Doctor is required', time: 'Time is required' });
    for (const text of [...Object.values(zh), ...Object.values(en)]) {
      expect(text).not.toMatch(/Invalid input|expected|received|undefined/);
    }
  });
});
