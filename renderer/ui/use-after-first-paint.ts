/**
 * False in the first render, true once the frame that render made has been painted.
 *
 * For what a screen can draw a moment later without anyone noticing, so that the first frame holds
 * what the screen is for. The console's navigation menu (antd's Menu, compiled and run for the
 * first time on a cold start) comes in the frame after the first page: interleaved cold loads of
 * the 300-card board, 2026-12-05 (docs/performance.md), took 38–49 ms less. Only for what takes a
 * fixed place (the menu fills the sider, whose width is set), so nothing moves when it arrives:
 * the board's toolbar deferred alike saved ~20 ms more but moved the lanes down 44 px (112 on a
 * tablet) a frame later, and was left as it was.
 */
import { useEffect, useState } from 'react';

export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The callback runs before the next frame is painted; the timer after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return painted;
}
