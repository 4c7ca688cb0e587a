import type { AppointmentDetail, AppointmentRow } from '../../shared/contract/appointments';
import type { AppointmentRecord } from '../db/repositories/appointments';

/** The joined row as the contract shows it. */
export function toAppointmentRow(row: AppointmentRecord): AppointmentRow {
  return {
    id: row.id,
    startsAt: row.starts_at,
    durationMinutes: row.duration_minutes,
    status: row.status,
    kind: row.kind,
    channel: row.channel,
    customer: { id: row.customer_id, name: row.customer_name, addressForm: row.address_form, returning: Boolean(row.returning) },
    item: row.item_id === null ? null : { id: row.item_id, nameZh: row.item_name ?? '', nameEn: row.item_name_en ?? '' },
    doctor: row.doctor_id === null ? null : { id: row.doctor_id, name: row.doctor_name ?? '' },
    room:
      row.room_id === null
        ? null
        : { id: row.room_id, name: row.room_name ?? '', nameEn: row.room_name_en ?? '', floor: row.room_floor ?? 0 },
    visit: row.visit_ticket === null || row.visit_status === null ? null : { ticket: row.visit_ticket, status: row.visit_status },
  };
}

export function toAppointmentDetail(
  row: AppointmentRecord & {
    notes: string;
    cancel_reason: string | null;
    confirmed_at: string | null;
    override_by: number | null;
    confirmed_by_name: string | null;
  },
  calls: { outcome: AppointmentDetail['calls'][number]['outcome']; note: string; called_at: string; staff_name: string }[],
): AppointmentDetail {
  return {
    ...toAppointmentRow(row),
    version: row.version,
    bring: row.bring,
    notes: row.notes,
    cancelReason: row.cancel_reason,
    confirmedAt: row.confirmed_at,
    confirmedBy: row.confirmed_by_name,
    overridden: row.override_by !== null,
    calls: calls.map((call) => ({ outcome: call.outcome, note: call.note, calledAt: call.called_at, staffName: call.staff_name })),
  };
}
