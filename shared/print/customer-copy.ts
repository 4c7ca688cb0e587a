/**
 * A customer's copy of her data (issue 20; PIPL Art. 45) as a readable A4 document: what the JSON
 * export holds, table by table, with a Chinese (or English) heading for each and every row's fields.
 * Pure: the export in, a complete HTML document with print CSS out; the browser's print dialog or
 * the desktop's print-to-PDF turns it into the PDF she is given.
 */
import { clinicDateOf, clinicTimeOf } from '../domain/clinic-time';
import { isMessageKey, translate, type Language, type MessageKey } from '../i18n/messages';

export interface CustomerCopyInput {
  customerId: number;
  generatedAt: string;
  tables: Record<string, Record<string, unknown>[]>;
  clinicName: string;
  timeZone: string;
  language: Language;
  /** The manager who made it. */
  by: string;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A signature drawn on a tablet (consents.signature): printed as the image, not its base64. */
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

function cell(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && PNG_DATA_URL.test(value)) return `<img class="signature" src="${value}" alt="signature">`;
  if (typeof value === 'object') return escape(JSON.stringify(value));
  return escape(String(value));
}

export function customerCopyHtml(input: CustomerCopyInput): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(input.language, key, params);
  const label = (table: string) => (isMessageKey(`privacy.table.${table}`) ? t(`privacy.table.${table}` as MessageKey) : table);
  const when = `${clinicDateOf(input.generatedAt, input.timeZone)} ${clinicTimeOf(input.generatedAt, input.timeZone)}`;
  const sections = Object.entries(input.tables)
    .filter(([, rows]) => rows.length > 0)
    .map(([table, rows]) => {
      const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
      const heading = `<h2>${escape(label(table))} <small>${escape(table)} · ${String(rows.length)}</small></h2>`;
      // A wide table would squeeze every column to a letter: its rows read as field–value lists instead.
      if (columns.length > 7) {
        const cards = rows
          .map((row) => `<table class="card">${columns.map((column) => `<tr><th>${escape(column)}</th><td>${cell(row[column])}</td></tr>`).join('')}</table>`)
          .join('');
        return `<section>${heading}${cards}</section>`;
      }
      const head = columns.map((column) => `<th>${escape(column)}</th>`).join('');
      const body = rows.map((row) => `<tr>${columns.map((column) => `<td>${cell(row[column])}</td>`).join('')}</tr>`).join('');
      return `<section>${heading}<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${input.language === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><title>${escape(t('privacy.copy.title', { id: input.customerId }))}</title>
<style>
@page { size: A4; margin: 14mm 12mm 16mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; } }
body { font-family: 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; font-size: 9pt; color: #111; }
h1 { font-size: 15pt; margin: 0 0 4pt; } h2 { font-size: 11pt; margin: 12pt 0 4pt; break-after: avoid; } h2 small { font-weight: normal; color: #666; font-size: 8pt; }
p.meta { color: #444; margin: 0 0 8pt; }
table { border-collapse: collapse; width: 100%; table-layout: auto; } th, td { border: 0.5pt solid #999; padding: 2pt 3pt; vertical-align: top; text-align: left; overflow-wrap: anywhere; word-break: break-word; }
th { background: #eef2f4; font-weight: 600; } tr { break-inside: avoid; }
img.signature { max-height: 24mm; max-width: 70mm; }
table.card { width: 100%; margin-bottom: 6pt; break-inside: avoid; } table.card th { width: 28%; white-space: nowrap; }
</style></head>
<body class="paper-a4"><h1>${escape(t('privacy.copy.title', { id: input.customerId }))}</h1>
<p class="meta">${escape(input.clinicName)} · ${escape(t('privacy.copy.meta', { when, by: input.by }))}</p>
<p class="meta">${escape(t('privacy.copy.intro'))}</p>
${sections}
</body></html>`;
}
