import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../shared/contract/index';
import type { BoardCard } from '../../shared/contract/visits';
import type { ApiClient } from './api-client';
import { mergeCards, patchBoards } from './board-patch';

const card = (visitId: number, changes: Partial<BoardCard> = {}): BoardCard => ({
  visitId,
  clinicDate: '2026-11-23',
  version: 1,
  ticket: `A00${visitId}`,
  kind: 'appointment',
  status: 'waiting',
  priority: 0,
  arrivedAt: '2026-11-23T01:00:00.000Z',
  customer: { id: visitId, name: '王丽', addressForm: '王女士', tags: [] },
  item: null,
  doctor: null,
  room: null,
  appointmentStartsAt: null,
  waitingSince: '2026-11-23T01:00:00.000Z',
  statusSince: '2026-11-23T01:00:00.000Z',
  waitedMinutes: 10,
  waitLevel: 'normal',
  comfort: [],
  comfortCount: { done: 0, total: 0 },
  ...changes,
});
const board = (cards: BoardCard[]): OutputOf<'visits.board'> => ({ date: '2026-11-23', now: '2026-11-23T01:10:00.000Z', cards });

describe('a change notice’s cards on a board', () => {
  it('replace the board’s own, join it when new, and leave another day’s board alone', () => {
    const merged = mergeCards(board([card(1), card(2)]), [card(2, { status: 'called', version: 2, waitingSince: null, waitedMinutes: 12 }), card(3, { waitedMinutes: 0 }), card(4, { clinicDate: '2026-11-24' })], '2026-11-23T01:10:00.000Z');
    expect(merged.cards.map((entry) => [entry.visitId, entry.status])).toEqual([
      [1, 'waiting'],
      [2, 'called'],
      [3, 'waiting'],
    ]);
  });

  it('keep a card the board already has newer, and take a comfort change at the same version', () => {
    const kept = mergeCards(board([card(1, { version: 3, status: 'called' })]), [card(1, { version: 2 })], '2026-11-23T01:10:00.000Z');
    expect(kept.cards[0]).toMatchObject({ version: 3, status: 'called' });
    const ticked = mergeCards(board([card(1)]), [card(1, { comfortCount: { done: 1, total: 2 } })], '2026-11-23T01:10:00.000Z');
    expect(ticked.cards[0]!.comfortCount).toEqual({ done: 1, total: 2 });
  });

  it('count a waiting card’s minutes back to the snapshot’s time, so its timer reads right', () => {
    // Read 7 minutes after the snapshot, having waited 3: the board adds its 7 minutes to every waiting card.
    const merged = mergeCards(board([card(1)]), [card(2, { waitedMinutes: 3 })], '2026-11-23T01:17:00.000Z');
    expect(merged.cards[1]!.waitedMinutes! + 7).toBe(3);
    expect(merged.now).toBe('2026-11-23T01:10:00.000Z');
  });
});

describe('patching the cached boards', () => {
  const apiReturning = (cards: BoardCard[], calls: unknown[]) =>
    ({
      call: (method: string, input: unknown) => {
        calls.push([method, input]);
        return Promise.resolve({ cards, now: '2026-11-23T01:10:00.000Z' });
      },
    }) as unknown as ApiClient;

  it('reads only the named cards and keeps the snapshot’s time', async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(['visits.board', {}], board([card(1)]), { updatedAt: 1000 });
    const calls: unknown[] = [];
    await patchBoards(queryClient, apiReturning([card(1, { status: 'called', version: 2 })], calls), [1]);
    expect(calls).toEqual([['visits.cards', { ids: [1] }]]);
    expect(queryClient.getQueryData<OutputOf<'visits.board'>>(['visits.board', {}])!.cards[0]!.status).toBe('called');
    expect(queryClient.getQueryState(['visits.board', {}])!.dataUpdatedAt).toBe(1000);
  });

  it('marks the day to be read again when the cards cannot be read', async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(['visits.board', {}], board([card(1)]));
    const failing = { call: () => Promise.reject(new Error('offline')) } as unknown as ApiClient;
    await patchBoards(queryClient, failing, [1]);
    expect(queryClient.getQueryState(['visits.board', {}])!.isInvalidated).toBe(true);
    expect(queryClient.getQueryData<OutputOf<'visits.board'>>(['visits.board', {}])!.cards[0]!.status).toBe('waiting');
  });
});
