/**
 * Whether this page is the lobby display: `/display` (the TV's browser, the desktop's second
 * screen `app://console/display`) or `#/display` (a hash route, like every other screen).
 */
export function isDisplayPath(location: Pick<Location, 'pathname' | 'hash'> = window.location): boolean {
  return /^\/display\/?$/.test(location.pathname) || /^#\/display(\/|$)/.test(location.hash);
}
