/**
 * The board's moves: one for all its cards, provided by the board page. Each card used to carry
 * its own: a mutation observer, the room check, the toast and modal hooks, and for a follow-up a
 * closed "why so quick" dialog with its text box (a heap snapshot of the bench's board: 21 closed
 * dialogs and ~100 mutation observers for ~50 cards drawn). A card now reads the one `go` and
 * whether its own move is on its way.
 */
import { App } from 'antd';
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { ApiCallError } from '../../../shared/contract/errors';
import type { BoardCard as Card } from '../../../shared/contract/visits';
import type { VisitStatus } from '../../../shared/domain/visits';
import { useApiMutation } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { CloseFollowUpDialog } from '../follow-ups/consultant-step';
import { useRoomCheck } from './use-room-check';

export interface CardMoves {
  /** Moves a card, with the version it was read at (two staff: one wins), and says so. */
  go(card: Card, to: VisitStatus, note?: string): Promise<void>;
  /** Whether this card's move is on its way (its buttons wait; a second press does nothing). */
  isPending(visitId: number): boolean;
  subscribe(onChange: () => void): () => void;
}

const CardMovesContext = createContext<CardMoves | null>(null);

/** The cards whose move is on its way, and who to tell when that changes. */
function pendingSet() {
  const ids = new Set<number>();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  return {
    has: (id: number) => ids.has(id),
    add: (id: number) => (ids.add(id), changed()),
    delete: (id: number) => (ids.delete(id), changed()),
    subscribe: (listener: () => void) => (listeners.add(listener), () => void listeners.delete(listener)),
  };
}

/**
 * The board page's moves (its cards' buttons and its keyboard use the same) and the one dialog
 * that asks why a follow-up closed so soon. `go` keeps its identity, so the cards never re-render
 * for it.
 */
export function useCardMoves(): { moves: CardMoves; reasonDialog: ReactNode } {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { mutateAsync } = useApiMutation('visits.transition');
  const roomCheck = useRoomCheck();
  // seed 004 rule 11: a follow-up closed within 5 minutes of the consultant's start asks for the reason.
  const [reasonFor, setReasonFor] = useState<Card | null>(null);
  // What `go` calls: the latest of each, read when a move is made.
  const latest = useRef({ t, message, mutateAsync, roomCheck });
  useEffect(() => {
    latest.current = { t, message, mutateAsync, roomCheck };
  });
  const [moves] = useState<CardMoves>(() => {
    const pending = pendingSet();
    return {
      isPending: pending.has,
      subscribe: pending.subscribe,
      async go(card, to, note) {
        if (pending.has(card.visitId)) return;
        const { t: translate, message: toast, mutateAsync: send, roomCheck: checkRoom } = latest.current;
        pending.add(card.visitId);
        try {
          // Calling to a room someone is in or on the way to: asked first, naming them (issue 13 part 10).
          if (to === 'called' && !(await checkRoom(card.visitId))) return;
          await send({ visitId: card.visitId, to, expectedVersion: card.version, ...(note ? { note } : {}) });
          void toast.success(translate('visits.moved', { ticket: card.ticket, status: translate(`visits.status.${to}`) }));
        } catch (caught) {
          const reason = caught instanceof ApiCallError ? caught.details?.['reason'] : undefined;
          if (to === 'done' && !note && reason === 'reasonNeeded') setReasonFor(card);
          else void toast.error(errorMessage(caught, translate));
        } finally {
          pending.delete(card.visitId);
        }
      },
    };
  });
  const reasonDialog = (
    <CloseFollowUpDialog
      key={reasonFor?.visitId ?? 0}
      open={reasonFor !== null}
      onCancel={() => setReasonFor(null)}
      onConfirm={(reason) => {
        if (reasonFor) void moves.go(reasonFor, 'done', reason);
        setReasonFor(null);
      }}
    />
  );
  return { moves, reasonDialog };
}

export function CardMovesProvider({ moves, children }: { moves: CardMoves; children: ReactNode }) {
  return <CardMovesContext.Provider value={moves}>{children}</CardMovesContext.Provider>;
}

/** A card's moves: the board's `go`, and whether this card's move is on its way. */
export function useCardMove(visitId: number): { go: CardMoves['go']; pending: boolean } {
  const moves = useContext(CardMovesContext);
  if (!moves) throw new Error('a board card needs the board page’s CardMovesProvider');
  const pending = useSyncExternalStore(moves.subscribe, () => moves.isPending(visitId));
  return { go: moves.go, pending };
}
