/**
 * The report's sections, in the order the page and the PDF show them. Adding one: a module beside
 * these, its SQL in a repository, its messages in shared/i18n/catalog/report*.ts, and one line
 * here (docs/report.md).
 */
import type { ReportSectionModule } from '../section';
import { arrivalsSection } from './arrivals';
import { comfortSection } from './comfort';
import { escortsSection } from './escorts';
import { followUpCallsSection } from './follow-up-calls';
import { longestWaitsSection } from './longest-waits';
import { queueSection } from './queue';
import { surveysSection } from './surveys';
import { waitsSection } from './waits';
import { wardRoundsSection } from './ward-rounds';

export const REPORT_SECTIONS: readonly ReportSectionModule[] = [
  arrivalsSection,
  waitsSection,
  queueSection,
  comfortSection,
  escortsSection,
  wardRoundsSection,
  followUpCallsSection,
  surveysSection,
  longestWaitsSection,
];

/** The three figures of the closing notification and the top of the page, by figure key. */
export const HEADLINE_FIGURES = ['arrivals.total', 'waits.toCalledMedian', 'comfort.onTimeShare'] as const;
