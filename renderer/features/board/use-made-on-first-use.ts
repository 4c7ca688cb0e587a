/**
 * A card's menu or popover made only when first pressed: a board of 300 cards keeps a plain button
 * per card instead of 300 antd overlays (docs/performance.md). The first press makes it, open.
 */
import { useState } from 'react';

export function useMadeOnFirstUse() {
  const [made, setMade] = useState(false);
  const [open, setOpen] = useState(false);
  /** The plain button's click: undefined once the overlay is made (the overlay handles clicks then). */
  const onFirstPress = made
    ? undefined
    : () => {
        setMade(true);
        setOpen(true);
      };
  return { made, open, setOpen, onFirstPress };
}
