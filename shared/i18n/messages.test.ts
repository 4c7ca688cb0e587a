import { describe, expect, it } from 'vitest';
import { catalogs } from './catalog/index';
import { en } from './en';
import { pickLanguage, translate } from './messages';
import { zh } from './zh';

describe('messages', () => {
  it('has an English text for every Chinese key, with the same parameters', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) expect(params(en[key]), key).toEqual(params(zh[key]));
  });

  it('keeps each key in one domain only', () => {
    const seen = new Map<string, string>();
    for (const [domain, messages] of Object.entries(catalogs)) {
      for (const key of Object.keys(messages.zh)) {
        expect(seen.get(key), `${key} is in ${domain} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, domain);
      }
    }
  });

  it('fills parameters and picks the language from a header or ?lang=', () => {
    expect(translate('zh-CN', 'error.wrongPin', { left: 2 })).toBe('PIN 码不正确，还可尝试 2 次');
    expect(pickLanguage('en-US,en;q=0.9')).toBe('en');
    expect(pickLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pickLanguage(undefined)).toBe('zh-CN');
  });
});
