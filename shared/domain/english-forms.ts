/**
 * What an English slip says where the Chinese one uses Chinese forms (issue 13 part 11): the
 * customer greeted by an English form of address ("Dear Ms Wen", not "Dear 温女士"), a doctor's
 * name in pinyin, and what to bring in English. Pure: the pinyin is read on the server (pinyin-pro
 * needs Node) and handed in with the slip's data.
 */
import type { SlipPrivacy } from './settings';

/** A Chinese name read in pinyin, capitalised as a passport writes it: `{ surname: 'Ouyang', given: 'Nana' }`. */
export interface LatinName {
  surname: string;
  given: string;
}

/** Chinese forms of address and the English title each implies (seed 000: 称呼 such as 王姐, 李女士, 张先生). */
const FEMALE_FORMS = ['女士', '小姐', '姐', '太太', '阿姨', '夫人', '妹'];
const MALE_FORMS = ['先生', '哥', '叔', '老师傅', '大爷'];

/**
 * The English title a customer is greeted with: from the ending of her form of address (温女士 →
 * Ms), else from the gender on file, else none.
 *
 * @example englishTitle('温女士', null) // 'Ms'
 */
export function englishTitle(addressForm: string | null, gender: string | null | undefined): 'Ms' | 'Mr' | null {
  const form = addressForm?.trim() ?? '';
  if (FEMALE_FORMS.some((ending) => form.endsWith(ending))) return 'Ms';
  if (MALE_FORMS.some((ending) => form.endsWith(ending))) return 'Mr';
  if (gender === 'female') return 'Ms';
  if (gender === 'male') return 'Mr';
  return null;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * How an English slip names the customer, as the privacy setting allows: the full name in pinyin,
 * or a title and the surname ("Ms Wen": no more than the masked name 温*丽 tells). A form of
 * address already written in latin letters ("Anna") is used as it is. Empty when nothing
 * English can be said: the slip then greets "Dear guest".
 *
 * @example englishSlipName({ name: '温晓丽', addressForm: '温女士', latin: { surname: 'Wen', given: 'Xiaoli' } }, 'addressForm') // 'Ms Wen'
 */
export function englishSlipName(
  customer: { name: string; addressForm: string | null; gender?: string | null; latin?: LatinName | null },
  privacy: SlipPrivacy,
): string {
  const form = customer.addressForm?.trim() ?? '';
  if (privacy === 'addressForm' && form && !HAN.test(form)) return form;
  const latin = customer.latin ?? null;
  if (!latin) return HAN.test(customer.name) || privacy !== 'fullName' ? '' : customer.name;
  if (privacy === 'fullName') return `${latin.surname} ${latin.given}`.trim();
  const title = englishTitle(customer.addressForm, customer.gender);
  return title ? `${title} ${latin.surname}` : '';
}

/** The things the desk asks customers to bring (seed 000 step 3: 所需携带的资料), in English. */
const BRING_EN: Record<string, string> = {
  身份证: 'ID card',
  '近期照片（如有）': 'recent photos (if any)',
  近期照片: 'recent photos',
  上次的病历本: 'your medical record book from last time',
  病历本: 'your medical record book',
  '空腹 8 小时': 'no food or drink for 8 hours before',
  术前检查报告: 'pre-op test results',
  宽松衣物: 'loose, comfortable clothes',
  出院小结: 'your discharge summary',
  医保卡: 'medical insurance card',
  银行卡: 'bank card',
};

/**
 * What to bring, in English: each item the desk's usual list names is translated; anything the
 * desk typed in its own words is kept as typed (it cannot be translated here, and must not be lost).
 *
 * @example bringInEnglish('身份证；近期照片（如有）') // 'ID card; recent photos (if any)'
 */
export function bringInEnglish(bring: string): string {
  return bring
    .split(/[；;、，,]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .map((item) => BRING_EN[item] ?? BRING_EN[item.replace(/\s+/g, ' ')] ?? item)
    .join('; ');
}
