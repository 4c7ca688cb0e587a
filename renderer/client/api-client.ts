/**
 * The one client of the contract. It picks the transport — the desktop preload's bridge when
 * present, HTTP otherwise — and no other renderer file knows which. Method names, inputs and
 * outputs are typed from the contract itself.
 */
import { ApiCallError } from '../../shared/contract/errors';
import type { ChangeNotice } from '../../shared/contract/events';
import type { InputOf, MethodName, OutputOf } from '../../shared/contract/index';
import { translate, type Language } from '../../shared/i18n/messages';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import type { ConnectionHandler, Transport } from './transport';

export interface ApiClient {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  onNotice(handler: (notice: ChangeNotice) => void): () => void;
  onConnection(handler: ConnectionHandler): () => void;
  /** The server ended the session (signed out elsewhere, expired) before a call found out. */
  onSignedOut(handler: () => void): () => void;
  /** Forget the session on this device (after sign-out or lock). */
  forgetSession(): void;
  readonly hasSession: boolean;
}

export function createApiClient(transport: Transport, language: () => Language): ApiClient {
  let hasSession = transport.hasToken();
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
        if (result.error.code === 'unauthenticated' && method !== 'auth.signIn') {
          hasSession = false;
          transport.setToken(null);
        }
        throw new ApiCallError(result.error);
      }
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
    forgetSession() {
      hasSession = false;
      transport.setToken(null);
    },
    get hasSession() {
      return hasSession;
    },
  };
}

/** The transport this renderer runs on; the lobby display page may resume a remembered session. */
export function pickTransport(options: { displayPage?: boolean } = {}): Transport {
  return window.frontdesk ? createIpcTransport(window.frontdesk) : createHttpTransport('', { useRemembered: options.displayPage ?? false });
}
