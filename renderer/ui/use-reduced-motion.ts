import { useMediaQuery } from './use-media-query';

/**
 * Whether the machine asks for less motion (the operating system's "reduce motion" setting, WCAG
 * 2.3.3): the console then opens its lists, dialogs and menus at once, without antd's slide and
 * zoom. antd honours the setting only in a few components' own styles, not in these motions.
 */
export function usePrefersReducedMotion(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)');
}
