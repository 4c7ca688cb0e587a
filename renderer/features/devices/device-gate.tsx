/**
 * In front of everything in the browser mode (issue 15): a device the console does not know sees
 * only the pairing page; a removed one, the removed page; one that is offline keeps its screen
 * under a banner. The desktop app (IPC) always passes straight through.
 */
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useApi } from '../../client/api-context';
import { OfflineBanner } from './offline-banner';
import { PairingPage } from './pairing-page';
import { RemovedPage } from './removed-page';
import { useDeviceLink } from './use-device-link';

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
    return <RemovedPage onPairAgain={() => setPairAgain(true)} />;
  }
  if (link.device === 'unpaired' || (link.device === 'removed' && pairAgain)) return <PairingPage />;
  return (
    <div key={generation}>
      <OfflineBanner link={link} />
      {children}
    </div>
  );
}
