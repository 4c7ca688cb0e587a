/**
 * The Web Notifications API in the browser mode: system alerts from the page, where the browser
 * allows them (a secure context: localhost or HTTPS) and the person turned them on from the centre.
 * Never asked for on load.
 */
export type WebAlertPermission = 'unsupported' | NotificationPermission;

/** What the browser allows now. */
export function webAlertPermission(): WebAlertPermission {
  if (typeof window.Notification === 'undefined' || !window.isSecureContext) return 'unsupported';
  return window.Notification.permission;
}

/** Asks the browser once (from a click: browsers ignore a request without one). */
export async function askWebAlertPermission(): Promise<WebAlertPermission> {
  if (webAlertPermission() === 'unsupported') return 'unsupported';
  try {
    return await window.Notification.requestPermission();
  } catch {
    return webAlertPermission();
  }
}

/** Shows one alert; a click brings the console forward and runs `onClick`. */
export function showWebAlert(alert: { tag: string; title: string; body: string; lang: string }, onClick: () => void): void {
  if (webAlertPermission() !== 'granted') return;
  try {
    const shown = new window.Notification(alert.title, { body: alert.body, tag: alert.tag, lang: alert.lang });
    shown.onclick = () => {
      window.focus();
      onClick();
      shown.close();
    };
  } catch {
    // Some browsers (Android Chrome) only allow notifications from a service worker: the toast remains.
  }
}
