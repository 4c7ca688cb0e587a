/**
 * Survey scores (seed 000 step 10: ask how the visit went): the answers of the period, the
 * average score of each aspect (1–5), would-recommend as a net promoter score, by staff member
 * (the visit's doctor, and anyone the answer names), and the comments — customers by ticket and
 * masked name only, digit runs (a phone typed into a comment) starred.
 */
import { SURVEY_ASPECTS, type SurveyAspect } from '../../../../shared/domain/follow-ups';
import { maskName } from '../../../../shared/domain/masking';
import { mean, netPromoterScore, starDigitRuns } from '../../../../shared/domain/report';
import type { MessageKey } from '../../../../shared/i18n/messages';
import { staffNames, surveysAnswered, type SurveyRow } from '../../../db/repositories/report-care';
import { column, type ReportSectionModule } from '../section';

/** The comments table lists this many, newest first (every answer counts in the figures). */
export const SURVEY_COMMENTS_LISTED = 100;

/** An answer's scores: only the known aspects, only whole scores 1–5 (older or odd rows are skipped). */
export function surveyScores(scores: string): Partial<Record<SurveyAspect, number>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(scores);
  } catch {
    return {};
  }
  const out: Partial<Record<SurveyAspect, number>> = {};
  if (parsed === null || typeof parsed !== 'object') return out;
  for (const aspect of SURVEY_ASPECTS) {
    const value = (parsed as Record<string, unknown>)[aspect];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) out[aspect] = value;
  }
  return out;
}

/** The staff an answer is about: the visit's doctor, and every staff member whose name it names. */
export function surveyStaff(row: Pick<SurveyRow, 'doctor_name' | 'staff_named'>, names: readonly string[]): string[] {
  const about = new Set<string>();
  if (row.doctor_name) about.add(row.doctor_name);
  const named = row.staff_named.trim();
  if (named !== '') for (const name of names) if (name.trim().length >= 2 && named.includes(name.trim())) about.add(name);
  return [...about];
}

/** A comment with the customer's own name, if typed into it, masked as everywhere else. */
function withoutName(text: string, name: string | null): string {
  return name && name.trim().length >= 2 ? text.split(name.trim()).join(maskName(name)) : text;
}

export const surveysSection: ReportSectionModule = {
  key: 'surveys',
  async build(context) {
    const { t, period, settings } = context;
    const rows = await surveysAnswered(context.db, period.start, period.end);
    const parsed = rows.map((row) => ({ row, scores: surveyScores(row.scores) }));
    const allScores = parsed.flatMap(({ scores }) => Object.values(scores));
    const recommends = rows.flatMap((row) => (row.recommend === null ? [] : [row.recommend]));
    const figures = [
      { key: 'surveys.answers', label: t('report.surveys.answers'), unit: 'count' as const, value: rows.length, better: null },
      { key: 'surveys.meanScore', label: t('report.surveys.meanScore'), unit: 'score' as const, value: mean(allScores), better: 'higher' as const },
      { key: 'surveys.nps', label: t('report.surveys.nps'), unit: 'count' as const, value: netPromoterScore(recommends), better: 'higher' as const },
      { key: 'surveys.complaints', label: t('report.surveys.complaints'), unit: 'count' as const, value: rows.filter((row) => row.complaint === 1).length, better: 'lower' as const },
    ];
    if (context.figuresOnly) return { figures, tables: [], charts: [] };

    const names = await staffNames(context.db);
    const byStaff = new Map<string, { scores: number[]; recommends: number[]; answers: number }>();
    for (const { row, scores } of parsed) {
      for (const name of surveyStaff(row, names)) {
        const staff = byStaff.get(name) ?? { scores: [], recommends: [], answers: 0 };
        staff.answers += 1;
        staff.scores.push(...Object.values(scores));
        if (row.recommend !== null) staff.recommends.push(row.recommend);
        byStaff.set(name, staff);
      }
    }
    const timeOf = (iso: string) => {
      const day = period.clock.dayOf(Date.parse(iso));
      const { hour, minute } = period.clock.hourMinute(Date.parse(iso), day);
      return `${day} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    };
    const commented = rows.filter((row) => row.comments.trim() !== '').slice(0, SURVEY_COMMENTS_LISTED);
    return {
      figures,
      tables: [
        {
          key: 'byAspect',
          title: t('report.surveys.byAspect'),
          columns: [column(context, 'aspect', 'text'), column(context, 'answers', 'count'), column(context, 'meanScore', 'score'), column(context, 'lowScores', 'count')],
          rows: SURVEY_ASPECTS.map((aspect) => {
            const values = parsed.flatMap(({ scores }) => (scores[aspect] === undefined ? [] : [scores[aspect]]));
            return [t(`surveys.aspect.${aspect}` as MessageKey), values.length, mean(values), values.filter((value) => value <= settings.surveyLowAspect).length];
          }),
        },
        {
          key: 'byStaff',
          title: t('report.surveys.byStaff'),
          columns: [column(context, 'staff', 'text'), column(context, 'answers', 'count'), column(context, 'meanScore', 'score'), column(context, 'nps', 'count')],
          rows: [...byStaff]
            .sort((a, b) => b[1].answers - a[1].answers || a[0].localeCompare(b[0]))
            .map(([name, staff]) => [name, staff.answers, mean(staff.scores), netPromoterScore(staff.recommends)]),
        },
        {
          key: 'comments',
          title: t('report.surveys.comments', { count: SURVEY_COMMENTS_LISTED }),
          columns: [
            column(context, 'answeredAt', 'text'),
            column(context, 'ticket', 'text'),
            column(context, 'customer', 'text'),
            column(context, 'meanScore', 'score'),
            column(context, 'recommend', 'count'),
            column(context, 'staffNamed', 'text'),
            column(context, 'comment', 'text'),
          ],
          rows: commented.map((row) => [
            timeOf(row.created_at),
            row.ticket,
            // Never the full name (DESIGN.md, privacy): the masked form, as the lobby display shows it.
            row.customer_name ? maskName(row.customer_name) : t('report.surveys.anonymous'),
            mean(Object.values(surveyScores(row.scores))),
            row.recommend,
            starDigitRuns(row.staff_named.trim()) || null,
            starDigitRuns(withoutName(row.comments.trim(), row.customer_name)),
          ]),
        },
      ],
      charts: [
        { key: 'scoresByAspect', title: t('report.surveys.chartByAspect'), kind: 'bar', table: 'byAspect', x: 'aspect', series: ['meanScore'], stacked: false },
        { key: 'scoresByStaff', title: t('report.surveys.chartByStaff'), kind: 'bar', table: 'byStaff', x: 'staff', series: ['meanScore'], stacked: false },
      ],
    };
  },
};
