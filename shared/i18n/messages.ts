import type { CountedMessage } from './catalog/define';
import { en } from './en';
import { zh, type MessageKey } from './zh';

export type { MessageKey } from './zh';

import { type Language } from './language';

export { DEFAULT_LANGUAGE, LANGUAGES, pickLanguage, type Language } from './language';

const catalogues: Record<Language, Record<MessageKey, string | CountedMessage>> = { 'zh-CN': zh, en };

/** Each language's plural rules, made once: `one` / `other` in English, a single form in Chinese. */
const pluralRules: Record<Language, Intl.PluralRules> = { 'zh-CN': new Intl.PluralRules('zh-CN'), en: new Intl.PluralRules('en') };

export type MessageParams = Record<string, string | number>;

/** True when `key` names a message of the catalogue (used for custom zod messages). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zh, key);
}

/** The text of `message` for its count: the plural form the language's rules pick for the number. */
function formOf(language: Language, message: string | CountedMessage, params: MessageParams): string {
  if (typeof message === 'string') return message;
  const count = Number(params[message.count]);
  return pluralRules[language].select(Number.isFinite(count) ? count : 0) === 'one' ? message.one : message.other;
}

/**
 * The message `key` in `language`, with `{name}` parameters filled in; a message that counts
 * takes the plural form of its number.
 *
 * @example translate('en', 'error.wrongPin', { left: 3 }) // "Wrong PIN; 3 tries left"
 * @example translate('en', 'error.wrongPin', { left: 1 }) // "Wrong PIN; 1 try left"
 */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = formOf(language, catalogues[language][key], params);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

