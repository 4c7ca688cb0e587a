/**
 * The floor of the report rows (issue 18): the same aggregates as the manager's report — each
 * visit's waits summed from its status events, arrivals by day and kind, appointments not kept,
 * waiting stretches for the queue, comfort tasks by kind, staff and outcome; medians, p90s and
 * longest by hour, doctor and kind of visit; the ten longest with their timelines; and the period
 * before for the comparison — written by hand as SQL on raw better-sqlite3 with plain loops,
 * without the service's sections, labels, tables or Kysely. Asia/Shanghai (+8, no daylight saving)
 * is written in, as a hand-made query for one clinic would.
 */
import type BetterSqlite3 from 'better-sqlite3';

const HOUR = 3_600_000;
const dayOf = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(0, 10);
const dayEnd = (date: string) => Date.parse(`${date}T16:00:00Z`);
const dayStartIso = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 8 * HOUR).toISOString();

function rank(sorted: number[], p: number): number | null {
  return sorted.length === 0 ? null : sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;
}
function summary(values: number[]) {
  values.sort((a, b) => a - b);
  return [values.length, rank(values, 0.5), rank(values, 0.9), values.length ? values[values.length - 1]! : null];
}

export function createReportFloor(sqlite: BetterSqlite3.Database) {
  const visitsOf = sqlite.prepare(`SELECT v.id, v.ticket, v.kind, v.clinic_date, v.arrived_at, v.doctor_id, s.name AS doctor_name,
      EXISTS (SELECT 1 FROM visits p WHERE p.customer_id = v.customer_id AND p.arrived_at < v.arrived_at) AS earlier
    FROM visits v LEFT JOIN staff s ON s.id = v.doctor_id WHERE v.clinic_date >= ? AND v.clinic_date <= ?`);
  const waits = sqlite.prepare(`
    WITH ev AS (
      SELECT e.visit_id, e.to_status, e.at, LEAD(e.at) OVER (PARTITION BY e.visit_id ORDER BY e.at, e.id) AS next_at
      FROM visits v JOIN visit_events e ON e.visit_id = v.id WHERE v.clinic_date >= ? AND v.clinic_date <= ?
    )
    SELECT visit_id,
      COALESCE(SUM(CASE WHEN to_status = 'waiting' AND next_at IS NOT NULL THEN (julianday(next_at) - julianday(at)) * 86400.0 END), 0) AS waited_s,
      group_concat(CASE WHEN to_status = 'waiting' THEN at || '>' || COALESCE(next_at, '') END) AS stretches,
      MIN(CASE WHEN to_status = 'called' THEN at END) AS called_at,
      MIN(CASE WHEN to_status = 'in_consultation' THEN at END) AS consult_at
    FROM ev GROUP BY visit_id`);
  const missed = sqlite.prepare(`SELECT a.starts_at, a.status, a.cancel_reason FROM appointments a
    WHERE a.starts_at >= ? AND a.starts_at < ? AND (a.status IN ('cancelled', 'no_show') OR (a.status IN ('booked', 'confirmed') AND a.starts_at < ?))`);
  const comfort = sqlite.prepare(`SELECT COALESCE(r.code, 'manual') AS kind, r.label, r.label_en, k.done_by AS staff_id, s.name AS staff_name,
      CASE WHEN k.done_at IS NOT NULL AND k.done_at <= k.due_at THEN 'onTime' WHEN k.done_at IS NOT NULL THEN 'late'
           WHEN k.cancelled_at IS NOT NULL THEN 'missed' ELSE 'open' END AS outcome, count(*) AS n
    FROM visits v JOIN comfort_tasks k ON k.visit_id = v.id LEFT JOIN comfort_rules r ON r.id = k.rule_id LEFT JOIN staff s ON s.id = k.done_by
    WHERE v.clinic_date >= ? AND v.clinic_date <= ? AND (k.cancelled_at IS NULL OR k.cancelled_at > k.due_at) GROUP BY 1, 2, 3, 4, 5, 6`);
  const timeline = sqlite.prepare(`SELECT e.visit_id, c.name AS customer_name, e.to_status, e.at, s.name AS staff_name
    FROM visit_events e JOIN visits v ON v.id = e.visit_id JOIN customers c ON c.id = v.customer_id LEFT JOIN staff s ON s.id = e.staff_id
    WHERE e.visit_id IN (SELECT value FROM json_each(?)) ORDER BY e.visit_id, e.at, e.id`);

  function period(from: string, to: string, now: number, full: boolean) {
    const out: Record<string, unknown> = {};
    // Waits: each visit joined to its events' aggregate.
    type V = { id: number; kind: string; clinic_date: string; arrived_at: string; doctor_name: string | null; earlier: number };
    type W = { visit_id: number; waited_s: number; stretches: string | null; called_at: string | null; consult_at: string | null };
    const visits = visitsOf.all(from, to) as V[];
    const perVisit = new Map((waits.all(from, to) as W[]).map((row) => [row.visit_id, row]));
    const toCalled: number[] = [];
    const toConsult: number[] = [];
    const byHour = new Map<number, [number[], number[]]>();
    const byDoctor = new Map<string, [number[], number[]]>();
    const byClass = new Map<string, [number[], number[]]>();
    const all: [number, V, number | null][] = [];
    const days = new Map<string, number[]>();
    const marks = new Map<string, number[]>();
    for (const visit of visits) {
      const wait = perVisit.get(visit.id);
      const cap = Math.min(now, dayEnd(visit.clinic_date));
      let called = wait?.waited_s ?? 0;
      // The queue at each quarter hour, 08:00–20:00, from the same stretches.
      const counts = marks.get(visit.clinic_date) ?? new Array<number>(49).fill(0);
      marks.set(visit.clinic_date, counts);
      const base = Date.parse(`${visit.clinic_date}T00:00:00Z`);
      for (const stretch of wait?.stretches?.split(',') ?? []) {
        const [startText, endText] = stretch.split('>') as [string, string];
        const start = Date.parse(startText);
        const end = endText === '' ? cap : Date.parse(endText);
        if (endText === '') called += Math.max(0, (cap - start) / 1000);
        for (let index = 0; index < 49; index += 1) {
          const mark = base + index * 15 * 60_000;
          if (mark >= start && mark < end) counts[index]! += 1;
        }
      }
      const consult = wait && wait.called_at !== null && wait.consult_at !== null && wait.consult_at >= wait.called_at ? (Date.parse(wait.consult_at) - Date.parse(wait.called_at)) / 1000 : null;
      toCalled.push(called);
      if (consult !== null) toConsult.push(consult);
      const hour = (new Date(visit.arrived_at).getUTCHours() + 8) % 24;
      const kind = visit.kind === 'followup' ? 'followup' : visit.earlier ? 'return' : 'first';
      for (const [map, key] of [[byHour, hour], [byDoctor, visit.doctor_name ?? ''], [byClass, kind]] as const) {
        const group = (map as Map<unknown, [number[], number[]]>).get(key) ?? [[], []];
        group[0].push(called);
        if (consult !== null) group[1].push(consult);
        (map as Map<unknown, [number[], number[]]>).set(key, group);
      }
      all.push([called, visit, consult]);
      // Arrivals by day and kind.
      const day = days.get(visit.clinic_date) ?? [0, 0, 0, 0, 0];
      day[visit.kind === 'appointment' ? 0 : visit.kind === 'walk_in' ? 1 : 2]! += 1;
      days.set(visit.clinic_date, day);
    }
    out.waits = [summary(toCalled), summary(toConsult)];
    if (full) for (const map of [byHour, byDoctor, byClass]) out[String(map.size)] = [...map].map(([key, [a, b]]) => [key, summary(a), summary(b)]);
    // Appointments not kept.
    const reasons = new Map<string, number>();
    for (const row of missed.all(dayStartIso(from), new Date(dayEnd(to)).toISOString(), dayStartIso(dayOf(new Date(now).toISOString()))) as { starts_at: string; status: string; cancel_reason: string | null }[]) {
      const day = days.get(dayOf(row.starts_at)) ?? [0, 0, 0, 0, 0];
      day[row.status === 'cancelled' ? 4 : 3]! += 1;
      if (row.status === 'cancelled') reasons.set(row.cancel_reason ?? '', (reasons.get(row.cancel_reason ?? '') ?? 0) + 1);
      days.set(dayOf(row.starts_at), day);
    }
    out.arrivals = [days.size, reasons.size];
    out.queue = marks.size;
    // Comfort.
    const tally: Record<string, number> = { onTime: 0, late: 0, missed: 0, open: 0 };
    const kinds = new Map<string, Record<string, number>>();
    const staff = new Map<string, Record<string, number>>();
    for (const row of comfort.all(from, to) as { kind: string; staff_name: string | null; outcome: string; n: number }[]) {
      tally[row.outcome]! += row.n;
      const kind = kinds.get(row.kind) ?? { onTime: 0, late: 0, missed: 0, open: 0 };
      kind[row.outcome]! += row.n;
      kinds.set(row.kind, kind);
      if (row.staff_name) {
        const person = staff.get(row.staff_name) ?? { onTime: 0, late: 0, missed: 0, open: 0 };
        person[row.outcome]! += row.n;
        staff.set(row.staff_name, person);
      }
    }
    out.comfort = [tally, kinds.size, staff.size];
    // The ten longest waits with their timelines.
    if (full) {
      const longest = all.sort((a, b) => b[0] - a[0] || a[1].id - b[1].id).slice(0, 10);
      out.longest = timeline.all(JSON.stringify(longest.map(([, visit]) => visit.id))).length;
    }
    return out;
  }

  /** The report's aggregates over `from`…`to` and the period before. */
  return (from: string, to: string, previousFrom: string, previousTo: string, now: Date) => [period(from, to, now.getTime(), true), period(previousFrom, previousTo, now.getTime(), false)];
}
