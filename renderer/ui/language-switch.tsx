import { Segmented } from 'antd';
import type { Language } from '../../shared/i18n/messages';
import { useI18n } from '../i18n/i18n';

/** 中文 / EN, everywhere the same. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <Segmented
      aria-label={t('app.language')}
      value={language}
      onChange={(value) => setLanguage(value as Language)}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
