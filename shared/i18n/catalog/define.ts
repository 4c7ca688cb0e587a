/**
 * One domain's messages: the Chinese source and its English, which must have exactly the same keys
 * (the compiler checks it). Parameters are written `{name}`. An English message that counts
 * something is `counted(…)`: Chinese says 1 个 and 2 个 alike, English says 1 try and 2 tries.
 */
export function defineMessages<const Chinese extends Record<string, string>>(
  zh: Chinese,
  en: { [Key in keyof Chinese]: string | CountedMessage },
): { zh: Chinese; en: { [Key in keyof Chinese]: string | CountedMessage } } {
  return { zh, en };
}

/**
 * An English message in its plural forms, picked by `Intl.PluralRules('en')` from the number in
 * the parameter `count` names: `one` for 1, `other` for 0, 2, 1.5 ….
 */
export interface CountedMessage {
  readonly count: string;
  readonly one: string;
  readonly other: string;
}

/**
 * A message that counts by the parameter `count`.
 *
 * @example counted('left', { one: 'Wrong PIN; {left} try left', other: 'Wrong PIN; {left} tries left' })
 */
export function counted(count: string, forms: { one: string; other: string }): CountedMessage {
  return { count, ...forms };
}
