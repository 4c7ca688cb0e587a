/**
 * Realistic Chinese names for the bench clinic: surnames weighted by their share of the
 * population (2020 census order, per ten thousand, rounded), so pinyin search meets the
 * collisions it meets in a real clinic (王丽, 李静, `wl`), including the polyphonic surnames
 * (曾 zeng, 单 shan, 解 xie, 仇 qiu, 区 ou, 查 zha, 覃 qin, 缪 miao) and a few compound ones.
 */
import { mulberry32 } from '../electron/demo/seed-demo';

export const SURNAME_WEIGHTS: readonly (readonly [string, number])[] = [
  ['王', 715], ['李', 700], ['张', 668], ['刘', 538], ['陈', 453], ['杨', 308], ['黄', 245], ['赵', 229], ['吴', 200], ['周', 195],
  ['徐', 162], ['孙', 154], ['马', 148], ['朱', 139], ['胡', 133], ['郭', 125], ['何', 119], ['林', 115], ['罗', 112], ['高', 111],
  ['郑', 100], ['梁', 95], ['谢', 88], ['宋', 80], ['唐', 79], ['许', 75], ['韩', 73], ['冯', 72], ['邓', 71], ['曹', 70],
  ['彭', 67], ['曾', 65], ['肖', 64], ['田', 60], ['董', 59], ['袁', 57], ['潘', 55], ['于', 54], ['蒋', 53], ['蔡', 52],
  ['余', 51], ['杜', 50], ['叶', 49], ['程', 48], ['苏', 46], ['魏', 45], ['吕', 44], ['丁', 43], ['任', 42], ['沈', 40],
  ['姚', 39], ['卢', 38], ['姜', 37], ['崔', 36], ['钟', 35], ['谭', 34], ['陆', 33], ['汪', 32], ['范', 31], ['金', 30],
  ['石', 29], ['廖', 28], ['贾', 27], ['夏', 26], ['韦', 25], ['付', 24], ['方', 23], ['白', 22], ['邹', 21], ['孟', 20],
  ['熊', 19], ['秦', 18], ['邱', 17], ['江', 16], ['尹', 15], ['薛', 14], ['闫', 13], ['段', 12], ['雷', 11], ['侯', 10],
  ['龙', 10], ['史', 10], ['陶', 9], ['黎', 9], ['贺', 9], ['顾', 8], ['毛', 8], ['郝', 8], ['龚', 7], ['邵', 7],
  ['万', 7], ['钱', 7], ['严', 6], ['武', 6], ['戴', 6], ['覃', 5], ['莫', 5], ['孔', 5], ['向', 4], ['汤', 4],
  ['单', 2], ['解', 1], ['仇', 1], ['区', 1], ['查', 1], ['缪', 1], ['欧阳', 1], ['朴', 1], ['司马', 1], ['上官', 1],
];

/** Given-name characters: a cosmetic clinic's customers are mostly women. */
const FEMALE_CHARS = [...'丽静敏燕艳娟霞芳娜婷雪琳玲颖倩洁欣怡晶慧璐悦蕾佳瑶萍红梅莉兰凤秀英桂华玉月晓雅思雨梦诗涵萱琪妍嘉淑惠琴茜蓉珊菲薇婧'];
const MALE_CHARS = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳振东博文'];
/** Whole given names that recur in every clinic's files. */
const FEMALE_NAMES = ['秀英', '桂英', '丽娟', '晓燕', '雅婷', '欣怡', '子涵', '梓涵', '诗涵', '雨萱', '佳怡', '思雨', '婉婷', '海燕', '春梅', '晓丽', '丽华', '玉兰', '美玲', '静怡'];
const MALE_NAMES = ['建华', '志强', '建国', '俊杰', '浩然', '子轩', '宇航', '明轩'];

/** Mainland mobile prefixes, weighted by how often they turn up. */
const MOBILE_PREFIXES = ['138', '139', '137', '136', '135', '150', '151', '152', '158', '159', '186', '187', '188', '189', '180', '181', '177', '176', '199', '198', '133', '130', '131', '132', '155', '156', '185', '173', '166', '191'];

/** The demo's mulberry32 from a numeric seed: fast, deterministic, good enough for test data. */
export const prng = mulberry32;

export const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** A picker over weighted entries (cumulative table, binary search). */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (random: () => number) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) cumulative.push((total += weight));
  return (random) => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) <= target) low = middle + 1;
      else high = middle;
    }
    return entries[low]![0];
  };
}

const surnameOf = weighted(SURNAME_WEIGHTS);

export interface GeneratedPerson {
  name: string;
  surname: string;
  female: boolean;
}

/** A name: surname by frequency, a one- or two-character given name (a quarter are one). */
export function personName(random: () => number): GeneratedPerson {
  const female = random() < 0.85;
  const surname = surnameOf(random);
  const roll = random();
  let given: string;
  if (roll < 0.25) given = pick(random, female ? FEMALE_CHARS : MALE_CHARS);
  else if (roll < 0.45) given = pick(random, female ? FEMALE_NAMES : MALE_NAMES);
  else given = pick(random, female ? FEMALE_CHARS : MALE_CHARS) + pick(random, female ? FEMALE_CHARS : MALE_CHARS);
  return { name: surname + given, surname, female };
}

/** A mainland mobile number, 11 digits. */
export function mobilePhone(random: () => number): string {
  return pick(random, MOBILE_PREFIXES) + String(Math.floor(random() * 1e8)).padStart(8, '0');
}
