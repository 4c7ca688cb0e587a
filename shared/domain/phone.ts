/**
 * Chinese phone numbers as reception types them: a mainland mobile (11 digits, 1[3-9]…) or a
 * landline with its area code (0 + 2–3 digit area code + 7–8 digit number), with or without
 * spaces, dashes, parentheses and a +86 / 86 / 0086 country prefix. Stored normalised as digits
 * only (`13800138000`, `01012345678`) so one number is one customer whatever way it was typed.
 */

/** A normalised mainland mobile: 11 digits beginning 13–19. */
const MOBILE = /^1[3-9]\d{9}$/;
/**
 * A normalised landline: area codes are 010 and 020–029 (two digits after the 0) or three digits
 * beginning 3–9 (0755, 0571 …), then the local number of 7 or 8 digits.
 */
const LANDLINE = /^0(?:(?:10|2\d)\d{7,8}|[3-9]\d{2}\d{7,8})$/;
/** What may be typed around the digits. */
const SEPARATORS = /[\s\-()（）.]/g;

export type PhoneKind = 'mobile' | 'landline';

/** The kind of a normalised number, or null when it is neither. */
export function phoneKind(digits: string): PhoneKind | null {
  if (MOBILE.test(digits)) return 'mobile';
  if (LANDLINE.test(digits)) return 'landline';
  return null;
}

/**
 * The number as digits only (`+86 138-0013-8000` → `13800138000`, `(0755) 1234 5678` →
 * `075512345678`), or null when it is not a mainland mobile or a landline with area code.
 */
export function normalizePhone(input: string): string | null {
  const compact = input.trim().replace(SEPARATORS, '');
  const plus = compact.startsWith('+');
  const digits = plus ? compact.slice(1) : compact;
  if (!/^\d+$/.test(digits)) return null;
  if (!plus && phoneKind(digits)) return digits;

  // A country prefix: +86, 0086, or a bare 86 before a full national number.
  const national = plus ? (digits.startsWith('86') ? digits.slice(2) : null) : digits.startsWith('0086') ? digits.slice(4) : digits.startsWith('86') ? digits.slice(2) : null;
  if (national === null) return null;
  if (phoneKind(national)) return national;
  // Dialled from abroad a landline drops its trunk 0 (+86 10 1234 5678).
  const withTrunk = `0${national}`;
  return !national.startsWith('0') && phoneKind(withTrunk) === 'landline' ? withTrunk : null;
}

/** True when `input` is a phone number this clinic accepts. */
export function isValidPhone(input: string): boolean {
  return normalizePhone(input) !== null;
}

/** The area code of a normalised landline (`075512345678` → `0755`). */
function areaCode(digits: string): string {
  return /^0(10|2\d)/.test(digits) ? digits.slice(0, 3) : digits.slice(0, 4);
}

/**
 * The number for lists and anything a passer-by may see: a mobile keeps its first 3 and last 4
 * digits (`138****8000`), a landline its area code and last 4 (`0755-****5678`). Full numbers are
 * shown only on the customer's own page (DESIGN.md, privacy: confidentiality first).
 */
export function maskPhone(digits: string): string {
  if (phoneKind(digits) === 'landline') {
    const area = areaCode(digits);
    return `${area}-${'*'.repeat(digits.length - area.length - 4)}${digits.slice(-4)}`;
  }
  if (digits.length <= 4) return '*'.repeat(digits.length);
  if (digits.length < 8) return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** A normalised number grouped for reading aloud: `138 0013 8000`, `0755-12345678`. */
export function formatPhone(digits: string): string {
  const kind = phoneKind(digits);
  if (kind === 'mobile') return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  if (kind === 'landline') {
    const area = areaCode(digits);
    return `${area}-${digits.slice(area.length)}`;
  }
  return digits;
}
