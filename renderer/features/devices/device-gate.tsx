/**
 * In front of everything in the browser mode (issue 15): a device the console does not know sees
 * only the pairing page; a removed one, the removed page; one that is offline keeps its screen
 * under a banner. The desktop app (IPC) always passes straight through.
 */
import type { ReactNode } from 'react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useApi } from '../../client/api-context';
import { OfflineBanner } from './offline-banner';
import { useDeviceLink } from './use-device-link';
import { withWholeStyles } from '../../ui/whole-styles';

// Seen by a tablet once, when it is paired or removed: chunks of their own, out of every desk's first screen.
const PairingPage = lazy(() => withWholeStyles(import('./pairing-page')).then((module) => ({ default: module.PairingPage })));
const RemovedPage = lazy(() => withWholeStyles(import('./removed-page')).then((module) => ({ default: module.RemovedPage })));

export function DeviceGate({ children }: { children: ReactNode }) {
  const api = useApi();
  const link = useDeviceLink();
  const [pairAgain, setPairAgain] = useState(false);
  // A newly paired device starts its screens afresh (the session check runs again).
  const [generation, setGeneration] = useState(0);
  const [lastDevice, setLastDevice] = useState(link.device);
  if (link.device !== lastDevice) {
    setLastDevice(link.device);
    if (link.device === 'paired' && (lastDevice === 'unpaired' || lastDevice === 'removed')) setGeneration((value) => value + 1);
  }
  // A removed device forgets whoever was signed in on it.
  useEffect(() => {
    if (link.device === 'removed') api.forgetSession();
  }, [api, link.device]);
  if (link.device === 'removed' && !pairAgain) {
    return (
      <Suspense fallback={null}>
        <RemovedPage onPairAgain={() => setPairAgain(true)} />
      </Suspense>
    );
  }
  if (link.device === 'unpaired' || (link.device === 'removed' && pairAgain)) {
    return (
      <Suspense fallback={null}>
        <PairingPage />
      </Suspense>
    );
  }
  return (
    <div key={generation}>
      <OfflineBanner link={link} />
      {children}
    </div>
  );
}
