import { useSyncExternalStore } from 'react';
import type { LinkState } from '../../client/device-link';
import { useApi } from '../../client/api-context';

const ALWAYS_LINKED: LinkState = { device: 'paired', offlineSince: null, queued: 0 };
const NO_SUBSCRIPTION = () => () => undefined;

/** The browser's link to the console (issue 15); on the desktop always linked and online. */
export function useDeviceLink(): LinkState {
  const { link } = useApi();
  return useSyncExternalStore(
    link ? (onChange) => link.subscribe(onChange) : NO_SUBSCRIPTION,
    () => link?.state() ?? ALWAYS_LINKED,
  );
}
