import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 1000;

/**
 * Calls `onIdle` once nobody has touched the console for `minutes` (the idle-lock setting, 5 by
 * default). Activity only stamps a time; one slow interval compares it, so typing costs nothing.
 */
export function useIdleLock(minutes: number, enabled: boolean, onIdle: () => void): void {
  const lastActivity = useRef(0);
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled) return;
    lastActivity.current = Date.now();
    const stamp = () => {
      lastActivity.current = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, stamp, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= minutes * 60_000) callback.current();
    }, CHECK_EVERY_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, stamp, { capture: true });
      window.clearInterval(timer);
    };
  }, [minutes, enabled]);
}
