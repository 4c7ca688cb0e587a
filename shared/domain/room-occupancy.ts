/**
 * A room is taken while someone has been called to it, is on the way to it, or is in it
 * (consultation or pre-op exam). Calling another customer there is allowed — a doctor may see two
 * in a row — but the caller is warned first, naming who is there (issue 13 part 10).
 */
import type { VisitStatus } from './visits';

export const ROOM_HOLDING_STATUSES = ['called', 'escorting', 'in_consultation', 'pre_op_exam'] as const satisfies readonly VisitStatus[];

/** Whether a visit in this status holds its room. */
export function holdsRoom(status: VisitStatus): boolean {
  return (ROOM_HOLDING_STATUSES as readonly VisitStatus[]).includes(status);
}
