import { clinicTimeOf } from '../../shared/domain/clinic-time';
import type { Language } from '../../shared/i18n/messages';

/** 2026年11月23日 星期一 / Monday, 23 November 2026: a clinic day for the header. */
export function formatClinicDate(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // Noon UTC keeps the calendar day whatever the zone the formatter uses.
  const instant = new Date(Date.UTC(year, month - 1, day, 12));
  return dayFormatter(language).format(instant);
}

// Made once per language: a formatter costs far more to make than to use, and the shell's header
// formats the day on every render of the shell.
const dayFormatters = new Map<Language, Intl.DateTimeFormat>();
function dayFormatter(language: Language): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'full', timeZone: 'UTC' });
    dayFormatters.set(language, formatter);
  }
  return formatter;
}

/** The clinic's wall-clock time `HH:MM` of a stored instant. */
export function formatClinicTime(instant: string, timeZone: string): string {
  return clinicTimeOf(instant, timeZone);
}
