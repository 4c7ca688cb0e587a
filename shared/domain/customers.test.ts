import { describe, expect, it } from 'vitest';
import { addressFormOf, parseSearchQuery, splitChineseName } from './customers';

describe('parseSearchQuery', () => {
  it('reads digits as a phone, ignoring spaces, dashes and +86', () => {
    expect(parseSearchQuery(' 138-0013 ')).toEqual({ kind: 'digits', text: '1380013' });
    expect(parseSearchQuery('+86 1380')).toEqual({ kind: 'digits', text: '1380' });
  });
  it('reads latin letters as pinyin in any case, spaces ignored', () => {
    expect(parseSearchQuery('Wang Li')).toEqual({ kind: 'latin', text: 'wangli' });
    expect(parseSearchQuery('WL')).toEqual({ kind: 'latin', text: 'wl' });
    expect(parseSearchQuery('lü')).toEqual({ kind: 'latin', text: 'lv' });
  });
  it('reads anything else as characters, and blank as nothing', () => {
    expect(parseSearchQuery('王 丽')).toEqual({ kind: 'text', text: '王丽' });
    expect(parseSearchQuery('   ')).toEqual({ kind: 'empty' });
  });
});

describe('splitChineseName', () => {
  it('knows where a surname ends', () => {
    expect(splitChineseName('王丽')).toEqual({ surname: '王', given: '丽' });
    expect(splitChineseName('司马光')).toEqual({ surname: '司马', given: '光' });
    expect(splitChineseName('欧阳')).toEqual({ surname: '欧', given: '阳' });
  });
});

describe('addressFormOf', () => {
  it('greets by the form of address, else the name, never the whole of a long one', () => {
    expect(addressFormOf({ addressForm: '王姐', name: '王丽' })).toBe('王姐');
    expect(addressFormOf({ addressForm: null, name: '王丽' })).toBe('王丽');
    const long = '王'.repeat(300);
    expect(addressFormOf({ addressForm: null, name: long })).toBe(`${'王'.repeat(19)}…`);
    expect([...addressFormOf({ addressForm: null, name: '😀'.repeat(30) })]).toHaveLength(20);
  });
});
