/**
 * Arrivals (seed 000 step 5): check-in with the day's ticket, the visit's status moves, and the
 * queue board's snapshot with every wait figure computed from the status events.
 */
import type { Kysely, Transaction } from 'kysely';
import type { BoardCard } from '../../shared/contract/visits';
import { AppError } from '../../shared/contract/errors';
import { clinicDateOf, type ClinicDate } from '../../shared/domain/clinic-time';
import { canTransition, formatTicket, minutesLate, TICKET_PREFIX, type VisitKind, type VisitStatus } from '../../shared/domain/visits';
import { findAppointmentForCheckIn, markAppointmentCheckedIn, markAppointmentCompleted } from '../db/repositories/appointments';
import { findCustomer, recordCustomerVisit } from '../db/repositories/customers';
import { readSettings } from '../db/repositories/settings';
import { findOpenVisitOfCustomer, findVisit, insertVisit, insertVisitEvent, moveVisit, nextTicketNumber } from '../db/repositories/visits';
import type { Database } from '../db/schema';
import { readBoardCards } from './board-cards';
import { followVisitMove, startComfortTasks } from './comfort-service';
import { followVisitMoveWithEscort } from './escort-moves';
import { checkFollowUpClose } from './follow-up-service';
import { requireOpenAppointment } from './require-open-appointment';

type Db = Kysely<Database> | Transaction<Database>;

export type CheckInInput = { appointmentId: number } | { walkIn: { customerId: number; doctorId?: number | undefined; itemId?: number | undefined } };

export interface CheckInResult {
  visitId: number;
  ticket: string;
  greeting: { addressForm: string | null; name: string; lastVisitAt: string | null; notes: string };
  minutesLate: number | null;
}

export interface VisitService {
  checkIn(db: Db, input: CheckInInput, staffId: number, now: Date): Promise<CheckInResult>;
  transition(db: Db, input: { visitId: number; to: VisitStatus; expectedVersion?: number | undefined; roomId?: number | undefined; note?: string | undefined }, staffId: number, now: Date): Promise<{ card: BoardCard; from: VisitStatus }>;
  board(db: Db, date: ClinicDate | undefined, now: Date): Promise<{ date: ClinicDate; cards: BoardCard[] }>;
  /** The current cards of the given visits (those that exist), in the board's form. */
  cards(db: Db, ids: readonly number[], now: Date): Promise<BoardCard[]>;
}

