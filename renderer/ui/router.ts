/**
 * Hash routes (`#/customers/12`): they work the same from the desktop app's app:// scheme and from
 * the browser mode, survive a reload, and need no server configuration.
 */
import { useCallback, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const read = () => window.location.hash.replace(/^#/, '') || '/';

/** The current route's segments (`['customers', '12']`) and a way to go elsewhere. */
export function useHashRoute(): { segments: string[]; navigate(path: string): void } {
  const path = useSyncExternalStore(subscribe, read, read);
  const navigate = useCallback((to: string) => {
    window.location.hash = to.startsWith('/') ? to : `/${to}`;
  }, []);
  return { segments: path.split('/').filter(Boolean).map(decodeURIComponent), navigate };
}
