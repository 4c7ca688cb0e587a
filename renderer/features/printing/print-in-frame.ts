/**
 * The browser mode's printing: the slip page (`/print/slip/<id>`, signed in by the session
 * cookie) is loaded into a hidden same-origin frame and printed through the browser's own dialog.
 */
import { ApiCallError } from '../../../shared/contract/errors';
import type { SlipPaper } from '../../../shared/domain/settings';
import type { Language } from '../../../shared/i18n/messages';

/** The URL of a slip in the browser mode. */
export function slipUrl(appointmentId: number, paper: SlipPaper, language: Language): string {
  return `/print/slip/${appointmentId}?paper=${paper}&lang=${language === 'en' ? 'en' : 'zh-CN'}`;
}

/**
 * Loads `url` in a hidden frame; resolves with a function that opens the print dialog, or rejects
 * with the page's own message when the server refused (signed out, not allowed, not found).
 */
export function loadForPrinting(url: string): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0' });
    const remove = () => {
      frame.remove();
    };
    frame.addEventListener('load', () => {
      const document = frame.contentDocument;
      const view = frame.contentWindow;
      // A slip's body says its paper (`paper-80mm`); the manager's report's says `report-a4`.
      if (!document || !view || !/\b(paper-|report-a4)/.test(document.body.className)) {
        const message = document?.querySelector('p')?.textContent ?? '';
        remove();
        reject(new ApiCallError({ code: 'internal', message: message || 'The slip could not be loaded' }));
        return;
      }
      resolve(() => {
        view.addEventListener('afterprint', () => setTimeout(remove, 0), { once: true });
        // Browsers whose print() returns at once still fire afterprint; this is a last resort.
        setTimeout(remove, 120_000);
        view.focus();
        view.print();
      });
    });
    frame.src = url;
    window.document.body.appendChild(frame);
  });
}

/**
 * A document made in the page (a customer's copy of her data) loaded into a hidden frame; resolves
 * with a function that opens the print dialog (where "Save as PDF" makes the file she is given).
 */
export function loadHtmlForPrinting(html: string): Promise<() => void> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0' });
    frame.addEventListener('load', () => {
      const view = frame.contentWindow;
      resolve(() => {
        if (!view) return;
        view.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0), { once: true });
        setTimeout(() => frame.remove(), 120_000);
        view.focus();
        view.print();
      });
    });
    frame.srcdoc = html;
    window.document.body.appendChild(frame);
  });
}
