import type { FrontdeskBridge, Transport } from './transport';

/** The desktop transport: the preload's bridge. The main process keeps the session itself. */
export function createIpcTransport(bridge: FrontdeskBridge): Transport {
  return {
    kind: 'ipc',
    call: (method, input) => bridge.call(method, input),
    onNotice: (handler) => bridge.on(handler),
    onConnection(handler) {
      handler('open');
      return () => undefined;
    },
    // The main process holds the session and says nothing when it ends: a call finds out.
    onSignedOut: () => () => undefined,
    setToken: () => undefined,
    // The main process holds each window's session; the renderer never sees a token.
    hasToken: () => false,
  };
}
