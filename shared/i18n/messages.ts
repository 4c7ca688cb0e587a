import { en } from './en';
import { zh, type MessageKey } from './zh';

export type { MessageKey } from './zh';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

const catalogues: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zh, en };

export type MessageParams = Record<string, string | number>;

/** True when `key` names a message of the catalogue (used for custom zod messages). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zh, key);
}

/**
 * The message `key` in `language`, with `{name}` parameters filled in.
 *
 * @example translate('en', 'error.wrongPin', { left: 3 }) // "Wrong PIN; 3 tries left"
 */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * Picks a supported language from a tag such as an `Accept-Language` header or `?lang=`.
 * Anything English-first gives `en`; everything else the Chinese default.
 */
export function pickLanguage(tag: string | null | undefined): Language {
  if (!tag) return DEFAULT_LANGUAGE;
  const first = tag.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : DEFAULT_LANGUAGE;
}
