import { useEffect, useRef } from 'react';

/**
 * A desk scanner types a whole code within a few dozen milliseconds; people type slower. Gaps are
 * measured on the events' own time stamps. A loaded PC may still deliver a scan's keys late and
 * unevenly, so a slow burst that reads as a slip code (`looksLikeCode`) counts as a scan too.
 */
const MAX_SCANNER_GAP_MS = 80;
/** A pause this long starts over: what was typed before it belongs to nothing. */
const RESET_AFTER_MS = 1500;
const MIN_LENGTH = 4;

/**
 * Calls `onScan` with what a barcode/QR scanner typed, wherever the focus is on the board (not in
 * a text field, where the field itself receives it): reception need not click anything first.
 */
export function useScanner(onScan: (text: string) => void, looksLikeCode: (text: string) => boolean = () => false, enabled = true): void {
  const buffer = useRef({ text: '', last: -Infinity, fast: true });
  const callbacks = useRef({ onScan, looksLikeCode });
  useEffect(() => {
    callbacks.current = { onScan, looksLikeCode };
  }, [onScan, looksLikeCode]);

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const now = event.timeStamp;
      const state = buffer.current;
      const gap = now - state.last;
      if (gap > RESET_AFTER_MS) {
        state.text = '';
        state.fast = true;
      } else if (state.text !== '' && gap > MAX_SCANNER_GAP_MS) {
        state.fast = false;
      }
      state.last = now;
      if (event.key === 'Enter') {
        const text = state.text;
        if (text.length >= MIN_LENGTH && (state.fast || callbacks.current.looksLikeCode(text))) {
          event.preventDefault();
          callbacks.current.onScan(text);
        }
        state.text = '';
        state.fast = true;
      } else if (event.key.length === 1) {
        state.text += event.key;
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
