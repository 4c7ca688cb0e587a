import { useEffect, useRef } from 'react';

/**
 * A desk scanner types a whole code within a few dozen milliseconds; people type slower. Measured
 * on the events' own time stamps, so a busy page handling them late does not split a scan.
 */
const MAX_GAP_MS = 80;
const MIN_LENGTH = 4;

/**
 * Calls `onScan` with what a barcode/QR scanner typed, wherever the focus is on the board (not in
 * a text field, where the field itself receives it): reception need not click anything first.
 */
export function useScanner(onScan: (text: string) => void, enabled = true): void {
  const buffer = useRef({ text: '', last: 0 });
  const callback = useRef(onScan);
  useEffect(() => {
    callback.current = onScan;
  }, [onScan]);

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const now = event.timeStamp;
      const state = buffer.current;
      if (now - state.last > MAX_GAP_MS) state.text = '';
      state.last = now;
      if (event.key === 'Enter') {
        if (state.text.length >= MIN_LENGTH) {
          event.preventDefault();
          callback.current(state.text);
        }
        state.text = '';
      } else if (event.key.length === 1) {
        state.text += event.key;
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
