import { describe, expect, it } from 'vitest';
import { formatClinicDate } from './format';

describe('formatClinicDate', () => {
  it("writes every day of two years, leap day and year ends included, as Intl's full date style does", () => {
    const formatters = { 'zh-CN': new Intl.DateTimeFormat('zh-CN', { dateStyle: 'full', timeZone: 'UTC' }), en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' }) } as const;
    for (let time = Date.UTC(2027, 11, 1); time <= Date.UTC(2029, 0, 31); time += 86_400_000) {
      const date = new Date(time).toISOString().slice(0, 10);
      for (const language of ['zh-CN', 'en'] as const) {
        expect({ date, language, text: formatClinicDate(date, language) }).toEqual({ date, language, text: formatters[language].format(new Date(time + 12 * 3_600_000)) });
      }
    }
    expect(formatClinicDate('2028-02-29', 'zh-CN')).toBe('2028年2月29日星期二');
    expect(formatClinicDate('2026-12-04', 'en')).toBe('Friday, 4 December 2026');
  });
});
