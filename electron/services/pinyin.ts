import { pinyin } from 'pinyin-pro';

/**
 * A person's name in toneless pinyin without spaces (`王丽` → `wangli`), reading the first
 * character as a surname so polyphonic surnames come out right (曾 zeng, 单 shan, 解 xie).
 */
export function namePinyin(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/\s+/g, '');
}
