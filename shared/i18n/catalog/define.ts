/**
 * One domain's messages: the Chinese source and its English, which must have exactly the same keys
 * (the compiler checks it). Parameters are written `{name}`.
 */
export function defineMessages<const Chinese extends Record<string, string>>(
  zh: Chinese,
  en: { [Key in keyof Chinese]: string },
): { zh: Chinese; en: { [Key in keyof Chinese]: string } } {
  return { zh, en };
}
