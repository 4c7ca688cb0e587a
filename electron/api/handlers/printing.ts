import type { HandlersOf } from '../context';
import type { Services } from './services';

/** The print handlers (filled in by the printing feature). */
export function createPrintHandlers(_services: Services): HandlersOf<'print'> {
  return {};
}
