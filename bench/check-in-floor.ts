/**
 * The floor of a check-in: the reads and writes the visit service makes for an appointment's
 * arrival — the appointment with its earlier visit (one join), the appointment marked, the customer, her
 * open visit of the day (one a customer a day, issue 13), the day's ticket, the visit, its first event, its comfort tasks (one multi-row insert), the customer's last visit — as
 * prepared statements on raw better-sqlite3 in one transaction.
 */
import type BetterSqlite3 from 'better-sqlite3';

export function checkInFloor(sqlite: BetterSqlite3.Database, staffId: number, clinicDate: string): (appointmentId: number, now: Date) => void {
  const appointment = sqlite.prepare('SELECT a.*, v.id AS earlier_visit_id, v.ticket AS earlier_ticket FROM appointments a LEFT JOIN visits v ON v.appointment_id = a.id WHERE a.id = ?');
  const mark = sqlite.prepare("UPDATE appointments SET status = 'checked_in', version = ?, updated_at = ? WHERE id = ?");
  const customer = sqlite.prepare('SELECT id, name, address_form, phone, gender, birth_year, channel, notes, tags, last_visit_at, created_at, updated_at, version FROM customers WHERE id = ?');
  const openVisit = sqlite.prepare("SELECT id, ticket, status FROM visits WHERE customer_id = ? AND clinic_date = ? AND status NOT IN ('done', 'left')");
  const ticket = sqlite.prepare(`INSERT INTO ticket_counters (clinic_date, prefix, last) VALUES (?, ?, 1)
    ON CONFLICT (clinic_date, prefix) DO UPDATE SET last = last + 1 RETURNING last`);
  const visit = sqlite.prepare(`INSERT INTO visits (clinic_date, appointment_id, customer_id, kind, ticket, status, doctor_id, room_id, item_id, arrived_at, checked_in_by)
    VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?, ?) RETURNING id`);
  const event = sqlite.prepare("INSERT INTO visit_events (visit_id, from_status, to_status, at, staff_id, room_id, note) VALUES (?, NULL, 'waiting', ?, ?, NULL, '')");
  const rules = sqlite.prepare('SELECT * FROM comfort_rules WHERE active = 1 ORDER BY sort');
  // One multi-row insert per number of tasks, as the service makes.
  const tasksOf = new Map<number, BetterSqlite3.Statement>();
  const insertTasks = (count: number) => {
    let statement = tasksOf.get(count);
    if (!statement) {
      statement = sqlite.prepare(`INSERT INTO comfort_tasks (visit_id, rule_id, label, label_en, due_at, created_at, created_by) VALUES ${Array.from({ length: count }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
      tasksOf.set(count, statement);
    }
    return statement;
  };
  const touch = sqlite.prepare('UPDATE customers SET last_visit_at = ? WHERE id = ? AND (last_visit_at IS NULL OR last_visit_at < ?)');

  return sqlite.transaction((appointmentId: number, now: Date) => {
    const at = now.toISOString();
    const row = appointment.get(appointmentId) as { id: number; customer_id: number; kind: string; doctor_id: number; room_id: number; item_id: number; version: number; earlier_visit_id: number | null };
    if (row.earlier_visit_id !== null) throw new Error('already checked in');
    mark.run(row.version + 1, at, row.id);
    const person = customer.get(row.customer_id) as { id: number; tags: string; last_visit_at: string | null };
    if (openVisit.get(person.id, clinicDate) !== undefined) throw new Error('already here');
    const prefix = row.kind === 'followup' ? 'F' : 'A';
    const number = (ticket.get(clinicDate, prefix) as { last: number }).last;
    const visitId = (visit.get(clinicDate, row.id, row.customer_id, prefix === 'F' ? 'followup' : 'appointment', prefix + String(number).padStart(3, '0'), row.doctor_id, row.room_id, row.item_id, at, staffId) as { id: number }).id;
    event.run(visitId, at, staffId);
    const tags = JSON.parse(person.tags) as string[];
    const values: unknown[] = [];
    for (const rule of rules.all() as { id: number; trigger: string; applies_to: string; due_minutes: number; label: string; label_en: string }[]) {
      const applies = rule.applies_to === 'all' || (rule.applies_to === 'anxious' && tags.includes('anxious')) || (rule.applies_to === 'preop' && (row.kind === 'preop' || row.kind === 'surgery'));
      if (applies) values.push(visitId, rule.id, rule.label, rule.label_en, new Date(now.getTime() + rule.due_minutes * 60_000).toISOString(), at, staffId);
    }
    if (values.length > 0) insertTasks(values.length / 7).run(...values);
    touch.run(at, person.id, at);
  });
}
