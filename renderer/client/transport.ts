/** What a transport gives the client: one call, and a stream of change notices. */
import type { ApiError } from '../../shared/contract/errors';
import type { ChangeNotice } from '../../shared/contract/events';
import type { DeviceLink } from './device-link';

export type CallResult = { ok: true; value: unknown } | { ok: false; status: number; error: ApiError };

export type ConnectionState = 'connecting' | 'open' | 'closed';

/**
 * How an opened stream caught up with what happened while it was away. `resumed`: the server
 * replayed every notice this client missed, so nothing needs asking again. `fresh`: a first
 * connection, or one the server could not resume (it restarted, or the client was away longer
 * than it keeps notices): whatever is shown must be asked for again.
 */
export type StreamStart = 'resumed' | 'fresh';

export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(method: string, input: unknown): Promise<CallResult>;
  /** Every change notice; returns the unsubscribe. */
  onNotice(handler: (notice: ChangeNotice) => void): () => void;
  /**
   * The notice stream's state, so the UI can say when it is offline and refresh on reconnect;
   * an `open` says how it caught up (`start`, absent when the transport cannot tell).
   */
  onConnection(handler: (state: ConnectionState, start?: StreamStart) => void): () => void;
  /**
   * The server says the session is over (signed out elsewhere, expired) before any call has
   * failed: the token is already forgotten. Returns the unsubscribe.
   */
  onSignedOut(handler: () => void): () => void;
  /**
   * The signed-in session changed (sign-in, sign-out, lock): the stream follows it. `remember`
   * keeps the token past the browser's session — the lobby display's, so a TV that reboots or a
   * browser that restarts finds itself signed in again without anybody typing a PIN.
   */
  setToken(token: string | null, options?: { remember?: boolean }): void;
  /** Whether a token is held (a reload of a signed-in tab, or a remembered lobby display). */
  hasToken(): boolean;
  /** The browser's link to the console on the LAN (issue 15); absent on the desktop (IPC). */
  link?: DeviceLink;
}

/** The desktop preload's bridge (electron/shell/preload.ts). */
export interface FrontdeskBridge {
  call(method: string, input: unknown): Promise<CallResult>;
  on(handler: (notice: ChangeNotice) => void): () => void;
}

declare global {
  interface Window {
    frontdesk?: FrontdeskBridge;
  }
}
