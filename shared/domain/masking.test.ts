import { describe, expect, it } from 'vitest';
import { maskGivenName, maskName } from './masking';
import { parseSlipCode, slipCode } from './slip-code';

describe('maskName', () => {
  it('keeps the surname and, from three characters on, the last character', () => {
    expect(maskName('王丽')).toBe('王*');
    expect(maskName('王晓丽')).toBe('王*丽');
    expect(maskName('爱新觉罗')).toBe('爱**罗');
    expect(maskName(' 李娜 ')).toBe('李*');
  });

  it('keeps both characters of a compound surname', () => {
    expect(maskName('欧阳娜娜')).toBe('欧阳*娜');
    expect(maskName('司马光')).toBe('司马*');
    expect(maskName('诸葛孔明')).toBe('诸葛*明');
    expect(maskName('上官婉儿')).toBe('上官*儿');
  });

  it('treats a two-character name that starts like a compound surname as surname + given name', () => {
    expect(maskName('欧阳')).toBe('欧*');
  });

  it('never returns the name itself for one character or nothing for empty', () => {
    expect(maskName('丽')).toBe('*');
    expect(maskName('')).toBe('');
  });
});

describe('maskGivenName', () => {
  it('keeps the surname only, a star for every other character', () => {
    expect(maskGivenName('王丽')).toBe('王*');
    expect(maskGivenName('王晓丽')).toBe('王**');
    expect(maskGivenName('欧阳娜娜')).toBe('欧阳**');
    expect(maskGivenName('丽')).toBe('*');
    expect(maskGivenName('')).toBe('');
  });
});

describe('slip codes', () => {
  it('round-trips an appointment id through the code a scanner types', () => {
    expect(slipCode(123)).toBe('FD-000123');
    expect(parseSlipCode(slipCode(123))).toBe(123);
    expect(parseSlipCode('fd-000123\r\n')).toBe(123);
    expect(parseSlipCode('FD－1234567')).toBe(1234567);
  });

  it('refuses what is not a slip code', () => {
    expect(parseSlipCode('A012')).toBeNull();
    expect(parseSlipCode('FD-')).toBeNull();
    expect(parseSlipCode('FD-000000')).toBeNull();
    expect(parseSlipCode('13800138000')).toBeNull();
  });
});
