/**
 * The scheduler's closing job (issue 18, item 4): with the setting `reportAtClosing` on, once the
 * clinic's closing time has passed, the day's report is generated and kept (once a day: the kept
 * table's key); the rule `reportKept` then tells the managers. A job writes, which a notification
 * rule never does (notification-rule.ts), so it runs on its own, before the rules of each tick.
 */
import { clinicDateOf, clinicTimeOf } from '../../../shared/domain/clinic-time';
import { isReportKept } from '../../db/repositories/kept-reports';
import type { ScheduledJob } from '../scheduler';
import { createReportService, type ReportService } from './report-service';

export function createClosingReportJob(report: ReportService = createReportService()): ScheduledJob {
  return {
    kind: 'closingReport',
    async run(db, now, settings) {
      if (!settings.reportAtClosing) return;
      if (clinicTimeOf(now, settings.timeZone) < settings.closesAt) return;
      const date = clinicDateOf(now, settings.timeZone);
      if (await isReportKept(db, date)) return;
      // Kept in the clinic's first language; the page shows any day live in either.
      await report.keepDay(db, date, 'zh-CN', now);
    },
  };
}
