/**
 * A section of the manager's report, as one module: its reads (a repository's SQL), its figures,
 * its tables and the charts drawn from them. The report service runs every registered section
 * (./sections/index.ts) over the period, and the page, the CSV and the PDF draw whatever shape a
 * section returns. Adding a section: docs/report.md.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ReportChart, ReportColumn, ReportFigure, ReportSection, ReportTable, ReportUnit } from '../../../shared/contract/report';
import type { Settings } from '../../../shared/domain/settings';
import { translate, type Language, type MessageKey, type MessageParams } from '../../../shared/i18n/messages';
import type { Database } from '../../db/schema';
import type { PeriodClock } from './period-clock';

type Db = Kysely<Database> | Transaction<Database>;

/** The period a report covers, as clinic days and as the UTC instants `[start, end)` they span. */
export interface ReportPeriod {
  from: string;
  to: string;
  /** The first instant of `from`, the first instant after `to` (ISO, UTC). */
  start: string;
  end: string;
  days: string[];
  /** The clinic's clock over these days, read once per day (./period-clock.ts). */
  clock: PeriodClock;
}

/** What a section is given: the database, the period, the clinic, the time and the language. */
export interface SectionContext {
  db: Db;
  period: ReportPeriod;
  settings: Settings;
  now: Date;
  language: Language;
  /** Only the figures are wanted (the previous period's, for the comparison): tables may be left empty. */
  figuresOnly: boolean;
  t(key: MessageKey, params?: MessageParams): string;
  /**
   * A read shared by several sections of one report (the waits and the longest waits read the same
   * visits): the first to ask runs `load`, the others get its answer.
   */
  shared<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** What a section returns; the service adds its key, title and note. */
export interface SectionContent {
  figures: Omit<ReportFigure, 'previous'>[];
  tables: ReportTable[];
  charts: ReportChart[];
}

export interface ReportSectionModule {
  /** camelCase, unique; its messages are `report.<key>.title` and `report.<key>.note`. */
  key: string;
  build(context: SectionContext): Promise<SectionContent>;
}

export function createSectionContext(options: Omit<SectionContext, 't' | 'shared'>): SectionContext {
  const reads = new Map<string, Promise<unknown>>();
  return {
    ...options,
    t: (key, params) => translate(options.language, key, params),
    shared<T>(key: string, load: () => Promise<T>): Promise<T> {
      let read = reads.get(key) as Promise<T> | undefined;
      if (!read) reads.set(key, (read = load()));
      return read;
    },
  };
}

/** A column whose label is the message `report.col.<key>`. */
export function column(context: SectionContext, key: string, unit: ReportUnit, label?: string): ReportColumn {
  return { key, unit, label: label ?? context.t(`report.col.${key}` as MessageKey) };
}

/** A section's title and note from its messages, around what it built. */
export function finishSection(context: SectionContext, key: string, content: SectionContent): Omit<ReportSection, 'figures'> & { figures: SectionContent['figures'] } {
  return {
    key,
    title: context.t(`report.${key}.title` as MessageKey),
    note: context.t(`report.${key}.note` as MessageKey),
    ...content,
  };
}
