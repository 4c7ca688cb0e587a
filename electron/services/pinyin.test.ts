import { describe, expect, it } from 'vitest';
import { latinFullName, latinName, nameSearchKeys } from './pinyin';

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

describe('latin names for the English slip (issue 13 part 11)', () => {
  it('splits surname and given name in pinyin, compound and polyphonic surnames too', () => {
    expect(latinName('温晓丽')).toEqual({ surname: 'Wen', given: 'Xiaoli' });
    expect(latinName('欧阳娜娜')).toEqual({ surname: 'Ouyang', given: 'Nana' });
    expect(latinName('单可')).toEqual({ surname: 'Shan', given: 'Ke' });
    expect(latinName('吕丽')).toEqual({ surname: 'Lü', given: 'Li' });
    expect(latinName('Anna')).toBeNull();
    expect(latinFullName('李慧')).toBe('Li Hui');
    expect(latinFullName('Anna Smith')).toBe('Anna Smith');
  });
});
