/**
 * The appointment slip (seed 000 step 3, "confirmation": time, place, what to bring; DESIGN.md:
 * address, transport, parking and a QR code of the appointment number) as a pure function:
 * data in, a complete HTML document with print CSS out. The same HTML is served to a browser at
 * `/print/slip/<id>`, printed by the desktop app, and turned into PDF by the tests.
 *
 * A slip may be left on a chair or in a taxi, so it is written for a stranger's eyes (DESIGN.md,
 * privacy; PIPL Art. 25): the customer appears as the privacy setting allows (form of address by
 * default), never with a phone number, and the item of interest — medical information — is never
 * printed: only a neutral kind of visit (咨询 / 复诊) and the room.
 */
import type { AppointmentKind } from '../domain/appointments';
import { clinicDateOf, clinicTimeOf } from '../domain/clinic-time';
import { maskName } from '../domain/masking';
import type { Settings, SlipPaper, SlipPrivacy } from '../domain/settings';
import { slipCode } from '../domain/slip-code';
import { translate, type Language, type MessageKey } from '../i18n/messages';
import { bringInEnglish, englishSlipName, type LatinName } from '../domain/english-forms';

/** Everything a slip shows, gathered by the server. There is no phone field on purpose. */
export interface SlipData {
  appointmentId: number;
  /** UTC instant. */
  startsAt: string;
  durationMinutes: number;
  kind: AppointmentKind;
  /**
   * `gender` and `latin` (the name in pinyin, read on the server) make the English greeting
   * ("Dear Ms Wen"); without them the English slip greets "Dear guest".
   */
  customer: { name: string; addressForm: string | null; gender?: string | null; latin?: LatinName | null };
  doctorName: string | null;
  /** The doctor's name in pinyin for the English slip (`Li Hui`); the Chinese one when absent. */
  doctorNameLatin?: string | null;
  room: { name: string; nameEn: string; floor: number; directions: string; directionsEn: string } | null;
  /** What to bring, as the desk typed it. */
  bring: string;
  clinic: Pick<
    Settings,
    | 'clinicName'
    | 'clinicNameEn'
    | 'clinicAddress'
    | 'clinicAddressEn'
    | 'clinicPhone'
    | 'transportDirections'
    | 'transportDirectionsEn'
    | 'parkingDirections'
    | 'parkingDirectionsEn'
    | 'logo'
    | 'timeZone'
  >;
  /**
   * The QR code of `slipCode(appointmentId)` as SVG markup, made on the server with the `qrcode`
   * package (which needs Node's built-ins, so it cannot run in `shared/`). Trusted markup: it is
   * checked to be a bare `<svg>` without scripts before it is embedded.
   */
  qrSvg: string;
}

