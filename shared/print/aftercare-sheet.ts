/**
 * The aftercare sheet (seed 004 rules 6, 13, 18; DESIGN.md step 9) as a pure function: data in, a
 * complete HTML document with print CSS out, on A5 or A4, in Chinese or English. It is handed to
 * the customer herself, so it names her; it carries wound care, the food to avoid, when to come
 * back and her follow-up dates — and nothing of the psychological screen or the hand-off note.
 */
import type { FollowupDate } from '../domain/aftercare';
import type { Settings } from '../domain/settings';
import { translate, type Language, type MessageKey } from '../i18n/messages';
import { escapeHtml, slipDate } from './appointment-slip';

export type AftercarePaper = 'a5' | 'a4';

export interface AftercareSheetData {
  customer: { name: string; addressForm: string | null };
  item: { name: string; nameEn: string } | null;
  /** UTC instant of the surgery, when there was one. */
  surgeryAt: string | null;
  /** The day the dates count from (discharge, or today when printed before). */
  fromDate: string;
  followups: readonly FollowupDate[];
  texts: { woundCare: string; woundCareEn: string; foodToAvoid: string; foodToAvoidEn: string; comeBack: string; comeBackEn: string };
  clinic: Pick<Settings, 'clinicName' | 'clinicNameEn' | 'clinicPhone' | 'clinicAddress' | 'clinicAddressEn' | 'timeZone'>;
}

const PAGE_CSS: Record<AftercarePaper, string> = {
  a5: '@page { size: A5; margin: 12mm; } body { font-size: 10.5pt; }',
  a4: '@page { size: A4; margin: 18mm; } body { font-size: 12pt; }',
};

const BASE_CSS = `
  * { box-sizing: border-box; }
  html, body { margin: 0; padding: 0; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
    color: #000; background: #fff; line-height: 1.5; overflow-wrap: anywhere; }
  header { border-bottom: 0.4mm solid #000; padding-bottom: 2mm; text-align: center; }
  .clinic { font-weight: 700; font-size: 1.3em; }
  h1 { font-size: 1.2em; text-align: center; margin: 3mm 0 2mm; letter-spacing: 0.08em; }
  .who { font-weight: 700; font-size: 1.1em; margin: 2mm 0; }
  section { margin: 2.5mm 0; break-inside: avoid; }
  h2 { font-size: 1em; margin: 0 0 1mm; border-left: 1.2mm solid #000; padding-left: 2mm; }
  p { margin: 0; white-space: pre-wrap; }
  table { width: 100%; border-collapse: collapse; }
  td { border: 0.3mm solid #000; padding: 1mm 2mm; }
  .foot { margin-top: 4mm; padding-top: 2mm; border-top: 0.3mm dashed #000; font-size: 0.9em; text-align: center; }
`;

const FOLLOWUP_KEYS: Record<FollowupDate['label'], MessageKey> = {
  day1: 'aftercare.sheet.day1',
  day3: 'aftercare.sheet.day3',
  day7: 'aftercare.sheet.day7',
  month1: 'aftercare.sheet.month1',
};

/**
 * Renders the aftercare sheet; every text from the database is escaped.
 *
 * @example renderAftercareSheet(data, { paper: 'a5', language: 'zh-CN' })
 */
export function renderAftercareSheet(data: AftercareSheetData, options: { paper: AftercarePaper; language: Language }): string {
  const { language, paper } = options;
  const en = language === 'en';
  const t = (key: MessageKey, params?: Record<string, string | number>) => escapeHtml(translate(language, key, params));
  const pick = (zh: string, english: string) => escapeHtml(en && english.trim() ? english : zh);
  const colon = en ? ': ' : '：';
  const who = data.customer.addressForm ? (en ? `${data.customer.name} (${data.customer.addressForm})` : `${data.customer.name}（${data.customer.addressForm}）`) : data.customer.name;
  const rows = data.followups
    .map((followup) => `<tr><td>${t(FOLLOWUP_KEYS[followup.label])}</td><td>${escapeHtml(slipDate(`${followup.date}T04:00:00Z`, 'UTC', language))}</td></tr>`)
    .join('');
  const item = data.item ? `<div>${t('aftercare.sheet.item')}${colon}${pick(data.item.name, data.item.nameEn)}</div>` : '';
  const surgery = data.surgeryAt ? `<div>${t('aftercare.sheet.surgeryOn')}${colon}${escapeHtml(slipDate(data.surgeryAt, data.clinic.timeZone, language))}</div>` : '';
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${t('aftercare.sheet.title')}</title><style>${BASE_CSS}${PAGE_CSS[paper]}</style></head>
<body class="paper-${paper}${en ? ' lang-en' : ''}">
<header><div class="clinic">${pick(data.clinic.clinicName, data.clinic.clinicNameEn)}</div></header>
<h1>${t('aftercare.sheet.title')}</h1>
<div class="who">${t('aftercare.sheet.for', { name: who })}</div>
${item}${surgery}
<section><h2>${t('aftercare.sheet.woundCare')}</h2><p>${pick(data.texts.woundCare, data.texts.woundCareEn)}</p></section>
<section><h2>${t('aftercare.sheet.foodToAvoid')}</h2><p>${pick(data.texts.foodToAvoid, data.texts.foodToAvoidEn)}</p></section>
<section><h2>${t('aftercare.sheet.comeBack')}</h2><p>${pick(data.texts.comeBack, data.texts.comeBackEn)}</p></section>
<section><h2>${t('aftercare.sheet.dates')}</h2><table>${rows}</table></section>
<div class="foot">${t('aftercare.sheet.questions', { phone: escapeHtml(data.clinic.clinicPhone) })}<br>${pick(data.clinic.clinicAddress, data.clinic.clinicAddressEn)}</div>
</body>
</html>`;
}
