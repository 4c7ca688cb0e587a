/**
 * Prints an escort's directions slip through the printing path the appointment slip uses: in the
 * browser mode the slip page (`/print/directions/<id>`) in a hidden frame and the browser's dialog;
 * on the desktop the same HTML (from `escorts.directions`) in a hidden frame, as a customer's copy is.
 */
import type { SlipPaper } from '../../../shared/domain/settings';
import type { Language } from '../../../shared/i18n/messages';
import type { ApiClient } from '../../client/api-client';
import { loadForPrinting, loadHtmlForPrinting } from '../printing/print-in-frame';

export function directionsUrl(escortId: number, paper: SlipPaper, language: Language): string {
  return `/print/directions/${escortId}?paper=${paper}&lang=${language === 'en' ? 'en' : 'zh-CN'}`;
}

export async function printDirections(api: ApiClient, escortId: number, paper: SlipPaper, language: Language): Promise<void> {
  if (location.protocol.startsWith('http')) {
    const open = await loadForPrinting(directionsUrl(escortId, paper, language));
    open();
    return;
  }
  const { html } = await api.call('escorts.directions', { escortId, paper, language });
  (await loadHtmlForPrinting(html))();
}
