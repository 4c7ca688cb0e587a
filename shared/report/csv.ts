/**
 * A report table as CSV for Excel: UTF-8 with a byte-order mark (without it Excel on a Chinese
 * Windows reads UTF-8 as GBK and the Chinese turns to mojibake), CRLF lines, RFC 4180 quoting.
 * A text cell that starts like a formula (`=`, `+`, `-`, `@`) is prefixed with `'`, so a name or a
 * reason typed as `=HYPERLINK(…)` stays text in Excel instead of running.
 */
import type { ReportCell, ReportTable } from '../contract/report';

export const CSV_BOM = '\uFEFF';

function field(cell: ReportCell, text: boolean): string {
  if (cell === null) return '';
  let value = typeof cell === 'number' ? String(cell) : cell;
  if (text && /^[=+\-@\t\r]/.test(value)) value = `'${value}`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The table as CSV text, header row first, beginning with the BOM. */
export function tableToCsv(table: ReportTable): string {
  const header = table.columns.map((column) => field(column.label, true)).join(',');
  const lines = table.rows.map((row) => row.map((cell, index) => field(cell, table.columns[index]?.unit === 'text')).join(','));
  return `${CSV_BOM}${[header, ...lines].join('\r\n')}\r\n`;
}

/** A file name for a table's CSV: `report-2026-11-23-2026-11-23-waits-byHour.csv`. */
export function csvFileName(from: string, to: string, section: string, table: string): string {
  return `report-${from}-${to}-${section}-${table}.csv`;
}

/** Parses CSV as `tableToCsv` writes it (BOM, quotes, CRLF) back into rows of fields. */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  for (let index = 0; index < body.length; index += 1) {
    const character = body[index]!;
    if (quoted) {
      if (character === '"' && body[index + 1] === '"') {
        value += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else value += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(value);
      value = '';
    } else if (character === '\r' && body[index + 1] === '\n') {
      row.push(value);
      rows.push(row);
      row = [];
      value = '';
      index += 1;
    } else value += character;
  }
  if (value !== '' || row.length > 0) rows.push([...row, value]);
  return rows;
}
