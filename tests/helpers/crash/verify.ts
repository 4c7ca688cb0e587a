/**
 * After a kill and a restart: is every acknowledged write there, with at least the state the client
 * was told, and is nothing half-done? Reads the file on a read-only connection of its own beside
 * the running server (WAL lets it), so the check sees what the restarted server serves.
 *
 * "Half-done" is judged against what one transaction of the dispatcher writes together: a visit,
 * its ticket counter, its first status event and its audit row; a move, its event, its audit row
 * and the comfort tasks it withdraws or starts; a comfort task and its audit row.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { VisitStatus } from '../../../shared/domain/visits';
import { TICKET_PREFIX, type VisitKind } from '../../../shared/domain/visits';
import type { Ledger } from './ledger';

export interface Verification {
  problems: string[];
  /** Acknowledged writes found in place. */
  verified: number;
  visits: number;
}

interface VisitRow {
  id: number;
  clinic_date: string;
  ticket: string;
  kind: VisitKind;
  status: VisitStatus;
  version: number;
  customer_id: number;
  appointment_id: number | null;
  arrived_at: string;
}

/** Checks the database in `file`; `apiVisitsAfter`: visits above this id were all made through the API. */
export function verifyDatabase(file: string, ledger: Ledger, apiVisitsAfter: number): Verification {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return db.transaction(() => check(db, ledger, apiVisitsAfter))();
  } finally {
    db.close();
  }
}

function check(db: BetterSqlite3.Database, ledger: Ledger, apiVisitsAfter: number): Verification {
  const problems: string[] = [];
  const problem = (text: string) => {
    if (problems.length < 20) problems.push(text);
  };
  let verified = 0;

  const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') problem(`integrity_check: ${integrity.map((row) => row.integrity_check).join('; ')}`);
  const foreign = db.pragma('foreign_key_check') as unknown[];
  if (foreign.length > 0) problem(`foreign_key_check: ${JSON.stringify(foreign.slice(0, 3))}`);

  const visits = new Map((db.prepare('select * from visits').all() as VisitRow[]).map((row) => [row.id, row]));
  const events = new Map<number, { from_status: string | null; to_status: string }[]>();
  for (const event of db.prepare('select visit_id, from_status, to_status from visit_events order by visit_id, id').all() as { visit_id: number; from_status: string | null; to_status: string }[]) {
    const list = events.get(event.visit_id) ?? [];
    list.push(event);
    events.set(event.visit_id, list);
  }
  const audits = new Map<string, number>();
  for (const row of db.prepare("select method, target, count(*) as n from audit_log where target like 'visit:%' or target like 'comfort:%' group by method, target").all() as { method: string; target: string; n: number }[]) {
    audits.set(`${row.method} ${row.target}`, row.n);
  }
  const audited = (method: string, target: string) => audits.get(`${method} ${target}`) ?? 0;

  // Every acknowledged write, with at least the acknowledged state.
  const customers = db.prepare('select id, phone from customers where id = ?');
  for (const [id, phone] of ledger.customers) {
    const row = customers.get(id) as { phone: string } | undefined;
    if (row?.phone !== phone) problem(`customer ${String(id)} (${phone}) acknowledged, ${row ? `phone ${row.phone}` : 'missing'}`);
    else verified += 1;
  }
  const appointments = db.prepare('select status from appointments where id = ?');
  for (const [id, booking] of ledger.appointments) {
    const row = appointments.get(id) as { status: string } | undefined;
    if (!row) problem(`appointment ${String(id)} acknowledged, missing`);
    else if (booking.checkedIn && row.status !== 'checked_in' && row.status !== 'completed') problem(`appointment ${String(id)}: check-in acknowledged, status ${row.status}`);
    else verified += 1;
  }
  for (const visit of ledger.visits.values()) {
    const row = visits.get(visit.visitId);
    if (!row) {
      problem(`visit ${String(visit.visitId)} (${visit.ticket}) acknowledged, missing`);
      continue;
    }
    if (row.ticket !== visit.ticket || row.customer_id !== visit.customerId || row.appointment_id !== visit.appointmentId) problem(`visit ${String(visit.visitId)}: acknowledged ${visit.ticket}, found ${row.ticket}`);
    const allowed = [visit.status, ...(visit.pending ? [visit.pending.to] : [])];
    const versions = [visit.version, ...(visit.pending ? [visit.version + 1] : [])];
    if (!allowed.includes(row.status) || !versions.includes(row.version)) {
      problem(`visit ${String(visit.visitId)}: acknowledged ${visit.status} v${String(visit.version)}${visit.pending ? ` (→ ${visit.pending.to} unanswered)` : ''}, found ${row.status} v${String(row.version)}`);
    } else verified += 1;
  }
  const manual = db.prepare('select count(*) from comfort_tasks where visit_id = ? and label = ? and rule_id is null').pluck();
  for (const added of ledger.comfortAdded) {
    if (manual.get(added.visitId, added.label) !== 1) problem(`comfort task "${added.label}" of visit ${String(added.visitId)} acknowledged, not there once`);
    else verified += 1;
  }
  const task = db.prepare('select done_at from comfort_tasks where id = ?');
  for (const id of ledger.comfortDone) {
    const row = task.get(id) as { done_at: string | null } | undefined;
    if (!row?.done_at) problem(`comfort task ${String(id)}: completion acknowledged, ${row ? 'not done' : 'missing'}`);
    else verified += 1;
  }

  // Nothing half-done: each visit's events chain from its check-in to its status, one per version.
  for (const visit of visits.values()) {
    const chain = events.get(visit.id) ?? [];
    const first = chain[0];
    if (!first || first.from_status !== null || first.to_status !== 'waiting') problem(`visit ${String(visit.id)}: no check-in event`);
    for (let index = 1; index < chain.length; index += 1) {
      if (chain[index]?.from_status !== chain[index - 1]?.to_status) problem(`visit ${String(visit.id)}: its events do not chain at ${String(index)}`);
    }
    if (chain.at(-1)?.to_status !== visit.status) problem(`visit ${String(visit.id)}: status ${visit.status}, last event ${String(chain.at(-1)?.to_status)}`);
    if (chain.length !== visit.version) problem(`visit ${String(visit.id)}: version ${String(visit.version)} with ${String(chain.length)} events`);
    if (!visit.ticket.startsWith(TICKET_PREFIX[visit.kind])) problem(`visit ${String(visit.id)}: ticket ${visit.ticket} for a ${visit.kind}`);
    if (visit.id > apiVisitsAfter) {
      if (audited('visits.checkIn', `visit:${String(visit.id)}`) !== 1) problem(`visit ${String(visit.id)}: not one check-in audit row`);
      const moves = audited('visits.transition', `visit:${String(visit.id)}`);
      if (moves !== chain.length - 1) problem(`visit ${String(visit.id)}: ${String(chain.length - 1)} moves, ${String(moves)} audit rows`);
    }
  }
  const unaddressed = db.prepare('select count(*) from notifications n where not exists (select 1 from notification_roles r where r.notification_id = n.id)').pluck().get() as number;
  if (unaddressed > 0) problem(`${String(unaddressed)} notifications addressed to no role`);
  problems.push(...checkTickets(db), ...checkComfort(db, apiVisitsAfter, audited), ...checkAppointments(db));
  return { problems, verified, visits: visits.size };
}

