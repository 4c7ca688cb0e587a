/**
 * A form of the console's drawers: Enter in a plain text field submits (the browser's own), and
 * Ctrl/⌘+Enter submits from anywhere inside it, notes and other text areas included. Enter in a
 * picker or a select (date, time, doctor …) belongs to that control — it picks the typed time or
 * the highlighted option — and never submits the whole form (issue 13 part 4).
 */
import type { ReactNode } from 'react';

export function SubmitForm({ onSubmit, children }: { onSubmit(): unknown; children: ReactNode }) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        if (event.ctrlKey || event.metaKey) {
          event.preventDefault();
          void onSubmit();
        } else if (isInsideChooser(event.target)) {
          event.preventDefault();
        }
      }}
    >
      {children}
    </form>
  );
}

/** Whether an element is (inside) a control whose Enter chooses something: a picker, a select, a combobox. */
export function isInsideChooser(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('.ant-picker, .ant-select, [role="combobox"]') !== null;
}
