import { describe, expect, it } from 'vitest';
import { nameSearchKeys } from './pinyin';

describe('nameSearchKeys', () => {
  it.each([
    ['曾凡', 'zengfan', 'zf'],
    ['单可', 'shanke', 'sk'],
    ['解晓东', 'xiexiaodong', 'xxd'],
    ['仇雅', 'qiuya', 'qy'],
    ['区伟', 'ouwei', 'ow'],
    ['查理', 'zhali', 'zl'],
    ['覃小红', 'qinxiaohong', 'qxh'],
  ])('reads the polyphonic surname of %s as a surname: %s / %s', (name, pinyin, initials) => {
    expect(nameSearchKeys(name)).toMatchObject({ pinyin, initials });
  });

  it('splits the given name, compound surnames included, and writes ü as v', () => {
    expect(nameSearchKeys('王丽')).toEqual({ pinyin: 'wangli', initials: 'wl', givenName: '丽', givenPinyin: 'li' });
    expect(nameSearchKeys('欧阳娜娜')).toEqual({ pinyin: 'ouyangnana', initials: 'oynn', givenName: '娜娜', givenPinyin: 'nana' });
    expect(nameSearchKeys('吕敏').pinyin).toBe('lvmin');
  });

  it('keeps latin names searchable', () => {
    expect(nameSearchKeys('Anna').pinyin).toBe('anna');
  });
});
