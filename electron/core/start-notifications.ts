/**
 * Starts the notification scheduler (issue 5, item 6) beside a core: `npm run serve` and the
 * desktop main process both call this after creating the core, and `stop()` before closing it.
 */
import { NOTIFICATION_RULES } from '../services/notification-rules/index';
import { createClosingReportJob } from '../services/report/closing-report-job';
import { createWardTasksJob } from '../services/stay/ward-tasks-job';
import { createScheduler, type Scheduler } from '../services/scheduler';
import type { ConsoleCore } from './create-core';

/** The issue asks for a tick at least every 30 s. */
export const DEFAULT_TICK_MS = 30_000;

/**
 * The tick interval: 30 s, or `FRONTDESK_SCHEDULER_INTERVAL_MS` (200 ms – 30 s) where a test wants a
 * notification within a second instead of waiting half a minute. Anything else is ignored.
 */
export function tickIntervalFrom(env: Record<string, string | undefined>): number {
  const raw = env.FRONTDESK_SCHEDULER_INTERVAL_MS;
  if (raw === undefined || !/^\d+$/.test(raw)) return DEFAULT_TICK_MS;
  const value = Number(raw);
  return value >= 200 && value <= DEFAULT_TICK_MS ? value : DEFAULT_TICK_MS;
}

export interface RunningNotifications {
  scheduler: Scheduler;
  /** Stops ticking; call before the core closes. */
  stop(): void;
}

/**
 * Creates the scheduler over the core's database, clock and events with every rule, and starts it
 * (a first tick at once, then every interval).
 *
 * @example
 * const notifications = startNotifications(core);
 * // on shutdown: notifications.stop(); await core.close();
 */
export function startNotifications(core: ConsoleCore, options: { intervalMs?: number } = {}): RunningNotifications {
  const scheduler = createScheduler({
    db: core.database.db,
    clock: core.clock,
    events: core.events,
    rules: NOTIFICATION_RULES,
    jobs: [createClosingReportJob(), createWardTasksJob()],
    intervalMs: options.intervalMs ?? tickIntervalFrom(process.env),
  });
  scheduler.start();
  return { scheduler, stop: () => scheduler.stop() };
}
