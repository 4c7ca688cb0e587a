/**
 * The `app://` scheme: the console is served from its own privileged, secure origin
 * (`app://console`) rather than `file://`, so the CSP, same-origin rules and `fetch` behave as on
 * the web, and no other file on the disk is reachable.
 */
import { protocol } from 'electron';
import { APP_SCHEME } from './console-url';
import { respondFromRenderer } from './renderer-files';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps the compiled console between launches and reloads, as it does for https.
    // Without it every start compiles ~1.2 MB of script afresh: in a cold Chromium context, ~0.13 s of
    // module evaluation and most of the board's ~0.2 s first render (docs/performance.md, 2026-12-05).
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves `rendererDir` (the Vite build) on `app://console/`. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondFromRenderer(rendererDir, request));
}
