/**
 * Masking a customer's name for anything that may be seen by others — the lobby display, a slip
 * left on a chair (DESIGN.md, privacy; PIPL Art. 25): the surname and, from three characters on,
 * the last character stay, everything between becomes `*`.
 */

/** Two-character surnames kept whole, so 欧阳娜娜 reads 欧阳*娜 rather than 欧**娜. */
export const COMPOUND_SURNAMES = ['欧阳', '司马', '尉迟', '上官', '诸葛', '东方', '皇甫', '慕容', '令狐', '公孙'] as const;

/**
 * The masked form of a name.
 *
 * @example maskName('王丽') // '王*'
 * @example maskName('王晓丽') // '王*丽'
 * @example maskName('欧阳娜娜') // '欧阳*娜'
 */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length === 0) return '';
  if (characters.length === 1) return '*';
  const joined = characters.join('');
  const surnameLength = COMPOUND_SURNAMES.some((surname) => joined.startsWith(surname)) && characters.length > 2 ? 2 : 1;
  const given = characters.slice(surnameLength);
  if (given.length === 1) return `${characters.slice(0, surnameLength).join('')}*`;
  return `${characters.slice(0, surnameLength).join('')}${'*'.repeat(given.length - 1)}${given[given.length - 1]}`;
}

/**
 * The surname only, every other character a `*`: less than {@link maskName} shows, for a clinic
 * whose lobby display should not even hint at the given name.
 *
 * @example maskGivenName('王晓丽') // '王**'
 * @example maskGivenName('欧阳娜娜') // '欧阳**'
 */
export function maskGivenName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length === 0) return '';
  if (characters.length === 1) return '*';
  const joined = characters.join('');
  const surnameLength = COMPOUND_SURNAMES.some((surname) => joined.startsWith(surname)) && characters.length > 2 ? 2 : 1;
  return `${characters.slice(0, surnameLength).join('')}${'*'.repeat(characters.length - surnameLength)}`;
}