export function createVisitService(): VisitService {
  return {
    async checkIn(db, input, staffId, now) {
      const { timeZone } = await readSettings(db);
      const today = clinicDateOf(now, timeZone);
      const arrivedAt = now.toISOString();
      let visit: { customerId: number; kind: VisitKind; appointmentId: number | null; doctorId: number | null; roomId: number | null; itemId: number | null; startsAt: string | null; appointmentKind: string | null };

      if ('appointmentId' in input) {
        // The appointment with the visit it may already have, in one read.
        const appointment = await findAppointmentForCheckIn(db, input.appointmentId);
        if (!appointment) throw new AppError('not_found', 'visits.noSuchAppointment', { path: ['appointmentId'], params: { id: input.appointmentId } });
        if (appointment.earlier_visit_id !== null) {
          const ticket = appointment.earlier_ticket ?? '';
          throw new AppError('conflict', 'visits.alreadyCheckedIn', { params: { ticket }, details: { visitId: appointment.earlier_visit_id, ticket } });
        }
        if (clinicDateOf(appointment.starts_at, timeZone) !== today) {
          throw new AppError('conflict', 'visits.notToday', { path: ['appointmentId'], params: { date: clinicDateOf(appointment.starts_at, timeZone) } });
        }
        requireOpenAppointment(appointment, 'appointments.action.checkIn');
        await markAppointmentCheckedIn(db, appointment.id, appointment.version + 1, arrivedAt);
        visit = {
          customerId: appointment.customer_id,
          kind: appointment.kind === 'followup' ? 'followup' : 'appointment',
          appointmentId: appointment.id,
          doctorId: appointment.doctor_id,
          roomId: appointment.room_id,
          itemId: appointment.item_id,
          startsAt: appointment.starts_at,
          appointmentKind: appointment.kind,
        };
      } else {
        visit = { customerId: input.walkIn.customerId, kind: 'walk_in', appointmentId: null, doctorId: input.walkIn.doctorId ?? null, roomId: null, itemId: input.walkIn.itemId ?? null, startsAt: null, appointmentKind: null };
      }

      const customer = await findCustomer(db, visit.customerId);
      if (!customer) throw new AppError('not_found', 'error.notFound', { path: ['walkIn', 'customerId'] });
      // One open visit a customer a day (issue 13): already here under a ticket — a walk-in typed in
      // a hurry, her appointment checked in after she came in as a walk-in — is named, not doubled.
      // The database enforces it too (visits_one_open_a_day); within the transaction this read decides.
      const open = await findOpenVisitOfCustomer(db, customer.id, today);
      if (open) {
        throw new AppError('conflict', 'visits.customerAlreadyHere', {
          path: 'walkIn' in input ? ['walkIn', 'customerId'] : ['appointmentId'],
          params: { ticket: open.ticket, status: `visits.status.${open.status}` },
          details: { visitId: open.id, ticket: open.ticket, currentStatus: open.status },
        });
      }
      const prefix = TICKET_PREFIX[visit.kind];
      const ticket = formatTicket(prefix, await nextTicketNumber(db, today, prefix));
      const visitId = await insertVisit(db, {
        clinic_date: today,
        appointment_id: visit.appointmentId,
        customer_id: visit.customerId,
        kind: visit.kind,
        ticket,
        status: 'waiting',
        doctor_id: visit.doctorId,
        room_id: visit.roomId,
        item_id: visit.itemId,
        arrived_at: arrivedAt,
        checked_in_by: staffId,
      });
      await insertVisitEvent(db, { visitId, from: null, to: 'waiting', at: arrivedAt, staffId });
      await startComfortTasks(db, { id: visitId, tags: JSON.parse(customer.tags) as string[], appointmentKind: visit.appointmentKind }, staffId, now);
      const lastVisitAt = customer.last_visit_at ?? null;
      await recordCustomerVisit(db, customer.id, arrivedAt);
      return {
        visitId,
        ticket,
        greeting: { addressForm: customer.address_form, name: customer.name, lastVisitAt, notes: customer.notes },
        minutesLate: visit.startsAt ? minutesLate(visit.startsAt, arrivedAt) : null,
      };
    },

    async transition(db, input, staffId, now) {
      const visit = await findVisit(db, input.visitId);
      if (!visit) throw new AppError('not_found', 'error.notFound', { path: ['visitId'] });
      const refuse = (status: VisitStatus) =>
        new AppError('conflict', 'visits.wrongTransition', {
          params: { from: `visits.status.${status}`, to: `visits.status.${input.to}` },
          details: { currentStatus: status },
        });
      if (input.expectedVersion !== undefined && input.expectedVersion !== visit.version) throw refuse(visit.status);
      if (!canTransition(visit.status, input.to)) throw refuse(visit.status);
      // seed 004 rules 11 and 23: a follow-up visit closes only after the consultant, 5 minutes or a reason.
      if (input.to === 'done') await checkFollowUpClose(db, visit, input.note, now);
      if (!(await moveVisit(db, visit.id, visit.status, input.to, input.roomId))) {
        const current = await findVisit(db, visit.id);
        throw refuse(current?.status ?? visit.status);
      }
      await insertVisitEvent(db, { visitId: visit.id, from: visit.status, to: input.to, at: now.toISOString(), staffId, roomId: input.roomId ?? null, note: input.note ?? '' });
      await followVisitMove(db, visit.id, visit.status, input.to, staffId, now);
      // issue 14: a move to another place requests an escort; one the move makes moot is cancelled.
      await followVisitMoveWithEscort(db, visit, visit.status, input.to, input.roomId, staffId, now);
      if (input.to === 'done' && visit.appointment_id !== null) {
        await markAppointmentCompleted(db, visit.appointment_id, now.toISOString());
      }
      const [card] = await readBoardCards(db, { ids: [visit.id] }, now);
      if (!card) throw new Error('a moved visit vanished');
      return { card, from: visit.status };
    },

    async board(db, date, now) {
      const { timeZone } = await readSettings(db);
      const day = date ?? clinicDateOf(now, timeZone);
      return { date: day, cards: await readBoardCards(db, { day }, now) };
    },

    cards: (db, ids, now) => readBoardCards(db, { ids }, now),
  };
}
