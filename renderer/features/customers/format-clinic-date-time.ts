import { wallClock } from '../../../shared/domain/clinic-time';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * An instant as the clinic's own date and time, `2026-11-20 10:00`, whatever the PC's zone. One
 * reading of the clock per instant (a result list formats twenty of them on every keystroke).
 */
export function formatClinicDateTime(instant: string, timeZone: string): string {
  const clock = wallClock(new Date(instant), timeZone);
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)} ${pad(clock.hour)}:${pad(clock.minute)}`;
}
