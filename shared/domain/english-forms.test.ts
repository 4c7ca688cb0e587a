import { describe, expect, it } from 'vitest';
import { bringInEnglish, englishSlipName, englishTitle } from './english-forms';

describe('English forms for the English slip (issue 13 part 11)', () => {
  it('reads the title from the Chinese form of address, then from the gender', () => {
    expect(englishTitle('温女士', null)).toBe('Ms');
    expect(englishTitle('王姐', null)).toBe('Ms');
    expect(englishTitle('李小姐', 'male')).toBe('Ms');
    expect(englishTitle('张先生', null)).toBe('Mr');
    expect(englishTitle('刘哥', null)).toBe('Mr');
    expect(englishTitle('晓丽', 'female')).toBe('Ms');
    expect(englishTitle(null, 'male')).toBe('Mr');
    expect(englishTitle('晓丽', 'other')).toBeNull();
  });

  it('names the customer no more than the privacy setting allows', () => {
    const customer = { name: '欧阳娜娜', addressForm: '欧阳女士', latin: { surname: 'Ouyang', given: 'Nana' } };
    expect(englishSlipName(customer, 'addressForm')).toBe('Ms Ouyang');
    expect(englishSlipName(customer, 'maskedName')).toBe('Ms Ouyang');
    expect(englishSlipName(customer, 'fullName')).toBe('Ouyang Nana');
    expect(englishSlipName({ ...customer, latin: null }, 'addressForm')).toBe('');
    expect(englishSlipName({ name: 'Anna Smith', addressForm: null }, 'fullName')).toBe('Anna Smith');
    expect(englishSlipName({ name: 'Anna Smith', addressForm: null }, 'maskedName')).toBe('');
  });

  it('translates the usual things to bring and keeps what the desk typed in its own words', () => {
    expect(bringInEnglish('身份证；近期照片（如有）')).toBe('ID card; recent photos (if any)');
    expect(bringInEnglish('身份证；空腹 8 小时')).toBe('ID card; no food or drink for 8 hours before');
    expect(bringInEnglish('身份证、术前检查报告；宽松衣物')).toBe('ID card; pre-op test results; loose, comfortable clothes');
    expect(bringInEnglish('身份证；家属陪同')).toBe('ID card; 家属陪同');
    expect(bringInEnglish('')).toBe('');
  });
});
