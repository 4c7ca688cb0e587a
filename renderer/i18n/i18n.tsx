/**
 * The UI language: Simplified Chinese by default, English switchable (and `?lang=en` in the
 * browser). Kept in localStorage; `<html lang>` follows it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { translate, type Language, type MessageKey, type MessageParams } from '../../shared/i18n/messages';
import { LANGUAGE_KEY as STORAGE_KEY } from '../client/storage-keys';
import { languageAtLoad } from './initial-language';

export function initialLanguage(): Language {
  return languageAtLoad(window.location.search, localStorage.getItem(STORAGE_KEY));
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

interface I18nValue {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial: Language }) {
  const [language, setLanguageState] = useState<Language>(initial);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = translate(language, 'app.name');
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    // The language is now a choice: a stale ?lang= in the address must not override it on reload.
    const url = new URL(window.location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', next === 'en' ? 'en' : 'zh-CN');
      window.history.replaceState(null, '', url);
    }
    setLanguageState(next);
  }, []);
  const value = useMemo<I18nValue>(
    () => ({ language, setLanguage, t: (key, params) => translate(language, key, params) }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
