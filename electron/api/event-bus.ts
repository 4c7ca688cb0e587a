import type { ChangeNotice, EventName, EventPayload } from '../../shared/contract/events';

export type NoticeListener = (notice: ChangeNotice) => void;

/** The in-process hub of change notices; every transport subscribes and forwards. */
export interface EventBus {
  publish<Name extends EventName>(name: Name, payload: EventPayload<Name>): void;
  /** Returns the unsubscribe. */
  subscribe(listener: NoticeListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<NoticeListener>();
  return {
    publish(name, payload) {
      const notice = { name, payload } as ChangeNotice;
      for (const listener of [...listeners]) {
        try {
          listener(notice);
        } catch (error) {
          console.error('[events] a listener failed', error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
