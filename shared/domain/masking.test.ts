import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayNameSchema } from '../contract/display';
import { customerFieldsSchema } from '../contract/customers';
import { MASKED_NAME_MAX_LENGTH, maskGivenName, maskName } from './masking';
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

describe('names in any script', () => {
  it('masks a name written in words to its initials, short enough for the lobby display', () => {
    expect(maskName('Alexandra Katherine Montgomery-Smithson')).toBe('A* K* M*-S*');
    expect(maskName('Anna Smith')).toBe('A* S*');
    expect(maskName("Siobhán O'Brien")).toBe('S* O*');
    expect(maskName('Анна Каренина')).toBe('А* К*');
    expect(maskName('محمد بن سلمان')).toBe('م* ب* س*');
    expect(maskName('דוד כהן')).toBe('ד* כ*');
    // Too many words for 12: the first and the last, then the first initial only.
    expect(maskName('Maria José Carolina Dolores Fernández')).toBe('M* F*');
    expect(maskName('Jean-Pierre Marie-Claire Anne-Sophie Montgomery-Smithson')).toBe('J*-P* M*-S*');
    expect(maskGivenName('Alexandra Katherine Montgomery-Smithson')).toBe('A**');
  });

  it('masks a name written without spaces by characters, a long one with a few stars only', () => {
    expect(maskName('Madonna')).toBe('M***a');
    expect(maskName('やまだはなこ')).toBe('や***こ');
    expect(maskName('김민수')).toBe('김*수');
    expect(maskName('王 丽')).toBe('王*');
    expect(maskName('王'.repeat(40))).toBe('王***王');
    expect(maskGivenName('王'.repeat(40))).toBe('王***');
  });

  it('never shows an emoji, a zero-width or a direction mark, and never the name itself', () => {
    expect(maskName('👩‍👩‍👧‍👦👩‍👩‍👧‍👦')).toMatch(/^\*+$/);
    expect(maskName('王\u200b丽')).toBe('王*');
    expect(maskName('\u200b')).toBe('*');
    expect(maskName('\u202eAnna Smith')).toBe('A* S*');
    expect(maskName('**')).toBe('*');
    expect(maskName('A*')).toBe('*');
    expect(maskName('A')).toBe('*');
  });

  // Every name the customer form accepts, in any script: what the lobby display may show.
  const scripts = ['王晓丽欧阳娜', 'Alexandra Montgomery-Smithson', "O'Brien", 'Анна Каренина', 'محمد بن سلمان', 'דוד כהן', 'やまだはなこヤマダ', '김민수', '👩‍👩‍👧‍👦🌸', '\u200b\u200d\u202e\u2066', ' *-—', 'é́'];
  const nameOfAnyScript = fc
    .array(fc.oneof(fc.constantFrom(...scripts.flatMap((script) => [...script])), fc.string({ unit: 'grapheme', maxLength: 3 })), {
      minLength: 1,
      maxLength: 60,
    })
    .map((parts) => parts.join(''))
    .filter((name) => customerFieldsSchema.shape.name.safeParse(name).success)
    .map((name) => customerFieldsSchema.shape.name.parse(name));

  it('gives any accepted name a short, non-empty, masked form that is never the name (property)', () => {
    fc.assert(
      fc.property(nameOfAnyScript, (name) => {
        for (const masked of [maskName(name), maskGivenName(name)]) {
          expect(masked.length).toBeGreaterThan(0);
          expect(masked.length).toBeLessThanOrEqual(MASKED_NAME_MAX_LENGTH);
          expect(displayNameSchema.safeParse(masked).success).toBe(true);
          if ([...name].length > 1) expect(masked).not.toBe(name);
        }
      }),
      { numRuns: 1000 },
    );
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
