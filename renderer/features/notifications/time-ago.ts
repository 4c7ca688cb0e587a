/** "3 分钟前" / "3 minutes ago": how long ago a notification was raised, in the UI's language. */
import type { Language } from '../../../shared/i18n/messages';

const STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', Number.POSITIVE_INFINITY],
];

/**
 * @example formatTimeAgo('2026-11-23T01:00:00Z', new Date('2026-11-23T01:05:30Z'), 'en') // "5 minutes ago"
 */
export function formatTimeAgo(instant: string, now: Date, language: Language): string {
  const format = new Intl.RelativeTimeFormat(language === 'en' ? 'en' : 'zh-CN', { numeric: 'auto' });
  // A clock a little ahead of the server's says "now", never "in 1 minute".
  let amount = Math.max(0, Math.floor((now.getTime() - new Date(instant).getTime()) / 60_000));
  if (amount === 0) return format.format(0, 'second');
  for (const [unit, size] of STEPS) {
    if (amount < size) return format.format(-amount, unit);
    amount = Math.floor(amount / size);
  }
  return format.format(-amount, 'week');
}
