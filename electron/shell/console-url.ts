/**
 * Where the console lives inside the desktop app: the privileged `app://console` origin, served
 * from the built renderer. Every check of "is this our own page?" goes through `isConsoleUrl`.
 */
export const APP_SCHEME = 'app';
export const CONSOLE_HOST = 'console';
export const CONSOLE_URL = `${APP_SCHEME}://${CONSOLE_HOST}/index.html`;
/** The lobby display page (masked names only), shown full screen on a second monitor. */
export const DISPLAY_URL = `${APP_SCHEME}://${CONSOLE_HOST}/display`;

/**
 * True when `url` is on the console's own origin. Compares scheme and host rather than
 * `URL.origin`, which Node reports as `"null"` for schemes it does not know.
 *
 * @example isConsoleUrl('app://console/display') // true
 * @example isConsoleUrl('https://evil.example/') // false
 */
export function isConsoleUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === CONSOLE_HOST;
  } catch {
    return false;
  }
}
