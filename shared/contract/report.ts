/**
 * The manager's report (issue 18): how a period went — arrivals, waits, comfort kept — as sections
 * of figures, tables and charts. Every section has the same generic shape, so the page, the CSV and
 * the PDF draw any section without knowing it; a new section (escorts, ward rounds, follow-up
 * calls, surveys) is a server module and its messages (docs/report.md).
 *
 * Customers appear by ticket and masked name only; staff by name (DESIGN.md, privacy).
 */
import { z } from 'zod';
import type { Role } from '../domain/roles';
import { REPORT_MAX_DAYS, reportDays } from '../domain/report';
import { LANGUAGES } from '../i18n/messages';
import { clinicDateSchema, instantSchema } from './common';
import { defineMethod } from './define';

/** Who may read the report: managers only (seed 004 rule 25: the leaders lead). */
export const REPORT_ROLES = ['manager'] as const satisfies readonly Role[];

/** How a column's numbers read: a count, minutes with one decimal, a share in per cent, a clock time, text, a score (an average 1–5 or an NPS, one decimal). */
export const REPORT_UNITS = ['text', 'count', 'minutes', 'percent', 'time', 'date', 'score'] as const;
export type ReportUnit = (typeof REPORT_UNITS)[number];

export const reportCellSchema = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof reportCellSchema>;

export const reportColumnSchema = z.object({ key: z.string(), label: z.string(), unit: z.enum(REPORT_UNITS) });
export type ReportColumn = z.infer<typeof reportColumnSchema>;

/** A table: columns, and rows of cells in column order. Its CSV is exactly this. */
export const reportTableSchema = z.object({
  key: z.string(),
  title: z.string(),
  columns: z.array(reportColumnSchema),
  rows: z.array(z.array(reportCellSchema)),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

/** A chart drawn from one of the section's tables: `x` is a column, each series another. */
export const reportChartSchema = z.object({
  key: z.string(),
  title: z.string(),
  kind: z.enum(['bar', 'line']),
  /** The key of the table it draws (its numbers a click away). */
  table: z.string(),
  x: z.string(),
  series: z.array(z.string()),
  /** Bars stacked (on time / late / missed) rather than side by side. */
  stacked: z.boolean(),
});
export type ReportChart = z.infer<typeof reportChartSchema>;

/** One headline number of a section, with the previous period's for comparison. */
export const reportFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(REPORT_UNITS),
  value: z.number().nullable(),
  /** The same figure over the previous period of the same length; null when not compared or none. */
  previous: z.number().nullable(),
  /** Which way is better, for the comparison's colour: fewer minutes waited, more tasks on time. */
  better: z.enum(['higher', 'lower']).nullable(),
});
export type ReportFigure = z.infer<typeof reportFigureSchema>;

export const reportSectionSchema = z.object({
  key: z.string(),
  title: z.string(),
  /** One line on how the section counts (what a wait is, what "on time" means). */
  note: z.string(),
  figures: z.array(reportFigureSchema),
  tables: z.array(reportTableSchema),
  charts: z.array(reportChartSchema),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

export const reportSchema = z.object({
  from: clinicDateSchema,
  to: clinicDateSchema,
  previous: z.object({ from: clinicDateSchema, to: clinicDateSchema }).nullable(),
  language: z.enum(LANGUAGES),
  clinicName: z.string(),
  timeZone: z.string(),
  generatedAt: instantSchema,
  /** The three figures of the day's notification and the top of the page. */
  headline: z.array(reportFigureSchema),
  sections: z.array(reportSectionSchema),
});
export type Report = z.infer<typeof reportSchema>;

/** A period of clinic days, `from` to `to` both counted, at most a year. */
export const reportPeriodSchema = z
  .object({
    from: clinicDateSchema,
    to: clinicDateSchema,
    /** Compare with the period just before (default yes). */
    compare: z.boolean().optional(),
    /** The language of its labels (default the caller's). */
    language: z.enum(LANGUAGES).optional(),
  })
  .strict()
  .refine((value) => value.from <= value.to, { message: 'validation.reportOrder', path: ['to'] })
  .refine((value) => value.from > value.to || reportDays(value.from, value.to) <= REPORT_MAX_DAYS, { message: 'validation.reportSpan', path: ['to'] });
export type ReportPeriodInput = z.infer<typeof reportPeriodSchema>;

export const keptReportSchema = z.object({
  date: clinicDateSchema,
  generatedAt: instantSchema,
  headline: z.array(reportFigureSchema),
});

export const reportMethods = {
  /** A period's report in the caller's (or the asked) language. */
  'report.get': defineMethod({
    summary: "The manager's report of a period (a day, a week, a month, any range up to a year)",
    input: reportPeriodSchema,
    output: reportSchema,
    roles: REPORT_ROLES,
    writes: false,
  }),
  /** The whole report as one printable A4 document (charts as SVG), for the PDF. */
  'report.document': defineMethod({
    summary: 'The report as a printable A4 HTML document (PDF)',
    input: reportPeriodSchema,
    output: z.object({ html: z.string(), fileName: z.string() }),
    roles: REPORT_ROLES,
    writes: false,
  }),
  /** The days whose report was generated at closing and kept (the newest first, at most 60). */
  'report.kept': defineMethod({
    summary: 'Reports kept at closing, newest first',
    input: z.object({}).strict(),
    output: z.object({ reports: z.array(keptReportSchema) }),
    roles: REPORT_ROLES,
    writes: false,
  }),
} as const;
