/**
 * The one client of the contract. It picks the transport — the desktop preload's bridge when
 * present, HTTP otherwise — and no other renderer file knows which. Method names, inputs and
 * outputs are typed from the contract itself.
 */
import { ApiCallError } from '../../shared/contract/errors';
import type { ChangeNotice } from '../../shared/contract/events';
import type { InputOf, MethodName, OutputOf } from '../../shared/contract/index';
import { methodFacts } from '../../shared/contract/method-table';
import { translate, type Language } from '../../shared/i18n/messages';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import type { ConnectionState, StreamStart, Transport } from './transport';
import type { DeviceLink } from './device-link';

export interface ApiClient {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  onNotice(handler: (notice: ChangeNotice) => void): () => void;
  onConnection(handler: (state: ConnectionState, start?: StreamStart) => void): () => void;
  /** The server ended the session (signed out elsewhere, expired) before a call found out. */
  onSignedOut(handler: () => void): () => void;
  /**
   * The server's disk is full (a change was answered `disk_full`) or has room again (a change went
   * through after that): the shell shows a banner saying what to do until then.
   */
  onDiskFull(handler: (full: boolean) => void): () => void;
  /** Forget the session on this device (after sign-out or lock). */
  forgetSession(): void;
  readonly hasSession: boolean;
  /** The browser's link to the console on the LAN (issue 15); null on the desktop. */
  readonly link: DeviceLink | null;
}

export function createApiClient(transport: Transport, language: () => Language): ApiClient {
  let hasSession = transport.hasToken();
  let diskFull = false;
  const diskFullHandlers = new Set<(full: boolean) => void>();
  const setDiskFull = (full: boolean) => {
    if (full === diskFull) return;
    diskFull = full;
    for (const handler of diskFullHandlers) handler(full);
  };
  transport.onSignedOut(() => {
    hasSession = false;
  });
  return {
    async call(method, input) {
      let result;
      try {
        result = await transport.call(method, input);
      } catch {
        throw new ApiCallError({ code: 'internal', message: translate(language(), 'error.network') });
      }
      if (!result.ok) {
        // Not sent, and not queued: said at once, in the user's language (issue 15).
        if (result.status === 0 && result.error.details?.offline === true) {
          throw new ApiCallError({ code: 'unavailable', message: translate(language(), 'devices.offline.refused'), details: { offline: true } });
        }
        if (result.error.code === 'unauthenticated' && method !== 'auth.signIn') {
          hasSession = false;
          transport.setToken(null);
        }
        if (result.error.code === 'disk_full') setDiskFull(true);
        throw new ApiCallError(result.error);
      }
      if (methodFacts(method)?.writes) setDiskFull(false);
      if (method === 'auth.signIn') {
        hasSession = true;
        const { token, staff } = result.value as { token: string; staff: { role: string } };
        // The lobby display stays signed in across reboots; people sign in per browser session.
        transport.setToken(token, { remember: staff.role === 'display' });
      } else if (method === 'auth.signOut') {
        hasSession = false;
        transport.setToken(null);
      }
      return result.value as never;
    },
    onNotice: (handler) => transport.onNotice(handler),
    onConnection: (handler) => transport.onConnection(handler),
    onSignedOut: (handler) => transport.onSignedOut(handler),
    onDiskFull(handler) {
      diskFullHandlers.add(handler);
      if (diskFull) handler(true);
      return () => diskFullHandlers.delete(handler);
    },
    forgetSession() {
      hasSession = false;
      transport.setToken(null);
    },
    get hasSession() {
      return hasSession;
    },
    link: transport.link ?? null,
  };
}

/** The transport this renderer runs on; the lobby display page may resume a remembered session. */
export function pickTransport(options: { displayPage?: boolean } = {}): Transport {
  return window.frontdesk ? createIpcTransport(window.frontdesk) : createHttpTransport('', { useRemembered: options.displayPage ?? false });
}
