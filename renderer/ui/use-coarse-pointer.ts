import { useMediaQuery } from './use-media-query';

/**
 * Whether the main pointer is a finger (a guide's or a nurse's tablet): controls grow to 44 px and
 * keyboard-shortcut hints are left out, since there is no keyboard to press them on.
 */
export function useCoarsePointer(): boolean {
  return useMediaQuery('(pointer: coarse)');
}
