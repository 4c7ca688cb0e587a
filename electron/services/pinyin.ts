import { pinyin } from 'pinyin-pro';
import { splitChineseName } from '../../shared/domain/customers';

/**
 * A person's name in toneless pinyin without spaces (`王丽` → `wangli`), reading the first
 * character as a surname so polyphonic surnames come out right (曾 zeng, 单 shan, 解 xie).
 */
export function namePinyin(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive', v: true })
    .join('')
    .toLowerCase()
    .replace(/\s+/g, '');
}

/** The keys a name is searched by: every column is lower-case latin (ü written v, as typed). */
export interface NameSearchKeys {
  /** `wangli` */
  pinyin: string;
  /** `wl` */
  initials: string;
  /** The name after the surname: `丽` (`娜娜` for 欧阳娜娜). */
  givenName: string;
  /** `li` */
  givenPinyin: string;
}

const keep = (syllable: string) => syllable.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The search keys of a person's name. Surname mode reads the surname as a surname (曾 zeng, 单
 * shan, 解 xie, 仇 qiu, 区 ou, 查 zha, 覃 qin) — for names only: it would read 单位 as "shan wei".
 * The given name's pinyin is cut from the whole name's reading, so its characters keep the
 * reading they have in context.
 */
export function nameSearchKeys(name: string): NameSearchKeys {
  const trimmed = name.trim();
  // One syllable per character (non-Chinese characters come back one by one too).
  const syllables = pinyin(trimmed, { toneType: 'none', type: 'array', surname: 'head', v: true });
  const chars = [...trimmed];
  const aligned = syllables.length === chars.length;
  const { surname, given } = splitChineseName(trimmed);
  const surnameLength = [...surname].length;
  const initials = chars.map((char, index) => (/[\u3400-\u9fff]/.test(char) ? keep(syllables[index] ?? '').slice(0, 1) : keep(char))).join('');
  return {
    pinyin: syllables.map(keep).join(''),
    initials: aligned ? initials : keep(pinyin(trimmed, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('')),
    givenName: given,
    givenPinyin: aligned ? syllables.slice(surnameLength).map(keep).join('') : keep(pinyin(given, { toneType: 'none', type: 'array', v: true }).join('')),
  };
}

const capitalised = (syllables: string) => (syllables ? syllables[0]!.toUpperCase() + syllables.slice(1) : '');

/**
 * A Chinese name in pinyin as a passport writes it, surname and given name apart (欧阳娜娜 →
 * Ouyang / Nana, 吕丽 → Lü / Li), for the English slip's greeting (issue 13 part 11). Null for a
 * name with no Chinese in it.
 */
export function latinName(name: string): { surname: string; given: string } | null {
  if (!/[\u3400-\u9fff]/.test(name)) return null;
  const keys = nameSearchKeys(name);
  const surname = keys.pinyin.slice(0, keys.pinyin.length - keys.givenPinyin.length);
  const latin = (syllables: string) => capitalised(syllables.replace(/v/g, 'ü'));
  return { surname: latin(surname), given: latin(keys.givenPinyin) };
}

/** `李慧` → `Li Hui`; a name with no Chinese in it as it is. */
export function latinFullName(name: string): string {
  const latin = latinName(name);
  return latin ? `${latin.surname} ${latin.given}`.trim() : name;
}
