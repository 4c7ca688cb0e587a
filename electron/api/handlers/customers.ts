import type { HandlersOf } from '../context';
import type { Services } from './services';

/** The customers handlers (filled in by the customers feature). */
export function createCustomerHandlers(_services: Services): HandlersOf<'customers'> {
  return {};
}
