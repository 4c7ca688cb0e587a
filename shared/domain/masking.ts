/**
 * Masking a customer's name for anything that may be seen by others — the lobby display, a slip
 * left on a chair (DESIGN.md, privacy; PIPL Art. 25). A name written without spaces (Chinese,
 * Japanese, Korean) keeps its surname and, from three characters on, its last character:
 * 王*丽. A name written in words (Latin, Cyrillic, Arabic, Hebrew …) keeps each word's initial
 * followed by a `*`, as a Chinese desk reads a foreign customer's initials: "Alexandra Katherine
 * Montgomery-Smithson" → `A* K* M*-S*`. Either way the result has at least one `*`, is never the
 * name itself (from two characters on), never empty for a name that is not blank, and at most {@link MASKED_NAME_MAX_LENGTH}
 * UTF-16 units (what the display contract's `max()` counts): a long name loses its middle words,
 * then its stars, never its mask.
 */

/** Two-character surnames kept whole, so 欧阳娜娜 reads 欧阳*娜 rather than 欧**娜. */
export const COMPOUND_SURNAMES = ['欧阳', '司马', '尉迟', '上官', '诸葛', '东方', '皇甫', '慕容', '令狐', '公孙'] as const;

/** The longest masked name, in UTF-16 units: the lobby display's contract holds names to this. */
export const MASKED_NAME_MAX_LENGTH = 12;

/** Most stars a character-written name shows: the star count must not say how long a name is. */
const MAX_STARS = 3;

/** Scripts written without spaces between words: a space typed into such a name is dropped. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Invisible characters (zero-width, direction marks, controls): never shown, never counted. */
const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;
/** A character worth showing: a letter or digit with its combining marks, one or two UTF-16 units. */
const SHOWABLE = /^[\p{L}\p{N}][\p{M}]*$/u;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The name's visible characters (grapheme clusters: 👩‍👩‍👧 or é is one), invisible ones left out. */
function charactersOf(name: string): string[] {
  return [...segmenter.segment(name.replace(INVISIBLE, '').trim())].map((part) => part.segment);
}

/** A character as the mask may show it: itself if it is a short letter or digit, else a `*`. */
function shown(character: string | undefined): string {
  return character !== undefined && character.length <= 2 && SHOWABLE.test(character) ? character : '*';
}

/** The name's words (split on spaces), each split again on hyphens; empty parts dropped. */
function wordsOf(name: string): string[][] {
  return name
    .split(/\s+/u)
    .map((word) => word.split(/[-‐‑–—]/u).filter((part) => charactersOf(part).length > 0))
    .filter((parts) => parts.length > 0);
}

/** A word's initial: its first showable character, followed by `*` (`O'Brien` → `O*`). */
function initialOf(part: string): string {
  const first = charactersOf(part).find((character) => shown(character) !== '*');
  return first === undefined ? '*' : `${first}*`;
}

/** The first of `candidates` that fits the display's limit; the last one is always short. */
function firstThatFits(candidates: string[]): string {
  return candidates.find((candidate) => candidate.length <= MASKED_NAME_MAX_LENGTH) ?? '*';
}

/** A name in words, masked to initials: every word, then first and last, then the first only. */
function maskWords(words: string[][]): string {
  const full = (parts: string[]) => parts.map(initialOf).join('-');
  const first = words[0] ?? [];
  const last = words[words.length - 1] ?? [];
  return firstThatFits([
    words.map(full).join(' '),
    words.length > 2 ? `${full(first)} ${full(last)}` : '',
    `${initialOf(first[0] ?? '')} ${initialOf(last[0] ?? '')}`,
    initialOf(first[0] ?? ''),
  ].filter((candidate) => candidate !== ''));
}

/** How many leading characters are the surname: two for a compound surname of a longer name. */
function surnameLength(characters: string[]): number {
  const joined = characters.join('');
  return COMPOUND_SURNAMES.some((surname) => joined.startsWith(surname)) && characters.length > 2 ? 2 : 1;
}

/** The name is written in words (spaces between them, in a script that uses spaces). */
function isWordWritten(name: string): boolean {
  return !UNSPACED_SCRIPT.test(name) && wordsOf(name).length > 1;
}

/** A name that masks to itself (a name of stars) still must not be shown as written. */
function notTheName(masked: string, characters: string[]): string {
  return characters.length > 1 && masked === characters.join('') ? '*' : masked;
}

/**
 * The masked form of a name.
 *
 * @example maskName('王丽') // '王*'
 * @example maskName('王晓丽') // '王*丽'
 * @example maskName('欧阳娜娜') // '欧阳*娜'
 * @example maskName('Alexandra Katherine Montgomery-Smithson') // 'A* K* M*-S*'
 */
export function maskName(name: string): string {
  if (name.trim() === '') return '';
  const visible = name.replace(INVISIBLE, '');
  if (isWordWritten(visible)) return notTheName(maskWords(wordsOf(visible)), charactersOf(visible));
  const characters = charactersOf(visible).filter((character) => !/^\s+$/u.test(character));
  if (characters.length <= 1) return '*';
  const surname = surnameLength(characters);
  const kept = characters.slice(0, surname).map(shown).join('');
  const given = characters.slice(surname);
  if (given.length === 1) return notTheName(`${kept}*`, characters);
  const stars = '*'.repeat(Math.min(given.length - 1, MAX_STARS));
  return notTheName(firstThatFits([`${kept}${stars}${shown(given[given.length - 1])}`, `${kept}*`, '*']), characters);
}

/**
 * The surname only, every other character a `*`: less than {@link maskName} shows, for a clinic
 * whose lobby display should not even hint at the given name. A name in words shows its first
 * initial only (which word is the surname differs by custom).
 *
 * @example maskGivenName('王晓丽') // '王**'
 * @example maskGivenName('欧阳娜娜') // '欧阳**'
 * @example maskGivenName('Alexandra Montgomery') // 'A**'
 */
export function maskGivenName(name: string): string {
  if (name.trim() === '') return '';
  const visible = name.replace(INVISIBLE, '');
  if (isWordWritten(visible)) return `${initialOf(wordsOf(visible)[0]?.[0] ?? '')}*`;
  const characters = charactersOf(visible).filter((character) => !/^\s+$/u.test(character));
  if (characters.length <= 1) return '*';
  const surname = surnameLength(characters);
  const kept = characters.slice(0, surname).map(shown).join('');
  return notTheName(firstThatFits([`${kept}${'*'.repeat(Math.min(characters.length - surname, MAX_STARS))}`, '*']), characters);
}
