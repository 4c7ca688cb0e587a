/**
 * The scheduler's ward job: once each clinic day, every open stay's tasks are stored a week ahead
 * (stay-service.ts `topUpOpenStays`). Admission stores the first week; without this a stay longer
 * than that ran out of rounds, night rounds and meal choices on its eighth day (seed 004 rules 4,
 * 12, 16, 20). Idempotent (the ward_tasks_once key), so a restart, a second process or a second
 * run on one day adds nothing; the day remembered here only spares the work on every tick.
 */
import { clinicDateOf } from '../../../shared/domain/clinic-time';
import type { ScheduledJob } from '../scheduler';
import { createStayService, type StayService } from './stay-service';

export function createWardTasksJob(stays: StayService = createStayService()): ScheduledJob {
  let toppedUpOn: string | null = null;
  return {
    kind: 'wardTasks',
    async run(db, now, settings) {
      const day = clinicDateOf(now, settings.timeZone);
      if (day === toppedUpOn) return;
      await db.transaction().execute((trx) => stays.topUpOpenStays(trx, now));
      toppedUpOn = day;
    },
  };
}
