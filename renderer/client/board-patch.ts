/**
 * A `visits.changed` notice puts the cards it names in place on every board the console holds,
 * instead of reading the whole day again: on a 300-arrival day the snapshot is ~300 KB and its
 * re-render the most of a push's time (bench: check-in on one desk to its card on another).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { OutputOf } from '../../shared/contract/index';
import type { BoardCard } from '../../shared/contract/visits';
import type { ApiClient } from './api-client';

type Board = OutputOf<'visits.board'>;

/** More ids than one `visits.cards` call takes: the day is read again instead. */
const MAX_IDS = 100;

/**
 * The board with the cards read at `readAt` (the server's clock) in place of its own: a card of
 * the board's day replaces the one it has, unless the board's is newer; a new one joins in. The
 * snapshot keeps its own time, so a waiting card's minutes are counted back to it: the board
 * adds the minutes since its snapshot to every waiting card alike.
 */
export function mergeCards(board: Board, cards: readonly BoardCard[], readAt: string): Board {
  const minutesAhead = Math.round((Date.parse(readAt) - Date.parse(board.now)) / 60_000);
  const incoming = new Map(cards.filter((card) => card.clinicDate === board.date).map((card) => [card.visitId, card]));
  if (incoming.size === 0) return board;
  const rebased = (card: BoardCard): BoardCard => (card.status === 'waiting' && card.waitedMinutes !== null ? { ...card, waitedMinutes: card.waitedMinutes - minutesAhead } : card);
  const merged = board.cards.map((card) => {
    const fresh = incoming.get(card.visitId);
    if (!fresh) return card;
    incoming.delete(card.visitId);
    // A comfort task done does not move the visit's version: equal versions take the fresh card.
    return fresh.version >= card.version ? rebased(fresh) : card;
  });
  for (const fresh of incoming.values()) merged.push(rebased(fresh));
  return { ...board, cards: merged };
}

/** One patch at a time, in the order the notices came: a later answer never lands under an earlier one. */
let queue: Promise<void> = Promise.resolve();

/**
 * Patches every cached board with the current cards of `ids`; a board being read right now, or
 * one the patch cannot be read for, is read again whole instead.
 */
export function patchBoards(queryClient: QueryClient, api: ApiClient, ids: readonly number[]): Promise<void> {
  const run = async () => {
    const boards = queryClient.getQueryCache().findAll({ queryKey: ['visits.board'] });
    const readAgain = (predicate: (query: (typeof boards)[number]) => boolean) =>
      Promise.all(boards.filter(predicate).map((query) => queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true })));
    const patchable = boards.filter((query) => query.state.data !== undefined && query.state.fetchStatus === 'idle');
    if (patchable.length === 0 || ids.length === 0 || ids.length > MAX_IDS) {
      await readAgain(() => true);
      return;
    }
    await readAgain((query) => !patchable.includes(query));
    let read: OutputOf<'visits.cards'>;
    try {
      read = await api.call('visits.cards', { ids: [...ids] });
    } catch {
      await readAgain(() => true);
      return;
    }
    for (const query of patchable) {
      const board = query.state.data as Board | undefined;
      // Read again since the notice (a reconnect): what it brings is newer than the notice.
      if (!board || query.state.fetchStatus !== 'idle') continue;
      // The snapshot's own time stays: timers count from it (see mergeCards).
      queryClient.setQueryData<Board>(query.queryKey, mergeCards(board, read.cards, read.now), { updatedAt: query.state.dataUpdatedAt });
    }
  };
  queue = queue.then(run, run);
  // Settles when this patch (and every one queued before it) is done: for tests, and for callers
  // that want to wait; the event handler does not.
  return queue;
}
