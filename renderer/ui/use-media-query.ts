import { useCallback, useSyncExternalStore } from 'react';

/**
 * One `MediaQueryList` per query for the page's life: `matchMedia` builds a new one on every call
 * (a style lookup), and React asks the snapshot on every render of every component that uses the
 * hook — a push to the board re-rendered a few dozen (2–3 ms of `matchMedia` in a CPU profile of
 * fifteen pushes, docs/performance.md). Its `matches` follows the screen; `change` says when.
 */
const lists = new Map<string, MediaQueryList>();
function listFor(query: string): MediaQueryList {
  let list = lists.get(query);
  if (!list) lists.set(query, (list = window.matchMedia(query)));
  return list;
}

/** Whether a CSS media query matches now, re-rendering when it changes (a setting, a rotation). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = listFor(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => listFor(query).matches, () => false);
}
