import { describe, expect, it } from 'vitest';
import { phoneSchema } from '../contract/customers';
import { describeIssue } from '../i18n/zod-message';
import { formatPhone, isValidPhone, maskPhone, normalizePhone, phoneKind } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['(138) 0013 8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['86 13800138000', '13800138000'],
    ['0086 138-0013-8000', '13800138000'],
    ['19912345678', '19912345678'],
    ['  15012345678  ', '15012345678'],
  ])('accepts the mobile %s as %s', (typed, stored) => {
    expect(normalizePhone(typed)).toBe(stored);
    expect(phoneKind(stored)).toBe('mobile');
  });

  it.each([
    ['010-12345678', '01012345678'],
    ['(010) 1234 5678', '01012345678'],
    ['（010）12345678', '01012345678'],
    ['021-6543210', '0216543210'],
    ['0755 1234 5678', '075512345678'],
    ['0571-87654321', '057187654321'],
    ['+86 10 1234 5678', '01012345678'],
    ['+86 755 12345678', '075512345678'],
    ['0086 010 12345678', '01012345678'],
  ])('accepts the landline %s as %s', (typed, stored) => {
    expect(normalizePhone(typed)).toBe(stored);
    expect(phoneKind(stored)).toBe('landline');
  });

  it.each([
    '12345',
    '2138000000',
    '1380013800',
    '138001380001',
    '12800138000',
    '10800138000',
    '1380013800a',
    'wangli',
    '138 0013 800O',
    '010-123456',
    '010-123456789',
    '0755-123456',
    '00-12345678',
    '+1 415 555 0100',
    '+86 12345',
    '',
    '   ',
    '++8613800138000',
  ])('refuses %j', (typed) => {
    expect(normalizePhone(typed)).toBeNull();
    expect(isValidPhone(typed)).toBe(false);
  });
});

describe('maskPhone and formatPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
  it('keeps the area code and last 4 digits of a landline', () => {
    expect(maskPhone('01012345678')).toBe('010-****5678');
    expect(maskPhone('075512345678')).toBe('0755-****5678');
    expect(maskPhone('0216543210')).toBe('021-***3210');
  });
  it('never shows more than the last 4 of anything else', () => {
    expect(maskPhone('12345')).toBe('*2345');
    expect(maskPhone('1234')).toBe('****');
  });
  it('groups a full number for reading aloud', () => {
    expect(formatPhone('13800138000')).toBe('138 0013 8000');
    expect(formatPhone('075512345678')).toBe('0755-12345678');
  });
});

describe('phoneSchema', () => {
  it('parses to the normalised digits', () => {
    expect(phoneSchema.parse('+86 138-0013-8000')).toBe('13800138000');
  });
  it('refuses a wrong number with the validation.phone message, naming the field', () => {
    const result = phoneSchema.safeParse('2138000000');
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.message).toBe('validation.phone');
    expect(describeIssue('en', { ...issue, path: ['phone'] })).toMatch(/^Phone must be a mobile/);
    expect(describeIssue('zh-CN', { ...issue, path: ['phone'] })).toMatch(/^电话须为手机号/);
  });
  it('calls an empty phone missing', () => {
    const result = phoneSchema.safeParse('');
    expect(describeIssue('en', { ...result.error!.issues[0]!, path: ['phone'] })).toBe('Phone is required');
  });
});
