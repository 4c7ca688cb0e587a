import type { HandlersOf } from '../context';
import type { Services } from './services';

/** The lobby display: reads only, masked on the server. */
export function createDisplayHandlers(services: Services): HandlersOf<'display'> {
  return {
    'display.board': (_input, context) => services.display.board(context.db, context.now),
  };
}
