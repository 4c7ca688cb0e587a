/**
 * The follow-up visit's checks on the room view's rows (seed 004 rules 11 and 23): an F customer
 * at the door or inside shows "consultant not seen yet" with the button that starts the
 * consultant step, then the follow-up timer, and the surgeon's look on day 2 and at stitch removal
 * while the surgeon is on shift.
 */
import { registerRoomRowAction } from '../escorts/room-row-actions';
import { ConsultantStepChip, isFollowUpTicket } from './consultant-step';

registerRoomRowAction({
  key: 'follow-up-checks',
  order: 20,
  shows: (row) => row.place !== 'coming' && isFollowUpTicket(row.escort.ticket),
  render: (row) => <ConsultantStepChip visitId={row.escort.visitId} now={Date.now} size="large" />,
});