export interface SlipOptions {
  paper: SlipPaper;
  language: Language;
  privacy: SlipPrivacy;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** How the slip names the customer, as the privacy setting allows. */
export function slipCustomerName(customer: SlipData['customer'], privacy: SlipPrivacy): string {
  if (privacy === 'fullName') return customer.name;
  if (privacy === 'maskedName') return maskName(customer.name);
  // 称呼 only; a customer without one is addressed by the masked name, never the full one.
  return customer.addressForm?.trim() || maskName(customer.name);
}

const WEEKDAYS: Record<Language, readonly string[]> = {
  'zh-CN': ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The appointment's day in the clinic's zone, with its weekday: `2026年11月23日 星期一`. */
export function slipDate(startsAt: string, timeZone: string, language: Language): string {
  const [year, month, day] = clinicDateOf(startsAt, timeZone).split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[language][new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
  return language === 'en' ? `${weekday}, ${day} ${MONTHS_EN[month - 1] ?? ''} ${year}` : `${year}年${month}月${day}日 ${weekday}`;
}

const SAFE_SVG = /^\s*(<\?xml[^>]*\?>\s*)?<svg[\s>][\s\S]*<\/svg>\s*$/;
const UNSAFE_IN_SVG = /<script|<foreignObject|\son\w+\s*=|javascript:|<iframe|<image|href=/i;

function checkedSvg(svg: string): string {
  if (!SAFE_SVG.test(svg) || UNSAFE_IN_SVG.test(svg)) throw new Error('the slip QR code is not a plain SVG');
  return svg.replace(/^\s*<\?xml[^>]*\?>/, '');
}

const LOGO = /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;

const PAGE_CSS: Record<SlipPaper, string> = {
  // Chromium drops \`size: 80mm auto\` (an auto length is not allowed beside a width), so the roll
  // gets a fixed length that holds a slip; a receipt printer's driver cuts at its own length.
  '80mm': `@page { size: 80mm 200mm; margin: 3mm; }
    body { width: 74mm; font-size: 9pt; }
    .head { flex-direction: column; text-align: center; }
    .logo { max-height: 14mm; max-width: 50mm; }
    .when .time { font-size: 22pt; }
    .main { display: block; }
    .qr { width: 30mm; margin: 2mm auto 0; }
    .code-block { text-align: center; }`,
  a5: `@page { size: A5; margin: 12mm; }
    body { width: 124mm; font-size: 10.5pt; }
    .head { flex-direction: row; gap: 4mm; }
    .logo { max-height: 16mm; max-width: 40mm; }
    .when .time { font-size: 26pt; }
    .main { display: grid; grid-template-columns: minmax(0, 1fr) 38mm; gap: 6mm; align-items: start; }
    .qr { width: 38mm; }
    .code-block { text-align: center; }`,
};

const BASE_CSS = `
  * { box-sizing: border-box; }
  html, body { margin: 0; padding: 0; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
    color: #000; background: #fff; line-height: 1.4; -webkit-print-color-adjust: exact; print-color-adjust: exact;
    /* A name, clinic name or link typed without a space still breaks inside the paper, never past its edge. */
    overflow-wrap: anywhere; }
  .head { display: flex; align-items: center; justify-content: center; gap: 1.5mm; padding-bottom: 2mm;
    border-bottom: 0.4mm solid #000; }
  .clinic { font-size: 1.35em; font-weight: 700; }
  .clinic-en { font-size: 0.8em; }
  h1 { font-size: 1.15em; margin: 2.5mm 0 1mm; text-align: center; letter-spacing: 0.1em; }
  .greeting { font-size: 1.2em; font-weight: 700; margin: 2mm 0; }
  .when { border: 0.4mm solid #000; border-radius: 1.5mm; padding: 2mm; margin: 2mm 0; text-align: center; }
  .when .date { font-weight: 700; font-size: 1.1em; }
  .when .time { font-weight: 700; line-height: 1.15; }
  .when .length { font-size: 0.85em; }
  dl { margin: 0; }
  .row { display: grid; grid-template-columns: 4.5em 1fr; gap: 1.5mm; padding: 0.8mm 0; break-inside: avoid; }
  .lang-en .row { grid-template-columns: 6.8em 1fr; }
  .row dt { font-weight: 700; }
  .row dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  .place { font-weight: 700; font-size: 1.1em; }
  .directions { font-size: 0.9em; }
  .qr svg { display: block; width: 100%; height: auto; }
  .code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-weight: 700; font-size: 1.15em; letter-spacing: 0.05em; }
  .scan { font-size: 0.8em; }
  .clinic-info { margin-top: 2.5mm; padding-top: 2mm; border-top: 0.3mm dashed #000; font-size: 0.9em; }
  .foot { margin-top: 2mm; text-align: center; font-size: 0.85em; }
`;

/**
 * Renders the appointment slip as a complete HTML document for printing.
 *
 * The QR code and the number under it carry the slip code `FD-000123` (`slipCode` in
 * shared/domain/slip-code.ts): exactly what a desk scanner types at check-in, read back with
 * `parseSlipCode`. Every text from the database is escaped.
 *
 * @example renderAppointmentSlip(data, { paper: '80mm', language: 'zh-CN', privacy: 'addressForm' })
 */
export function renderAppointmentSlip(data: SlipData, options: SlipOptions): string {
  const { language, paper } = options;
  const en = language === 'en';
  const t = (key: MessageKey, params?: Record<string, string | number>) => escapeHtml(translate(language, key, params));
  const text = (value: string) => escapeHtml(value);
  const { clinic } = data;
  const pick = (zh: string, english: string) => (en && english.trim() ? english : zh);

  // The English slip greets by an English form ("Dear Ms Wen"), never "Dear 温女士" (issue 13 part 11).
  const name = en ? englishSlipName(data.customer, options.privacy) : slipCustomerName(data.customer, options.privacy);
  const clinicName = pick(clinic.clinicName, clinic.clinicNameEn);
  const code = slipCode(data.appointmentId);
  const row = (label: string, value: string, extraClass = '') =>
    value ? `<div class="row ${extraClass}"><dt>${label}</dt><dd>${value}</dd></div>` : '';

  const place = data.room
    ? `<span class="place">${t('printing.slip.floor', { floor: data.room.floor })} · ${text(pick(data.room.name, data.room.nameEn))}</span>` +
      (pick(data.room.directions, data.room.directionsEn)
        ? `<br><span class="directions">${text(pick(data.room.directions, data.room.directionsEn))}</span>`
        : '')
    : '';
  const logo = LOGO.test(clinic.logo) ? `<img class="logo" src="${clinic.logo}" alt="">` : '';

  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<title>${t('printing.slip.title')} ${code}</title>
<style>${BASE_CSS}${PAGE_CSS[paper]}</style>
</head>
<body class="paper-${paper}${en ? ' lang-en' : ''}">
<header class="head">${logo}<div><div class="clinic">${text(clinicName)}</div>${
    !en && clinic.clinicNameEn ? `<div class="clinic-en">${text(clinic.clinicNameEn)}</div>` : ''
  }</div></header>
<h1>${t('printing.slip.title')}</h1>
<div class="main">
<div>
<div class="greeting">${t('printing.slip.greeting', { name: name || translate(language, 'printing.slip.guest') })}</div>
<div class="when"><div class="date">${text(slipDate(data.startsAt, clinic.timeZone, language))}</div><div class="time">${text(
    clinicTimeOf(data.startsAt, clinic.timeZone),
  )}</div><div class="length">${t('printing.slip.minutes', { minutes: data.durationMinutes })}</div></div>
<dl>
${row(t('printing.slip.visit'), t(`printing.slip.kind.${data.kind}`))}
${row(t('printing.slip.doctor'), data.doctorName ? text(en && data.doctorNameLatin ? data.doctorNameLatin : data.doctorName) : '')}
${row(t('printing.slip.place'), place)}
${row(t('printing.slip.bring'), text(en ? bringInEnglish(data.bring) : data.bring.trim()))}
</dl>
</div>
<div class="code-block">
<div class="qr">${checkedSvg(data.qrSvg)}</div>
<div class="code">${text(code)}</div>
<div class="scan">${t('printing.slip.scan')}</div>
</div>
</div>
<dl class="clinic-info">
${row(t('printing.slip.address'), text(pick(clinic.clinicAddress, clinic.clinicAddressEn)))}
${row(t('printing.slip.transport'), text(pick(clinic.transportDirections, clinic.transportDirectionsEn)))}
${row(t('printing.slip.parking'), text(pick(clinic.parkingDirections, clinic.parkingDirectionsEn)))}
${row(t('printing.slip.phone'), text(clinic.clinicPhone))}
</dl>
<div class="foot">${t('printing.slip.arriveEarly')}${
    clinic.clinicPhone ? `<br>${t('printing.slip.change', { phone: clinic.clinicPhone })}` : ''
  }</div>
</body>
</html>
`;
}
