/**
 * The whole manager's report as one printable A4 document (issue 18, item 3): the clinic's name
 * and the period on every page, page numbers ("3 / 7") in the page margin (CSS margin boxes, which
 * Chromium and Electron's printToPDF draw), every section's figures, charts (SVG, drawn on the
 * server from the same options as the page) and tables. Customers appear by ticket and masked name
 * only: the report's data never holds more. Pure.
 */
import type { Report, ReportCell, ReportFigure, ReportUnit } from '../contract/report';
import { clinicDateOf, clinicTimeOf } from '../domain/clinic-time';
import { translate } from '../i18n/messages';
import { escapeHtml } from './appointment-slip';

/** Charts drawn as SVG, by `<section key>.<chart key>`. */
export type ChartSvgs = Record<string, string>;

/** A number as the report shows it: minutes and shares with one decimal, counts whole. */
export function formatCell(cell: ReportCell, unit: ReportUnit): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  if (unit === 'percent') return `${cell.toFixed(1)} %`;
  if (unit === 'minutes' || unit === 'score') return cell.toFixed(1);
  return String(cell);
}

function figureHtml(report: Report, figure: ReportFigure): string {
  const value = figure.value === null ? '—' : `${formatCell(figure.value, figure.unit)}${figure.unit === 'minutes' ? ` ${translate(report.language, 'report.unit.minutes')}` : ''}`;
  const previous = figure.previous === null ? '' : `<div class="prev">${escapeHtml(translate(report.language, 'report.previousValue', { value: formatCell(figure.previous, figure.unit) }))}</div>`;
  return `<div class="figure"><div class="label">${escapeHtml(figure.label)}</div><div class="value">${escapeHtml(value)}</div>${previous}</div>`;
}

/** The report as a complete HTML document for A4 paper. */
export function renderReportDocument(report: Report, charts: ChartSvgs): string {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(report.language, key, params);
  const period = report.from === report.to ? report.from : `${report.from} – ${report.to}`;
  const running = `${report.clinicName} · ${t('report.title')} · ${period}`;
  const sections = report.sections
    .map((section) => {
      const figures = section.figures.length ? `<div class="figures">${section.figures.map((figure) => figureHtml(report, figure)).join('')}</div>` : '';
      const chartBlocks = section.charts
        .map((chart) => {
          const svg = charts[`${section.key}.${chart.key}`];
          return svg ? `<figure class="chart"><figcaption>${escapeHtml(chart.title)}</figcaption>${svg}</figure>` : '';
        })
        .join('');
      const tables = section.tables
        .map((table) => {
          const head = table.columns.map((column) => `<th class="${column.unit === 'text' ? '' : 'num'}">${escapeHtml(column.label)}</th>`).join('');
          const body = table.rows.length
            ? table.rows
                .map((row) => `<tr>${row.map((cell, index) => {
                  const unit = table.columns[index]?.unit ?? 'text';
                  return `<td class="${unit === 'text' ? '' : 'num'}">${escapeHtml(formatCell(cell, unit))}</td>`;
                }).join('')}</tr>`)
                .join('')
            : `<tr><td colspan="${table.columns.length}" class="empty">${escapeHtml(t('report.emptyTable'))}</td></tr>`;
          return `<table><caption>${escapeHtml(table.title)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
        })
        .join('');
      return `<section><h2>${escapeHtml(section.title)}</h2><p class="note">${escapeHtml(section.note)}</p>${figures}${chartBlocks}${tables}</section>`;
    })
    .join('');
  const comparison = report.previous ? `<p class="meta">${escapeHtml(t('report.comparedWith', { from: report.previous.from, to: report.previous.to }))}</p>` : '';
  // The running header's text goes into CSS as a string: quotes and backslashes escaped.
  const cssText = running.replace(/[\\"]/g, (character) => `\\${character}`).replace(/[\r\n]/g, ' ');
  return `<!doctype html>
<html lang="${report.language}"><head><meta charset="utf-8"><title>${escapeHtml(running)}</title>
<style>
  @page { size: A4; margin: 16mm 14mm 16mm;
    @top-left { content: "${cssText}"; font-size: 8pt; color: #777; font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
    @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #777; font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; } }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #222; font-size: 9pt; margin: 0; }
  h1 { font-size: 17pt; margin: 0 0 2mm; }
  h2 { font-size: 12.5pt; margin: 0 0 1mm; border-bottom: 1.5px solid #3b7dd8; padding-bottom: 1mm; }
  .meta { color: #555; margin: 0 0 1mm; }
  section { margin-top: 6mm; }
  .note { color: #666; margin: 1mm 0 2mm; }
  .figures { display: flex; flex-wrap: wrap; gap: 2mm; margin-bottom: 2mm; }
  .figure { border: 1px solid #d7dce3; border-radius: 2mm; padding: 1.5mm 3mm; min-width: 30mm; break-inside: avoid; }
  .figure .label { color: #555; font-size: 8pt; }
  .figure .value { font-size: 14pt; font-weight: 700; }
  .figure .prev { color: #777; font-size: 7.5pt; }
  .chart { margin: 2mm 0; break-inside: avoid; }
  .chart figcaption { font-weight: 600; margin-bottom: 1mm; }
  .chart svg { width: 100%; height: auto; }
  table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 8pt; }
  caption { text-align: left; font-weight: 600; padding-bottom: 1mm; }
  th, td { border-bottom: 0.5px solid #ccd2da; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
  th { background: #f1f4f8; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .num { text-align: right; white-space: nowrap; }
  td:first-child, th:first-child { white-space: nowrap; }
  .empty { color: #888; text-align: center; }
</style></head>
<body class="report-a4">
<h1>${escapeHtml(report.clinicName)} · ${escapeHtml(t('report.title'))}</h1>
<p class="meta">${escapeHtml(t('report.period', { period }))} · ${escapeHtml(t('report.generatedAt', { at: `${clinicDateOf(report.generatedAt, report.timeZone)} ${clinicTimeOf(report.generatedAt, report.timeZone)}` }))}</p>
${comparison}
${sections}
</body></html>`;
}
