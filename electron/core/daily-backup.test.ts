import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { ConsoleCore } from './create-core';
import { DAILY_BACKUP_DELAY_MS, backupDelayOf, startDailyBackup } from './daily-backup';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A core whose only part used here is the backups' daily start, counted. */
function coreCountingBackups() {
  const calls = { count: 0 };
  const core = { backups: { startDailyIfDue: () => (calls.count++, Promise.resolve(null)) } } as unknown as ConsoleCore;
  return { core, calls };
}

it("starts the day's backup minutes after the console opens, not during its first loads", () => {
  const { core, calls } = coreCountingBackups();
  startDailyBackup(core, { log: () => {} });
  vi.advanceTimersByTime(DAILY_BACKUP_DELAY_MS - 1);
  expect(calls.count).toBe(0);
  vi.advanceTimersByTime(1);
  expect(calls.count).toBe(1);
});

it('a console closed before the delay makes no backup (the next start still owes the day its backup)', () => {
  const { core, calls } = coreCountingBackups();
  const stop = startDailyBackup(core, { log: () => {} });
  stop();
  vi.advanceTimersByTime(DAILY_BACKUP_DELAY_MS * 2);
  expect(calls.count).toBe(0);
});

it('FRONTDESK_BACKUP_DELAY_MS sets the delay; nonsense falls back to the default', () => {
  expect(backupDelayOf({ FRONTDESK_BACKUP_DELAY_MS: '0' })).toBe(0);
  expect(backupDelayOf({ FRONTDESK_BACKUP_DELAY_MS: '1500' })).toBe(1500);
  for (const raw of [undefined, '', 'soon', '-5']) expect(backupDelayOf({ FRONTDESK_BACKUP_DELAY_MS: raw })).toBe(DAILY_BACKUP_DELAY_MS);
});
