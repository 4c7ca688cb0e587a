/**
 * The day's report at closing (issue 18, item 4): when the setting is on, the scheduler's closing
 * job (electron/services/report/closing-report-job.ts) keeps the day's report at closing time, and
 * this rule tells the managers its three headline figures — arrivals, the median wait from
 * check-in to called, comfort tasks done on time — with a link to the day's report.
 */
import { clinicDateOf } from '../../../shared/domain/clinic-time';
import type { ReportFigure } from '../../../shared/contract/report';
import { keptReportOf } from '../../db/repositories/kept-reports';
import type { NotificationRule } from './notification-rule';

const shown = (figure: ReportFigure | undefined, suffix = '') => (figure?.value === null || figure?.value === undefined ? '—' : `${figure.value}${suffix}`);

export const reportKeptRule: NotificationRule = {
  kind: 'reportKept',
  async evaluate(db, now, settings) {
    if (!settings.reportAtClosing) return [];
    const date = clinicDateOf(now, settings.timeZone);
    const kept = await keptReportOf(db, date);
    if (!kept) return [];
    const headline = new Map((JSON.parse(kept.headline) as ReportFigure[]).map((figure) => [figure.key, figure]));
    return [
      {
        subject: { kind: 'report', id: date },
        escalation: 'kept',
        titleKey: 'report.notification.title',
        bodyKey: 'report.notification.body',
        params: {
          date,
          arrivals: shown(headline.get('arrivals.total')),
          medianWait: shown(headline.get('waits.toCalledMedian')),
          onTimeShare: shown(headline.get('comfort.onTimeShare'), ' %'),
        },
        roles: ['manager'],
        link: `#/report/${date}/${date}`,
      },
    ];
  },
};
