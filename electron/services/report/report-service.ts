/**
 * The manager's report (issue 18): runs every registered section (./sections/index.ts) over a
 * period and, unless asked not to, over the period just before for the comparison; renders it as
 * an A4 document for the PDF; and keeps the day's report at closing (a setting) for the scheduler.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Report, ReportFigure } from '../../../shared/contract/report';
import { daysOf, previousPeriod } from '../../../shared/domain/report';
import type { Language } from '../../../shared/i18n/messages';
import { renderReportDocument } from '../../../shared/print/report-document';
import { readSettings } from '../../db/repositories/settings';
import { insertKeptReport, keptReports } from '../../db/repositories/kept-reports';
import type { Database } from '../../db/schema';
import { createPeriodClock } from './period-clock';
import { renderReportCharts } from './report-charts';
import { createSectionContext, finishSection, type ReportPeriod, type ReportSectionModule } from './section';
import { HEADLINE_FIGURES, REPORT_SECTIONS } from './sections/index';

type Db = Kysely<Database> | Transaction<Database>;

export interface ReportRequest {
  from: string;
  to: string;
  compare?: boolean | undefined;
  language: Language;
}

export interface KeptReport {
  date: string;
  generatedAt: string;
  headline: ReportFigure[];
}

export interface ReportService {
  /** The report of `from`…`to` at `now`, compared with the period before unless `compare` is false. */
  build(db: Db, request: ReportRequest, now: Date): Promise<Report>;
  /** The report as an A4 HTML document with its charts, and a file name for the PDF. */
  document(db: Db, request: ReportRequest, now: Date): Promise<{ html: string; fileName: string }>;
  /** Reports kept at closing, newest first. */
  kept(db: Db): Promise<KeptReport[]>;
  /**
   * Generates the report of `date` and keeps it, once (a second call for the same day keeps the
   * first): the kept report, or null when that day was already kept.
   */
  keepDay(db: Db, date: string, language: Language, now: Date): Promise<KeptReport | null>;
}

function periodOf(from: string, to: string, timeZone: string): ReportPeriod {
  const days = daysOf(from, to);
  const clock = createPeriodClock(timeZone, days);
  return { from, to, start: new Date(clock.dayStart(from)).toISOString(), end: new Date(clock.dayEnd(to)).toISOString(), days, clock };
}

/** Creates the service over a list of sections (every registered one by default). */
export function createReportService(sections: readonly ReportSectionModule[] = REPORT_SECTIONS): ReportService {
  async function build(db: Db, request: ReportRequest, now: Date): Promise<Report> {
    const settings = await readSettings(db);
    const run = (from: string, to: string, figuresOnly: boolean) => {
      const context = createSectionContext({ db, period: periodOf(from, to, settings.timeZone), settings, now, language: request.language, figuresOnly });
      // Sections one after another: better-sqlite3 runs each read to its end anyway.
      return sections.reduce<Promise<ReturnType<typeof finishSection>[]>>(
        async (done, section) => [...(await done), finishSection(context, section.key, await section.build(context))],
        Promise.resolve([]),
      );
    };
    const compare = request.compare ?? true;
    const previous = compare ? previousPeriod(request.from, request.to) : null;
    const current = await run(request.from, request.to, false);
    const before = previous ? await run(previous.from, previous.to, true) : [];
    const previousFigures = new Map(before.flatMap((section) => section.figures.map((figure) => [figure.key, figure.value] as const)));
    const reportSections = current.map((section) => ({
      ...section,
      figures: section.figures.map((figure) => ({ ...figure, previous: previous ? (previousFigures.get(figure.key) ?? null) : null })),
    }));
    const figures = new Map(reportSections.flatMap((section) => section.figures.map((figure) => [figure.key, figure] as const)));
    return {
      from: request.from,
      to: request.to,
      previous,
      language: request.language,
      clinicName: request.language === 'en' && settings.clinicNameEn ? settings.clinicNameEn : settings.clinicName,
      timeZone: settings.timeZone,
      generatedAt: now.toISOString(),
      headline: HEADLINE_FIGURES.flatMap((key) => {
        const figure = figures.get(key);
        return figure ? [figure] : [];
      }),
      sections: reportSections,
    };
  }

  return {
    build,

    async document(db, request, now) {
      const report = await build(db, request, now);
      return { html: renderReportDocument(report, renderReportCharts(report)), fileName: `report-${request.from}-${request.to}.pdf` };
    },

    async kept(db) {
      const rows = await keptReports(db, 60);
      return rows.map((row) => ({ date: row.clinic_date, generatedAt: row.generated_at, headline: JSON.parse(row.headline) as ReportFigure[] }));
    },

    async keepDay(db, date, language, now) {
      const report = await build(db, { from: date, to: date, compare: true, language }, now);
      const kept = await insertKeptReport(db, { clinic_date: date, generated_at: report.generatedAt, language, headline: JSON.stringify(report.headline), report: JSON.stringify(report) });
      return kept ? { date, generatedAt: report.generatedAt, headline: report.headline } : null;
    },
  };
}
