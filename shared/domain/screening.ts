/**
 * The psychological screen before cosmetic surgery (seed 000, "the customer's mind": some
 * customers have body dysmorphic disorder, for whom surgery rarely helps; DESIGN.md, "BDD
 * screening"). Pure: the items, the scoring rule and when a screen must be repeated.
 *
 * Instrument: BDDQ-AS, the Body Dysmorphic Disorder Questionnaire – Aesthetic Surgery.
 *   Dey JK, Ishii M, Phillips KA, Byrne PJ, Boahene KDO, Ishii LE. Body dysmorphic disorder in a
 *   facial plastic and reconstructive surgery clinic: measuring prevalence, assessing comorbidities,
 *   and validating a feasible screening instrument. JAMA Facial Plastic Surgery. 2015;17(2):137–143.
 *   Validated for aesthetic rhinoplasty by Lekakis G, Picavet VA, Gabriëls L, Grietens J,
 *   Hellings PW. Laryngoscope. 2016;126(8):1739–1745. Adapted from Phillips KA's BDDQ.
 *
 * Scoring (as published): positive when question 1 = yes AND question 2 = yes AND (any of
 * questions 3–6 ≥ 3, i.e. at least "moderate", OR question 7 = yes). Questions 3–6 are rated
 * 1 none · 2 mild · 3 moderate · 4 severe · 5 extreme.
 *
 * Wording, checked against what could be found (searched 2026-12-04 for "BDDQ-AS Body Dysmorphic
 *   Disorder Questionnaire Aesthetic Surgery Dey" and for the Chinese version):
 *   - Questions 1 and 2: our English is word for word the BDDQ-AS text as a clinical BDDQ-AS
 *     results page quotes it (prepaere.com, "BDDQ-AS | Normal Level of Appearance Concerns":
 *     "Are you very worried about your appearance in any way?" / "Do these concerns preoccupy you?
 *     That is, you think about them a lot and wish that you could worry about them less?").
 *   - The scoring rule above: as stated by readymind.com.au ("Body Dysmorphic Disorder
 *     Questionnaire – Aesthetic Surgery": q1 = yes AND q2 = yes AND any of q3–q6 ≥ 3 or q7 = yes),
 *     which also gives the instrument as 7 items on preoccupation, distress and interference
 *     with social, occupational or role functioning.
 *   - Questions 3–7: the published BDDQ-AS wording was NOT found. Ours follows the domains the
 *     sources name and the parent BDDQ's questions (Phillips; e.g. "Has your defect(s) often
 *     significantly interfered with your social life? … your schoolwork, your job, or your
 *     ability to function in your role (e.g., as a homemaker)? … Are there things you avoid
 *     because of your defect(s)?"), rated on the 1–5 scale. NOT the published text.
 *   - Chinese: no published Chinese BDDQ-AS text was found (only Chinese reviews of BDD in
 *     cosmetic surgery, e.g. 于璐、马继光, 中国美容整形外科杂志 2015). The Chinese here is our own
 *     translation, NOT a validated version.
 *   Questions 3–7 in both languages and the whole Chinese text must be replaced by the published
 *   text (Dey et al. 2015, and a validated Chinese version) before clinical use; see the README.
 *   COPS (Veale et al. 2012), the other example, was searched for too (2026-12-04 night):
 *   free to use with citation (veale.co.uk/scales), but only its item stems were found (as the
 *   author's Body Image Questionnaire), not its 0–8 anchors, reversed items or a Chinese version
 *   (docs/consultation-to-discharge.md).
 * A screen is never a diagnosis and never refuses surgery by itself: a positive screen asks for a
 * recorded decision (proceed with a reason, refer, postpone).
 */

export const SCREENING_INSTRUMENT = 'bddq_as' as const;

export type ScreeningAnswerKind = 'yesNo' | 'severity';

export interface ScreeningItem {
  /** 1-based question number of the instrument. */
  number: number;
  kind: ScreeningAnswerKind;
  zh: string;
  en: string;
}

