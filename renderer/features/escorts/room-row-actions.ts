/**
 * Extra actions on a customer's row in the room view: other features add theirs here (e.g. "close
 * the consultation with an outcome", a follow-up's "consultant seen") without editing the view.
 * Register once at module load; the view renders every registered action whose `shows` says yes.
 *
 * @example
 * registerRoomRowAction({ key: 'outcome', order: 10, shows: (row) => row.place === 'inside', render: (row) => <OutcomeButton visitId={row.escort.visitId} /> });
 */
import type { ReactNode } from 'react';
import type { EscortView } from '../../../shared/contract/escorts';

export interface RoomRow {
  escort: EscortView;
  /** Where the customer is relative to this room. */
  place: 'coming' | 'atDoor' | 'inside';
}

export interface RoomRowAction {
  key: string;
  /** Lower first; the view's own buttons come before every registered one. */
  order: number;
  shows(row: RoomRow): boolean;
  render(row: RoomRow): ReactNode;
}

const actions: RoomRowAction[] = [];

/** Adds an action to every room row it `shows` on; a second registration of a key replaces the first. */
export function registerRoomRowAction(action: RoomRowAction): void {
  const index = actions.findIndex((each) => each.key === action.key);
  if (index >= 0) actions.splice(index, 1, action);
  else actions.push(action);
  actions.sort((a, b) => a.order - b.order);
}

/** The registered actions for a row, in order. */
export function roomRowActions(row: RoomRow): RoomRowAction[] {
  return actions.filter((action) => action.shows(row));
}