/** Tickets: each day's numbers of a letter are 1…last of its counter, no gap, no repeat. */
function checkTickets(db: BetterSqlite3.Database): string[] {
  const problems: string[] = [];
  const counters = db.prepare('select clinic_date, prefix, last from ticket_counters').all() as { clinic_date: string; prefix: string; last: number }[];
  const used = db
    .prepare('select clinic_date, substr(ticket, 1, 1) as prefix, count(*) as n, count(distinct ticket) as distinct_n, max(cast(substr(ticket, 2) as integer)) as top from visits group by 1, 2')
    .all() as { clinic_date: string; prefix: string; n: number; distinct_n: number; top: number }[];
  for (const row of used) {
    const counter = counters.find((candidate) => candidate.clinic_date === row.clinic_date && candidate.prefix === row.prefix);
    if (row.n !== row.distinct_n) problems.push(`${row.clinic_date} ${row.prefix}: a ticket given twice`);
    if (!counter || counter.last !== row.n || row.top !== row.n) problems.push(`${row.clinic_date} ${row.prefix}: ${String(row.n)} tickets up to ${String(row.top)}, counter at ${String(counter?.last)}`);
  }
  return problems;
}

/** Comfort: nothing open for a customer gone; no round open once called; manual tasks and completions audited. */
function checkComfort(db: BetterSqlite3.Database, apiVisitsAfter: number, audited: (method: string, target: string) => number): string[] {
  const problems: string[] = [];
  const openForGone = db
    .prepare("select count(*) from comfort_tasks t join visits v on v.id = t.visit_id where v.status in ('done','left') and t.done_at is null and t.cancelled_at is null")
    .pluck()
    .get() as number;
  if (openForGone > 0) problems.push(`${String(openForGone)} comfort tasks open for customers gone`);
  const roundsOpen = db
    .prepare(
      "select count(*) from comfort_tasks t join visits v on v.id = t.visit_id join comfort_rules r on r.id = t.rule_id where r.trigger = 'round' and v.status <> 'waiting' and t.done_at is null and t.cancelled_at is null",
    )
    .pluck()
    .get() as number;
  if (roundsOpen > 0) problems.push(`${String(roundsOpen)} rounds open for customers no longer waiting`);
  const doneWithoutWho = db.prepare('select count(*) from comfort_tasks where done_at is not null and done_by is null').pluck().get() as number;
  if (doneWithoutWho > 0) problems.push(`${String(doneWithoutWho)} comfort tasks done by no one`);
  const tasks = db.prepare('select id, rule_id, done_at from comfort_tasks where visit_id > ?').all(apiVisitsAfter) as { id: number; rule_id: number | null; done_at: string | null }[];
  for (const task of tasks) {
    const target = `comfort:${String(task.id)}`;
    if (task.rule_id === null && audited('comfort.add', target) !== 1) problems.push(`comfort task ${String(task.id)}: added without one audit row`);
    if ((task.done_at !== null) !== (audited('comfort.complete', target) === 1)) problems.push(`comfort task ${String(task.id)}: done ${String(task.done_at)}, completion audited ${String(audited('comfort.complete', target))} times`);
  }
  return problems.slice(0, 10);
}

/**
 * A booking with a visit is checked in (completed once the visit is done), and a checked-in booking
 * has its visit. (A completed booking without one is history: the demo's returning customers.)
 */
function checkAppointments(db: BetterSqlite3.Database): string[] {
  const wrong = db
    .prepare(
      `select a.id, a.status, v.status as visit_status from appointments a left join visits v on v.appointment_id = a.id
       where (v.id is null and a.status = 'checked_in')
          or (v.id is not null and a.status <> case when v.status = 'done' then 'completed' else 'checked_in' end)`,
    )
    .all() as { id: number; status: string; visit_status: string | null }[];
  return wrong.slice(0, 5).map((row) => `appointment ${String(row.id)}: ${row.status} with its visit ${String(row.visit_status)}`);
}
