/**
 * What a browser on the clinic LAN knows about its own link to the console (issue 15): its
 * device token (kept across restarts, sent as a header, never in a URL), whether the console
 * says it is paired, unpaired or removed, since when it is offline, and the taps waiting to be
 * sent. One small store; the transport writes it, the device gate and the offline banner read it.
 */
import { DEVICE_TOKEN_KEY } from './storage-keys';

export type DeviceState = 'unknown' | 'paired' | 'unpaired' | 'removed';

export interface LinkState {
  device: DeviceState;
  /** When the link dropped (the device's clock), or null while online. */
  offlineSince: number | null;
  /** Writes made while offline, waiting to be sent. */
  queued: number;
}


export interface DeviceLink {
  state(): LinkState;
  subscribe(handler: (state: LinkState) => void): () => void;
  token(): string | null;
  /** Paired: the token is kept for every later call and stream. */
  paired(token: string): void;
  /** The console refused the token: `removed` by a manager, or never `unpaired`. */
  refused(why: 'unpaired' | 'removed'): void;
  setOffline(offline: boolean, now?: number): void;
  setQueued(count: number): void;
}

export function createDeviceLink(storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage): DeviceLink {
  let state: LinkState = { device: 'unknown', offlineSince: null, queued: 0 };
  const handlers = new Set<(state: LinkState) => void>();
  const set = (next: Partial<LinkState>) => {
    const merged = { ...state, ...next };
    if (merged.device === state.device && merged.offlineSince === state.offlineSince && merged.queued === state.queued) return;
    state = merged;
    for (const handler of handlers) handler(state);
  };
  return {
    state: () => state,
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    token: () => storage?.getItem(DEVICE_TOKEN_KEY) ?? null,
    paired(token) {
      storage?.setItem(DEVICE_TOKEN_KEY, token);
      set({ device: 'paired' });
    },
    refused(why) {
      if (why === 'removed') storage?.removeItem(DEVICE_TOKEN_KEY);
      // A removed device stays on its removed page until someone pairs it again.
      if (state.device === 'removed' && why === 'unpaired') return;
      set({ device: why });
    },
    setOffline(offline, now = Date.now()) {
      if (offline && state.offlineSince === null) set({ offlineSince: now });
      else if (!offline && state.offlineSince !== null) set({ offlineSince: null });
    },
    setQueued: (queued) => set({ queued }),
  };
}

/** A random idempotency key (crypto.getRandomValues works on plain-http LAN pages, randomUUID does not). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The writes a tap makes that may wait for the network: queued while offline and sent on
 * reconnect with their idempotency key. Any other write made offline is refused at once.
 */
export const QUEUEABLE_WHILE_OFFLINE: ReadonlySet<string> = new Set(['comfort.complete', 'comfort.add', 'visits.transition', 'notifications.markRead']);
