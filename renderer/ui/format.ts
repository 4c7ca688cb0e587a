import { clinicTimeOf } from '../../shared/domain/clinic-time';
import type { Language } from '../../shared/i18n/messages';

const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/**
 * 2026年11月23日星期一 / Monday, 23 November 2026: a clinic day for the header, as Intl's full
 * date style writes it in zh-CN and en-GB (a test checks every day of two years against Intl).
 * Written out rather than asked of Intl: making that formatter cost the board's first render
 * ~25 ms (ICU's locale data and pattern generator; docs/performance.md, 2026-12-04 night).
 */
export function formatClinicDate(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (language === 'en') return `${WEEKDAYS_EN[weekday]!}, ${String(day)} ${MONTHS_EN[month - 1]!} ${String(year)}`;
  return `${String(year)}年${String(month)}月${String(day)}日${WEEKDAYS_ZH[weekday]!}`;
}

/** The clinic's wall-clock time `HH:MM` of a stored instant. */
export function formatClinicTime(instant: string, timeZone: string): string {
  return clinicTimeOf(instant, timeZone);
}
