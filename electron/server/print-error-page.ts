import { translate, type Language } from '../../shared/i18n/messages';
import { escapeHtml } from '../../shared/print/appointment-slip';

/** The page a print URL shows when it cannot show the slip (signed out, not allowed, unknown). */
export function printErrorPage(language: Language, message: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(
    translate(language, 'printing.error.title'),
  )}</title><style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:15vh auto;max-width:32em;color:#333}h1{font-size:1.2em}</style></head><body><h1>${escapeHtml(
    translate(language, 'printing.error.title'),
  )}</h1><p>${escapeHtml(message)}</p></body></html>`;
}
