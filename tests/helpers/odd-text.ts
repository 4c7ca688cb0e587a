/**
 * Text of every shape a clinic's staff can type into a field the contract accepts (issue 19): any
 * script (Han, Latin words with spaces, hyphens and apostrophes, Cyrillic, Arabic and Hebrew
 * right-to-left, kana, Hangul), emoji with joiners, zero-width and direction marks, `*`, markup,
 * one character, and the longest the field takes. The lengths come from the field's own zod schema,
 * never from a copy of its limit.
 */
import fc from 'fast-check';
import type { z } from 'zod';

/** The odd pieces text is made of, besides any grapheme fast-check makes up. */
export const ODD_PIECES = [
  '王', '欧阳', '晓丽', '爱新觉罗', '𠮷', 'Alexandra', ' ', 'Katherine', 'Montgomery-Smithson', "O'Brien", 'Анна Каренина',
  'محمد بن سلمان', 'דוד כהן', 'やまだ', 'ヤマダ', '김민수', '👩‍👩‍👧‍👦', '🌸', '\u200b', '\u200d', '\u200e', '\u202e', '\u2066',
  '\ufeff', '*', '**', '-', "'", 'e\u0301', '\t', '\n', '<b>x</b>', '&amp;', '"', '\\', '%s', '${x}', '؟', '。',
] as const;

type Def = { type: string; innerType?: z.ZodType };

/** The field's string schema under optional / nullable / default wrappers. */
function stringSchemaOf(field: z.ZodType): z.ZodString {
  let current = field;
  for (let def = current._zod.def as unknown as Def; def.innerType; def = current._zod.def as unknown as Def) current = def.innerType;
  return current as z.ZodString;
}

/** The field's shortest and longest length as its schema says (UTF-16 units, as zod counts). */
export function lengthsOf(field: z.ZodType): { min: number; max: number } {
  const text = stringSchemaOf(field);
  return { min: text.minLength ?? 0, max: text.maxLength ?? 500 };
}

/** `text` cut to at most `max` units without splitting a character, and at least `min` after trimming. */
function fit(text: string, min: number, max: number): string {
  let cut = '';
  for (const point of text) {
    if (cut.length + point.length > max) break;
    cut += point;
  }
  return cut.trim().length >= min ? cut : `${'丽'.repeat(min)}${cut}`.slice(0, max);
}

/**
 * Any text `field` accepts: odd pieces strung together, or one piece repeated to the field's
 * longest length. Only values the field itself accepts are made.
 *
 * @example fc.sample(oddText(customerFieldsSchema.shape.name), 3)
 */
export function oddText(field: z.ZodType): fc.Arbitrary<string> {
  const { min, max } = lengthsOf(field);
  const piece = fc.oneof(fc.constantFrom(...ODD_PIECES), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }));
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.array(piece, { minLength: 1, maxLength: 10 }).map((pieces) => pieces.join('')) },
      { weight: 1, arbitrary: piece.map((one) => one.repeat(Math.ceil(max / one.length) + 1)) },
      { weight: 1, arbitrary: fc.constantFrom(...ODD_PIECES).filter((one) => one.trim().length > 0) },
    )
    .map((text) => fit(text, min, max))
    .filter((text) => field.safeParse(text).success);
}
