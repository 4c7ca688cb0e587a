/**
 * The floor of the report rows (issue 18): the same aggregates as the manager's report — each
 * visit's waits summed from its status events, arrivals by day and kind, appointments not kept,
 * waiting stretches for the queue (its hours widened to the earliest and latest wait), comfort tasks
 * by kind, staff and outcome; escort times, ward rounds, follow-up calls, survey scores (the care
 * sections); medians, p90s and
 * longest by hour, doctor and kind of visit; the ten longest with their timelines; and the period
 * before for the comparison — written by hand as SQL on raw better-sqlite3 with plain loops, over
 * the facts the report keeps of finished days (migrations 022 and 028) as the report reads them,
 * without the service's sections, labels, tables or Kysely. Asia/Shanghai (+8, no daylight saving)
 * is written in, as a hand-made query for one clinic would.
 */
import type BetterSqlite3 from 'better-sqlite3';

const HOUR = 3_600_000;
const dayOf = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(0, 10);
const dayEnd = (date: string) => Date.parse(`${date}T16:00:00Z`);
const dayStartIso = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 8 * HOUR).toISOString();

function rank(sorted: Float64Array, p: number): number | null {
  return sorted.length === 0 ? null : sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;
}
function summary(list: number[]) {
  const values = Float64Array.from(list).sort();
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
  // Finished days from the facts the report keeps (migration 022): the bench's warm-up call keeps them.
  const keptFacts = sqlite.prepare(`SELECT f.visit_id AS id, f.ticket, f.kind, f.clinic_date, f.arrived_at, f.doctor_id, s.name AS doctor_name, f.earlier,
      f.hour, f.to_called_s, f.to_consult_s, f.stretches_ms
    FROM report_visit_facts f LEFT JOIN staff s ON s.id = f.doctor_id WHERE f.clinic_date >= ? AND f.clinic_date <= ?`);
  const keptComfort = sqlite.prepare(`SELECT COALESCE(r.code, 'manual') AS kind, r.label, r.label_en, f.staff_id, s.name AS staff_name, f.outcome, SUM(f.n) AS n
    FROM report_comfort_facts f LEFT JOIN comfort_rules r ON r.id = f.rule_id LEFT JOIN staff s ON s.id = f.staff_id
    WHERE f.clinic_date >= ? AND f.clinic_date <= ? GROUP BY 1, 2, 3, 4, 5, 6`);
  const keptDays = sqlite.prepare('SELECT count(*) AS n FROM report_days_kept WHERE clinic_date >= ? AND clinic_date <= ?');
  const timeline = sqlite.prepare(`SELECT e.visit_id, c.name AS customer_name, e.to_status, e.at, s.name AS staff_name
    FROM visit_events e JOIN visits v ON v.id = e.visit_id JOIN customers c ON c.id = v.customer_id LEFT JOIN staff s ON s.id = e.staff_id
    WHERE e.visit_id IN (SELECT value FROM json_each(?)) ORDER BY e.visit_id, e.at, e.id`);

  // The care sections (issue 18): escorts by their first events, ward rounds, follow-up calls, surveys.
  const escorts = sqlite.prepare(`WITH x AS (SELECT x.id, x.guide_id, x.requested_at,
      (SELECT MIN(e.at) FROM escort_events e WHERE e.escort_id = x.id AND e.kind = 'taken') AS taken_at,
      (SELECT MIN(e.at) FROM escort_events e WHERE e.escort_id = x.id AND e.kind = 'picked_up') AS picked_at,
      (SELECT MIN(e.at) FROM escort_events e WHERE e.escort_id = x.id AND e.kind IN ('delivered', 'directions')) AS door_at,
      (SELECT MIN(e.at) FROM escort_events e WHERE e.escort_id = x.id AND e.kind = 'acknowledged') AS ack_at
    FROM escorts x JOIN visits v ON v.id = x.visit_id WHERE x.requested_at >= ? AND x.requested_at < ? AND v.clinic_date >= ? AND v.clinic_date <= ?)
    SELECT g.name AS guide, (julianday(taken_at) - julianday(requested_at)) * 86400.0 AS a, (julianday(picked_at) - julianday(taken_at)) * 86400.0 AS b,
      (julianday(ack_at) - julianday(door_at)) * 86400.0 AS c FROM x LEFT JOIN staff g ON g.id = x.guide_id`);
  const keptEscorts = sqlite.prepare(`SELECT g.name AS guide, f.taken_s AS a, f.picked_up_s AS b, f.at_door_s AS c
    FROM report_escort_facts f LEFT JOIN staff g ON g.id = f.guide_id WHERE f.clinic_date >= ? AND f.clinic_date <= ?`);
  const rounds = sqlite.prepare(`SELECT t.stay_id, t.kind, t.due_at, t.started_at, t.done_at, t.cancelled_at, s.name AS nurse FROM ward_tasks t LEFT JOIN staff s ON s.id = t.done_by
    WHERE t.kind IN ('round', 'night_round') AND t.due_at >= ? AND t.due_at < ? AND (t.cancelled_at IS NULL OR t.done_at IS NOT NULL OR t.cancelled_at > t.due_at)`);
  const calls = sqlite.prepare(`SELECT 'surgery' AS kind, f.due_date, CASE WHEN f.attempts > 0 OR f.status = 'done' THEN 1 ELSE 0 END AS called,
      CASE WHEN f.outcome = 'reached' THEN 1 ELSE 0 END AS reached, CASE WHEN f.status = 'open' THEN 1 ELSE 0 END AS open, s.name AS staff, count(*) AS n
    FROM followup_steps f LEFT JOIN staff s ON s.id = f.done_by WHERE f.due_date >= ? AND f.due_date <= ? AND f.kind = 'call' AND f.status != 'cancelled' GROUP BY 2, 3, 4, 5, 6
    UNION ALL SELECT 'consultation', o.due_date, CASE WHEN o.done_at IS NULL THEN 0 ELSE 1 END, 0, CASE WHEN o.done_at IS NULL THEN 1 ELSE 0 END, NULL, count(*)
    FROM outcome_followup_calls o WHERE o.due_date >= ? AND o.due_date <= ? GROUP BY 2, 3, 5`);
  const surveys = sqlite.prepare(`SELECT u.scores, u.recommend, u.comments, u.staff_named, u.complaint, c.name AS customer, d.name AS doctor
    FROM surveys u LEFT JOIN customers c ON c.id = u.customer_id LEFT JOIN visits v ON v.id = u.visit_id LEFT JOIN staff d ON d.id = v.doctor_id
    WHERE u.created_at >= ? AND u.created_at < ? ORDER BY u.created_at DESC, u.id DESC`);
  const staffNames = sqlite.prepare('SELECT name FROM staff');

  /** The care sections; the escorts of `from`…`keptTo` from their kept facts (migration 028), of `liveFrom`…`to` live. */
  function care(from: string, to: string, now: number, full: boolean, keptTo: string | null, liveFrom: string | null) {
    const start = dayStartIso(from);
    const end = new Date(dayEnd(to)).toISOString();
    const byGuide = new Map<string, number[][]>();
    const all: number[][] = [[], [], []];
    type E = { guide: string | null; a: number | null; b: number | null; c: number | null };
    const escortRows = [
      ...(keptTo === null ? [] : (keptEscorts.all(from, keptTo) as E[])),
      ...(liveFrom === null ? [] : (escorts.all(dayStartIso(liveFrom), new Date(dayEnd(to) + 24 * HOUR).toISOString(), liveFrom, to) as E[])),
    ];
    for (const row of escortRows) {
      const group = byGuide.get(row.guide ?? '') ?? [[], [], []];
      [row.a, row.b, row.c].forEach((value, index) => {
        if (value !== null && value >= 0) {
          all[index]!.push(value);
          group[index]!.push(value);
        }
      });
      byGuide.set(row.guide ?? '', group);
    }
    const escortOut = [all.map(summary), full ? [...byGuide].map(([name, group]) => [name, group.map(summary)]) : null];
    const tally = { kept: 0, short: 0, missed: 0, open: 0 };
    const stayDays = new Map<string, number[]>();
    const nurses = new Map<string, number[]>();
    for (const row of rounds.all(start, end) as { stay_id: number; kind: string; due_at: string; started_at: string | null; done_at: string | null; cancelled_at: string | null; nurse: string | null }[]) {
      const minutes = row.started_at && row.done_at ? Math.floor((Date.parse(row.done_at) - Date.parse(row.started_at)) / 60_000) : null;
      const outcome = row.done_at !== null ? (minutes !== null && minutes >= 10 ? 'kept' : 'short') : row.cancelled_at !== null ? 'missed' : 'open';
      tally[outcome] += 1;
      if (row.kind === 'round') {
        const key = `${row.stay_id}|${dayOf(row.due_at)}`;
        const day = stayDays.get(key) ?? [0, 0];
        day[0]! += 1;
        if (outcome === 'kept') day[1]! += 1;
        stayDays.set(key, day);
      }
      if (row.nurse !== null && minutes !== null) nurses.set(row.nurse, [...(nurses.get(row.nurse) ?? []), minutes]);
    }
    const today = dayOf(new Date(now).toISOString());
    const callTally = [0, 0, 0, 0];
    const callStaff = new Map<string, number>();
    for (const row of calls.all(from, to, from, to) as { due_date: string; called: number; reached: number; open: number; staff: string | null; n: number }[]) {
      callTally[0]! += row.n;
      callTally[1]! += row.called * row.n;
      callTally[2]! += row.reached * row.n;
      if (row.open === 1 && row.due_date < today) callTally[3]! += row.n;
      if (row.reached === 1 && row.staff) callStaff.set(row.staff, (callStaff.get(row.staff) ?? 0) + row.n);
    }
    const scores: number[] = [];
    const recommends: number[] = [];
    const names = full ? (staffNames.all() as { name: string }[]).map((row) => row.name) : [];
    const perStaff = new Map<string, number[]>();
    let comments = 0;
    for (const row of surveys.all(start, end) as { scores: string; recommend: number | null; comments: string; staff_named: string; doctor: string | null }[]) {
      const own = Object.values(JSON.parse(row.scores) as Record<string, number>);
      scores.push(...own);
      if (row.recommend !== null) recommends.push(row.recommend);
      if (full) {
        for (const name of names) if (name === row.doctor || (row.staff_named !== '' && row.staff_named.includes(name))) perStaff.set(name, [...(perStaff.get(name) ?? []), ...own]);
        if (row.comments.trim() !== '' && comments < 100) comments += 1;
      }
    }
    const promoters = recommends.filter((value) => value >= 9).length - recommends.filter((value) => value <= 6).length;
    return { escortOut, rounds: [tally, stayDays.size, nurses.size], calls: [callTally, callStaff.size], surveys: [scores.length, promoters, perStaff.size, comments] };
  }

  function period(from: string, to: string, now: number, full: boolean) {
    const out: Record<string, unknown> = {};
    // Waits: each visit joined to its events' aggregate.
    type V = { id: number; kind: string; clinic_date: string; arrived_at: string; doctor_name: string | null; earlier: number };
    type W = { visit_id: number; waited_s: number; stretches: string | null; called_at: string | null; consult_at: string | null };
    // Days before today from the kept facts when all of them are kept, today (and anything not kept) live.
    const today = dayOf(new Date(now).toISOString());
    const lastFinished = to < today ? to : new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const finishedDays = lastFinished < from ? 0 : Math.round((Date.parse(`${lastFinished}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
    const kept = finishedDays > 0 && (keptDays.get(from, lastFinished) as { n: number }).n === finishedDays;
    const liveFrom = kept ? (lastFinished < to ? today : null) : from;
    type K = V & { hour: number; to_called_s: number; to_consult_s: number | null; stretches_ms: string };
    const keptRows = kept ? (keptFacts.all(from, lastFinished) as K[]) : [];
    const visits: (V | K)[] = [...keptRows, ...(liveFrom === null ? [] : (visitsOf.all(liveFrom, to) as V[]))];
    const perVisit = new Map<number, W>(liveFrom === null ? [] : (waits.all(liveFrom, to) as W[]).map((row) => [row.visit_id, row] as const));
    const toCalled: number[] = [];
    const toConsult: number[] = [];
    const byHour = new Map<number, [number[], number[]]>();
    const byDoctor = new Map<string, [number[], number[]]>();
    const byClass = new Map<string, [number[], number[]]>();
    const all: [number, V, number | null][] = [];
    const days = new Map<string, number[]>();
    const marks = new Map<string, number[]>();
    let firstMinute = 8 * 60;
    let lastMinute = 20 * 60;
    for (const visit of visits) {
      const keptVisit = 'to_called_s' in visit ? visit : null;
      const wait = perVisit.get(visit.id);
      const cap = Math.min(now, dayEnd(visit.clinic_date));
      let called = keptVisit ? keptVisit.to_called_s : (wait?.waited_s ?? 0);
      // The queue at each quarter hour, 08:00–20:00, from the same stretches (kept: epoch ms, closed).
      const counts = marks.get(visit.clinic_date) ?? new Array<number>(49).fill(0);
      marks.set(visit.clinic_date, counts);
      const base = Date.parse(`${visit.clinic_date}T00:00:00Z`);
      const stretches = keptVisit ? (keptVisit.stretches_ms === '' ? [] : keptVisit.stretches_ms.split(',')) : (wait?.stretches?.split(',') ?? []);
      for (const stretch of stretches) {
        const [startText, endText] = stretch.split('>') as [string, string];
        const start = keptVisit ? Number(startText) : Date.parse(startText);
        const end = keptVisit ? Number(endText) : endText === '' ? cap : Date.parse(endText);
        if (!keptVisit && endText === '') called += Math.max(0, (cap - start) / 1000);
        // The queue's hours widened to the earliest and the latest wait, as the section does.
        firstMinute = Math.min(firstMinute, Math.floor(((start + 8 * HOUR) % (24 * HOUR)) / HOUR) * 60);
        if (end < dayEnd(visit.clinic_date)) lastMinute = Math.max(lastMinute, Math.min(23 * 60 + 45, Math.floor(((end + 8 * HOUR) % (24 * HOUR)) / 60_000)));
        for (let index = 0; index < 49; index += 1) {
          const mark = base + index * 15 * 60_000;
          if (mark >= start && mark < end) counts[index]! += 1;
        }
      }
      const consult = keptVisit ? keptVisit.to_consult_s : wait && wait.called_at !== null && wait.consult_at !== null && wait.consult_at >= wait.called_at ? (Date.parse(wait.consult_at) - Date.parse(wait.called_at)) / 1000 : null;
      toCalled.push(called);
      if (consult !== null) toConsult.push(consult);
      const hour = keptVisit ? keptVisit.hour : (new Date(visit.arrived_at).getUTCHours() + 8) % 24;
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
    out.queue = [marks.size, firstMinute, lastMinute];
    // Comfort.
    const tally: Record<string, number> = { onTime: 0, late: 0, missed: 0, open: 0 };
    const kinds = new Map<string, Record<string, number>>();
    const staff = new Map<string, Record<string, number>>();
    const comfortRows = [...(kept ? keptComfort.all(from, lastFinished) : []), ...(liveFrom === null ? [] : comfort.all(liveFrom, to))];
    for (const row of comfortRows as { kind: string; staff_name: string | null; outcome: string; n: number }[]) {
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
      // The ten longest in one pass, as the section picks them.
      const longest: typeof all = [];
      for (const entry of all) {
        const before = (a: (typeof all)[number], b: (typeof all)[number]) => b[0] < a[0] || (b[0] === a[0] && a[1].id < b[1].id);
        if (longest.length === 10 && !before(entry, longest[9]!)) continue;
        let index = longest.length;
        while (index > 0 && before(entry, longest[index - 1]!)) index -= 1;
        longest.splice(index, 0, entry);
        if (longest.length > 10) longest.pop();
      }
      out.longest = timeline.all(JSON.stringify(longest.map(([, visit]) => visit.id))).length;
    }
    out.care = care(from, to, now, full, kept ? lastFinished : null, liveFrom);
    return out;
  }

  /** The report's aggregates over `from`…`to` and the period before. */
  return (from: string, to: string, previousFrom: string, previousTo: string, now: Date) => [period(from, to, now.getTime(), true), period(previousFrom, previousTo, now.getTime(), false)];
}
