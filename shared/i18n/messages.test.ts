import { describe, expect, it } from 'vitest';
import { catalogs } from './catalog/index';
import { en } from './en';
import { pickLanguage, translate } from './messages';
import { zh } from './zh';

describe('messages', () => {
  it('has an English text for every Chinese key, with the same parameters', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      const english = en[key];
      if (typeof english === 'string') {
        expect(params(english), key).toEqual(params(zh[key]));
        continue;
      }
      // Each plural form says the same things, and counts by one of them.
      expect(params(english.one), `${key} (one)`).toEqual(params(zh[key]));
      expect(params(english.other), `${key} (other)`).toEqual(params(zh[key]));
      expect(params(zh[key]), key).toContain(english.count);
    }
  });

  it('says English counts in the singular for one and the plural otherwise', () => {
    expect(translate('en', 'error.wrongPin', { left: 1 })).toBe('Wrong PIN; 1 try left');
    expect(translate('en', 'error.wrongPin', { left: 2 })).toBe('Wrong PIN; 2 tries left');
    expect(translate('en', 'today.count', { count: 1 })).toBe('1 appointment');
    expect(translate('en', 'today.count', { count: 2 })).toBe('2 appointments');
    expect(translate('en', 'today.count', { count: 0 })).toBe('0 appointments');
    expect(translate('en', 'validation.tooShort', { field: 'Name', min: 1 })).toBe('Name needs at least 1 character');
    expect(translate('en', 'customers.resultCount', { count: 1 })).toBe('1 customer found');
    // Chinese has one form for every number.
    expect(translate('zh-CN', 'today.count', { count: 1 })).toBe('共 1 个预约');
    expect(translate('zh-CN', 'error.wrongPin', { left: 1 })).toBe('PIN 码不正确，还可尝试 1 次');
  });

  // A guard for messages added later: a number followed by a plural noun ("{count} visits") must
  // be written with counted(…). Every parameter is filled with 1 and the text read for "1 …s".
  it('has no plain English message that would say "1 appointments"', () => {
    // Where a name or a time stands before a verb or a word that merely ends in s.
    const NOT_PLURAL_NOUNS = new Set(['as', 'is', 'has', 'was', 'does', 'its', 'arrives']);
    const plainPlurals = Object.entries(en).flatMap(([key, english]) => {
      if (typeof english !== 'string') return [];
      const filled = english.replace(/\{\w+\}/g, '1');
      const nouns = [...filled.matchAll(/\b1 (?:(?:more|new|open|other) )*([a-z]+s)\b/g)].map((match) => match[1]!);
      return nouns.some((word) => !NOT_PLURAL_NOUNS.has(word)) ? [`${key}: ${english}`] : [];
    });
    expect(plainPlurals).toEqual([]);
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
