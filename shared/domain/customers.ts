/**
 * Customer vocabularies and the pure rules of finding one: the fixed tags reception sets on a
 * card, how a typed search is read (characters, pinyin or phone digits), and where a Chinese
 * name's surname ends.
 */

/**
 * The tags a card can carry (seed 000, "the customer's mind": staff see at a glance who is
 * anxious, first-time or returning, and who wants discretion). Labels are `customers.tag.<tag>`.
 */
export const CUSTOMER_TAGS = ['vip', 'first_visit', 'returning', 'anxious', 'discreet', 'price_sensitive', 'accompanied'] as const;
export type CustomerTag = (typeof CUSTOMER_TAGS)[number];

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

/**
 * Two-character surnames, so the given name can be searched on its own (`nana` finds 欧阳娜娜).
 * Only where the surname ends: its reading comes from the pinyin library.
 */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '端木', '独孤', '南宫', '西门', '申屠', '澹台',
]);

/** A name split into surname and given name (`欧阳娜娜` → `['欧阳', '娜娜']`, `王丽` → `['王', '丽']`). */
export function splitChineseName(name: string): { surname: string; given: string } {
  const chars = [...name.trim()];
  const surnameLength = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return { surname: chars.slice(0, surnameLength).join(''), given: chars.slice(surnameLength).join('') };
}

/** How a typed search is read: the search looks only where such text can match. */
export type SearchQuery =
  | { kind: 'digits'; text: string }
  | { kind: 'latin'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'empty' };

/**
 * Reads what reception typed: digits (spaces and dashes ignored) search phones, latin letters
 * (any case, spaces ignored: `Wang Li`) search pinyin and initials, anything else names and
 * address forms.
 */
export function parseSearchQuery(raw: string): SearchQuery {
  const trimmed = raw.trim();
  if (!trimmed) return { kind: 'empty' };
  const digits = trimmed.replace(/^\+86/, '').replace(/[\s\-()]/g, '');
  if (/^\d+$/.test(digits)) return { kind: 'digits', text: digits };
  const latin = trimmed.replace(/[\s'’]/g, '').toLowerCase();
  if (/^[a-zü:]+$/.test(latin)) return { kind: 'latin', text: latin.replace(/ü|u:|v/g, 'v') };
  return { kind: 'text', text: trimmed.replace(/\s+/g, '') };
}

/** The longest a form of address may be (the customer form's field; the greeting's headline). */
export const ADDRESS_FORM_MAX = 20;

/**
 * How the desk greets a customer: her own form of address (王姐, 李女士), or, when none is on file,
 * her name — cut with an ellipsis past ADDRESS_FORM_MAX characters, never the whole of a long
 * name (issue 13 part 6: a 300-character name became the greeting and the card's headline).
 *
 * @example addressFormOf({ addressForm: null, name: '王丽' }) // '王丽'
 */
export function addressFormOf(customer: { addressForm: string | null; name: string }): string {
  if (customer.addressForm) return customer.addressForm;
  const characters = [...customer.name];
  return characters.length <= ADDRESS_FORM_MAX ? customer.name : `${characters.slice(0, ADDRESS_FORM_MAX - 1).join('')}…`;
}
