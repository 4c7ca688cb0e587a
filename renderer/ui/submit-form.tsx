/**
 * A form of the console's drawers: Enter in a field submits (the browser's own), and Ctrl/⌘+Enter
 * submits from anywhere inside it, notes and other text areas included.
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
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