export const BDDQ_AS_ITEMS: readonly ScreeningItem[] = [
  { number: 1, kind: 'yesNo', zh: '您是否在任何方面非常担心自己的外貌？', en: 'Are you very worried about your appearance in any way?' },
  {
    number: 2,
    kind: 'yesNo',
    zh: '这些担心是否占据了您的心思？也就是说，您经常想着它们，并希望自己能少担心一些？',
    en: 'Do these concerns preoccupy you? That is, you think about them a lot and wish that you could worry about them less?',
  },
  { number: 3, kind: 'severity', zh: '这些对外貌的担心给您带来了多大的痛苦（困扰）？', en: 'How much distress do these appearance concerns cause you?' },
  { number: 4, kind: 'severity', zh: '这些担心在多大程度上影响了您的社交生活？', en: 'How much do these concerns interfere with your social life?' },
  { number: 5, kind: 'severity', zh: '这些担心在多大程度上影响了您的学习、工作或日常角色（如操持家务）？', en: 'How much do these concerns interfere with your school work, your job or your ability to function in your role (e.g. as a homemaker)?' },
  { number: 6, kind: 'severity', zh: '这些担心在多大程度上影响了您的亲密关系、家庭或生活中其他重要方面？', en: 'How much do these concerns interfere with your relationships, family or other important areas of your life?' },
  { number: 7, kind: 'yesNo', zh: '您是否因为外貌而回避某些事情（场合、活动或人）？', en: 'Are there things you avoid because of your appearance (places, activities or people)?' },
];

/** The severity scale of questions 3–6, as published: 1 none … 5 extreme. */
export const SEVERITY_LABELS: readonly { value: number; zh: string; en: string }[] = [
  { value: 1, zh: '没有', en: 'None' },
  { value: 2, zh: '轻度', en: 'Mild' },
  { value: 3, zh: '中度（令人困扰但尚能应付）', en: 'Moderate (disturbing but still manageable)' },
  { value: 4, zh: '重度（非常困扰）', en: 'Severe (very disturbing)' },
  { value: 5, zh: '极重（严重影响生活）', en: 'Extreme (disabling)' },
];

/**
 * The answers: q1, q2, q7 yes/no; q3–q6 on the 1–5 scale. When q1 or q2 is "no" the published form
 * stops there; the later answers may be absent then and count as "none".
 */
export interface BddqAsAnswers {
  q1: boolean;
  q2: boolean;
  q3?: number | undefined;
  q4?: number | undefined;
  q5?: number | undefined;
  q6?: number | undefined;
  q7?: boolean | undefined;
}

/** The published rule: at least "moderate" is 3 on the severity scale. */
export const BDDQ_AS_MODERATE = 3;

/**
 * Whether a BDDQ-AS screen is positive (Dey et al. 2015): concerned (q1) AND preoccupied (q2) AND
 * at least moderate distress or impairment (any of q3–q6 ≥ 3) or avoidance (q7).
 *
 * @example isBddqAsPositive({ q1: true, q2: true, q3: 3, q4: 1, q5: 1, q6: 1, q7: false }) // true
 * @example isBddqAsPositive({ q1: true, q2: false, q3: 5, q7: true }) // false
 */
export function isBddqAsPositive(answers: BddqAsAnswers): boolean {
  if (!answers.q1 || !answers.q2) return false;
  const impaired = [answers.q3, answers.q4, answers.q5, answers.q6].some((value) => (value ?? 1) >= BDDQ_AS_MODERATE);
  return impaired || answers.q7 === true;
}

/** What a surgery booking needs about the screen. */
export type ScreeningDecisionKind = 'proceed' | 'refer' | 'postpone';
export const SCREENING_DECISIONS = ['proceed', 'refer', 'postpone'] as const satisfies readonly ScreeningDecisionKind[];

/** The screen a surgery booking would rely on. */
export interface ScreenOnFile {
  takenAt: string;
  positive: boolean;
}

export type ScreeningGate =
  | { kind: 'clear' }
  /** No screen, or the last one is older than the clinic's months: screen (again) before surgery. */
  | { kind: 'screenNeeded'; lastTakenAt: string | null }
  /** A positive screen, or the desk suggested an assessment: a decision must be recorded. */
  | { kind: 'decisionNeeded'; reason: 'positive' | 'flagged' | 'both' };

/** The instant `months` calendar months before `now` (clamped to the month's last day). */
export function monthsBefore(now: Date, months: number): Date {
  const result = new Date(now.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  const last = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, last));
  return result;
}

/**
 * What must happen before a surgery is booked: a screen within `validMonths`, and — when it was
 * positive or the desk flagged "suggest an assessment" — a recorded decision. Never a refusal.
 */
export function screeningGate(latest: ScreenOnFile | null, flagged: boolean, now: Date, validMonths: number): ScreeningGate {
  if (!latest || Date.parse(latest.takenAt) < monthsBefore(now, validMonths).getTime()) {
    return { kind: 'screenNeeded', lastTakenAt: latest?.takenAt ?? null };
  }
  if (latest.positive && flagged) return { kind: 'decisionNeeded', reason: 'both' };
  if (latest.positive) return { kind: 'decisionNeeded', reason: 'positive' };
  if (flagged) return { kind: 'decisionNeeded', reason: 'flagged' };
  return { kind: 'clear' };
}
