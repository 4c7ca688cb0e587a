import type { Language } from '../i18n/messages';

/**
 * A doctor's specialty in the console's language (issue 13 part 11): the English one when the
 * manager gave it, else the Chinese one the roster matches doctors by.
 *
 * @example specialtyLabel({ specialty: '眼部整形', specialtyEn: 'Eyelid & eye surgery' }, 'en') // 'Eyelid & eye surgery'
 */
export function specialtyLabel(doctor: { specialty: string | null; specialtyEn?: string | null }, language: Language): string {
  if (language === 'en' && doctor.specialtyEn) return doctor.specialtyEn;
  return doctor.specialty ?? '';
}
