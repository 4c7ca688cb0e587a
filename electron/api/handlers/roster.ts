import type { HandlersOf } from '../context';
import type { Services } from './services';

/** The roster handlers (filled in by the roster feature). */
export function createRosterHandlers(_services: Services): HandlersOf<'roster'> {
  return {};
}
