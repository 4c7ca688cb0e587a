import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useCoarsePointer } from './use-coarse-pointer';

/**
 * A line naming a page's keyboard shortcuts ("F2 check in · F4 walk-in"). Left out on a touch
 * device (issue 13): a tablet has no F-keys, and the line would only take room from the page.
 */
export function ShortcutHint({ children }: { children: ReactNode }) {
  const touch = useCoarsePointer();
  if (touch) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {children}
    </Typography.Text>
  );
}

/** `label (keys)` on a keyboard device, `label` alone on a touch one. */
export function useWithShortcut(): (label: string, keys: string) => string {
  const touch = useCoarsePointer();
  return (label, keys) => (touch ? label : `${label} (${keys})`);
}
