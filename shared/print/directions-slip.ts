/**
 * The directions slip (issue 14; seed 000 step 6): for a customer who goes to the room alone, on
 * 80 mm or A5 like the appointment slip. It is written for a stranger's eyes (DESIGN.md, privacy;
 * PIPL Art. 25): the ticket and the address form (or masked name) only — never the full name, the
 * item of interest or anything of the hand-off note; floor, room, lift or stairs, the way and
 * landmarks, and a small sketch of the floor. Pure: data in, a complete HTML document out.
 */
import { clinicTimeOf } from '../domain/clinic-time';
import type { SlipPaper } from '../domain/settings';
import { translate, type Language, type MessageKey } from '../i18n/messages';
import { escapeHtml } from './appointment-slip';
import { floorSketchSvg, type SketchRoom } from './floor-sketch';

export interface DirectionsRoom {
  code: string;
  name: string;
  nameEn: string;
  floor: number;
  access: 'lift' | 'stairs' | 'both' | 'level';
  directions: string;
  directionsEn: string;
  landmarks: string;
  landmarksEn: string;
}

/** What the slip shows. There is no name, phone, item or note field on purpose. */
export interface DirectionsSlipData {
  ticket: string;
  /** The address form, or the masked name when there is none (the server decides; never the full name). */
  addressedAs: string;
  /** UTC instant the slip was made. */
  printedAt: string;
  timeZone: string;
  clinicName: string;
  clinicNameEn: string;
  from: { name: string; nameEn: string; floor: number } | null;
  to: DirectionsRoom;
  /** The rooms of the destination floor, for the sketch. */
  floorRooms: readonly SketchRoom[];
}

const PAGE_CSS: Record<SlipPaper, string> = {
  '80mm': `@page { size: 80mm 200mm; margin: 3mm; } body { width: 74mm; font-size: 9.5pt; } .where { font-size: 20pt; } .sketch { width: 70mm; }`,
  a5: `@page { size: A5; margin: 12mm; } body { width: 124mm; font-size: 11pt; } .where { font-size: 28pt; } .sketch { width: 110mm; }`,
};

const BASE_CSS = `
  * { box-sizing: border-box; } html, body { margin: 0; padding: 0; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #000; background: #fff;
    line-height: 1.4; overflow-wrap: anywhere; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .clinic { text-align: center; font-weight: 700; border-bottom: 0.4mm solid #000; padding-bottom: 1.5mm; }
  h1 { font-size: 1.15em; text-align: center; margin: 2mm 0 1mm; letter-spacing: 0.1em; }
  .who { display: flex; justify-content: space-between; align-items: baseline; font-weight: 700; margin: 1.5mm 0; }
  .ticket { font-family: "DejaVu Sans Mono", monospace; font-size: 1.4em; }
  .where { border: 0.5mm solid #000; border-radius: 1.5mm; text-align: center; font-weight: 700; padding: 2mm; line-height: 1.2; }
  .where .room { display: block; font-size: 0.6em; }
  dl { margin: 2mm 0 0; } .row { display: grid; grid-template-columns: 4.5em 1fr; gap: 1.5mm; padding: 0.6mm 0; }
  .lang-en .row { grid-template-columns: 6.5em 1fr; } dt { font-weight: 700; } dd { margin: 0; white-space: pre-wrap; }
  .sketch { display: block; margin: 2mm auto 0; } .sketch svg { width: 100%; height: auto; display: block; }
  .foot { margin-top: 2mm; text-align: center; font-size: 0.85em; border-top: 0.3mm dashed #000; padding-top: 1.5mm; }
`;

/**
 * Renders the directions slip as a complete HTML document for printing; every text escaped.
 *
 * @example renderDirectionsSlip(data, { paper: 'a5', language: 'zh-CN' })
 */
export function renderDirectionsSlip(data: DirectionsSlipData, options: { paper: SlipPaper; language: Language }): string {
  const { language, paper } = options;
  const en = language === 'en';
  const t = (key: MessageKey, params?: Record<string, string | number>) => escapeHtml(translate(language, key, params));
  const pick = (zh: string, english: string) => escapeHtml(en && english.trim() ? english : zh);
  const row = (label: string, value: string) => (value ? `<div class="row"><dt>${label}</dt><dd>${value}</dd></div>` : '');
  const sketch = floorSketchSvg(data.floorRooms, { lift: translate(language, 'escorts.slip.lift'), stairs: translate(language, 'escorts.slip.stairs') });
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${t('escorts.slip.title')} ${escapeHtml(data.ticket)}</title>
<style>${BASE_CSS}${PAGE_CSS[paper]}</style></head>
<body class="paper-${paper}${en ? ' lang-en' : ''}">
<div class="clinic">${pick(data.clinicName, data.clinicNameEn)}</div>
<h1>${t('escorts.slip.title')}</h1>
<div class="who"><span>${t('escorts.slip.greeting', { name: data.addressedAs })}</span><span class="ticket">${escapeHtml(data.ticket)}</span></div>
<div class="where">${t('escorts.slip.floor', { floor: data.to.floor })}<span class="room">${pick(data.to.name, data.to.nameEn)}</span></div>
<dl>
${row(t('escorts.slip.from'), data.from ? `${t('escorts.slip.floor', { floor: data.from.floor })} · ${pick(data.from.name, data.from.nameEn)}` : '')}
${row(t('escorts.slip.by'), t(`escorts.access.${data.to.access}`))}
${row(t('escorts.slip.way'), pick(data.to.directions, data.to.directionsEn))}
${row(t('escorts.slip.landmarks'), pick(data.to.landmarks, data.to.landmarksEn))}
</dl>
<div class="sketch">${sketch}</div>
<div class="foot">${t('escorts.slip.foot')} · ${escapeHtml(clinicTimeOf(data.printedAt, data.timeZone))}</div>
</body>
</html>
`;
}
