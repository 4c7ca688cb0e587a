/**
 * The console's languages and how a tag picks one, without the message catalogues: the early
 * requests (renderer/client/early-calls.ts) send the page's language before the catalogues load.
 */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/**
 * Picks a supported language from a tag such as an `Accept-Language` header or `?lang=`.
 * Anything English-first gives `en`; everything else the Chinese default.
 */
export function pickLanguage(tag: string | null | undefined): Language {
  if (!tag) return DEFAULT_LANGUAGE;
  const first = tag.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : DEFAULT_LANGUAGE;
}
