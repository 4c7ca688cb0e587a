/** The page's language at load: `?lang=` first, then the choice kept at this browser, else Chinese. */
import { LANGUAGES, pickLanguage, type Language } from '../../shared/i18n/language';

export function languageAtLoad(search: string, stored: string | null): Language {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (fromUrl) return pickLanguage(fromUrl);
  return stored && (LANGUAGES as readonly string[]).includes(stored) ? (stored as Language) : 'zh-CN';
}
