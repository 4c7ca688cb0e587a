/**
 * The server's clock as seen from this screen. Overdue states (a checklist past its time, a comfort
 * task past due) are decided by the server's clock: a lobby PC's or a tablet's own clock may be
 * minutes off, and `serve --demo-at` runs the clinic at another hour altogether. In the browser
 * mode `/api/health` says the server's `now`; the desktop app's renderer shares its machine's clock
 * with the core, so there the difference stays 0.
 */
import { useEffect, useState } from 'react';

let skewMs = 0;
let synced: Promise<void> | null = null;

/** Learns the server's clock once per page load (browser mode only; quietly 0 otherwise). */
export function syncServerClock(): Promise<void> {
  synced ??= (async () => {
    if (!location.protocol.startsWith('http')) return;
    try {
      const sent = Date.now();
      const response = await fetch('/api/health', { cache: 'no-store' });
      const received = Date.now();
      const body = (await response.json()) as { now?: unknown };
      if (typeof body.now === 'string' && !Number.isNaN(Date.parse(body.now))) skewMs = Date.parse(body.now) - (sent + received) / 2;
    } catch {
      // No health answer: the screen's own clock it is.
    }
  })();
  return synced;
}

/** The server's time now, by the last sync. */
export function serverNow(): number {
  return Date.now() + skewMs;
}

/** The server's time, re-read every `tickMs` (and once the first sync has answered). */
export function useServerNow(tickMs: number): Date {
  const [now, setNow] = useState(() => new Date(serverNow()));
  useEffect(() => {
    let live = true;
    void syncServerClock().then(() => live && setNow(new Date(serverNow())));
    const timer = window.setInterval(() => setNow(new Date(serverNow())), tickMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [tickMs]);
  return now;
}
