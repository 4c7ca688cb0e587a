import { useEffect, useState } from 'react';
import type { LinkState } from '../../client/device-link';
import { useApi } from '../../client/api-context';

const ALWAYS_LINKED: LinkState = { device: 'paired', offlineSince: null, queued: 0 };

/** The browser's link to the console (issue 15); on the desktop always linked and online. */
export function useDeviceLink(): LinkState {
  const api = useApi();
  const [state, setState] = useState<LinkState>(() => api.link?.state() ?? ALWAYS_LINKED);
  useEffect(() => {
    if (!api.link) return undefined;
    setState(api.link.state());
    return api.link.subscribe(setState);
  }, [api]);
  return state;
}
