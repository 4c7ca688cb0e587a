/**
 * What one desk of the clinic does under load (`npm run bench -- --load`): a member of staff signed
 * in by PIN, doing their role's work in a loop — searching customers, reading the board and the
 * day's list, checking in bookings and walk-ins, moving cards along the board, ticking comfort
 * tasks, reading notifications — or, for the display account, the lobby TV reading `display.board`.
 *
 * Desks never race for one thing: each checks in only the bookings and moves only the cards whose
 * id falls to it (id modulo the number of desks), so any failed call is a failure of the server,
 * not two desks acting on one card (a 409 the clinic expects, tested elsewhere).
 */
import { CallFailed, type LoadClient } from './load-http';

export interface StaffMember {
  id: number;
  name: string;
  role: string;
}

interface Card {
  visitId: number;
  version: number;
  status: string;
  kind: string;
  comfort: Array<{ id: number; doneAt: string | null; missedAt: string | null }>;
}

/** The roles in the order desks are handed out: the first five make a small clinic (the smoke test). */
const ROLE_ORDER = ['reception', 'manager', 'display', 'guide', 'reception', 'guide', 'nurse', 'consultant', 'doctor'];

/**
 * The staff the desks sign in as: the busiest roles first, each member once before anyone twice
 * (20 desks on the demo's 16 accounts: a receptionist, the manager, the lobby TV and a guide have
 * a second screen).
 */
export function deskStaff(staff: StaffMember[], desks: number): StaffMember[] {
  const ordered: StaffMember[] = [];
  const left = [...staff].sort((a, b) => a.id - b.id);
  for (const role of ROLE_ORDER) {
    const index = left.findIndex((member) => member.role === role);
    if (index !== -1) ordered.push(...left.splice(index, 1));
  }
  ordered.push(...left);
  return Array.from({ length: desks }, (_, index) => ordered[index % ordered.length] as StaffMember);
}

const CHECK_IN_ROLES = new Set(['reception', 'guide', 'manager']);
const RECORD_ROLES = new Set(['reception', 'consultant', 'nurse', 'doctor', 'manager']);
const COMFORT_ROLES = new Set(['reception', 'guide', 'nurse', 'consultant', 'manager']);
const DISPLAY_ROLES = new Set(['display', 'reception', 'manager']);
/** Who may record that a follow-up customer saw the consultant (`followUps.consultantSeen`). */
const CONSULTANT_STEP_ROLES = new Set(['consultant', 'nurse', 'reception', 'manager']);
const QUERIES = ['wl', 'wangli', '王', '李', 'zh', '138', '8000', 'chen', '张静', '139', 'ly', '刘'];
/** The next status a desk moves a card to, as the board's main button does. */
const NEXT: Record<string, string[]> = {
  waiting: ['called'],
  called: ['in_consultation', 'escorting'],
  escorting: ['in_consultation'],
  in_consultation: ['done', 'pre_op_exam'],
  pre_op_exam: ['done'],
};

/** A small deterministic generator (mulberry32), so two runs make the same choices. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DeskPlan {
  index: number;
  member: StaffMember;
  /** This desk's share of the cards: visit ids with `id % staffDesks === cardShare`; null for the display. */
  cardShare: number | null;
  staffDesks: number;
  /** This desk's share of the bookings to check in, among the desks that may check in; null if it may not. */
  checkInShare: number | null;
  checkInDesks: number;
  doctors: number[];
  /** The server's clock at `clockReadAtMs` (performance.now()), and the clinic's time zone. */
  serverNow: number;
  clockReadAtMs: number;
  timeZone: string;
  today: string;
}

/** One desk's loop until `deadlineMs`; failures are recorded by the client and the loop goes on. */
export async function runDesk(client: LoadClient, plan: DeskPlan, deadlineMs: number, thinkMs: number): Promise<void> {
  const random = seededRandom(20261124 + plan.index);
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const role = plan.member.role;
  const cards = new Map<number, Card>();
  let openBookings: number[] = [];
  let customerIds: number[] = [];
  let created = 0;
  const consultantSeen = new Set<number>();
  const mine = (visitId: number) => plan.cardShare !== null && visitId % plan.staffDesks === plan.cardShare;
  const keep = (list: Card[]) => {
    for (const card of list) if (mine(card.visitId)) cards.set(card.visitId, card);
  };
  const refresh = async (visitId: number) => keep((await client.call<{ cards: Card[] }>('visits.cards', { ids: [visitId] })).cards);
  const newCustomer = async () => {
    created += 1;
    const name = `${pick(['王', '李', '张', '刘', '陈'])}${String.fromCharCode(0x4e00 + Math.floor(random() * 0x5000))}${String.fromCharCode(0x4e00 + Math.floor(random() * 0x5000))}`;
    const phone = `199${String(plan.index).padStart(2, '0')}${String(created).padStart(6, '0')}`;
    return (await client.call<{ id: number }>('customers.create', { name, phone })).id;
  };

  type Work = [number, () => Promise<unknown>];
  const work: Work[] = [];
  if (role === 'display') {
    work.push([1, () => client.call('display.board', {})]);
  } else {
    work.push(
      [10, async () => keep((await client.call<{ cards: Card[] }>('visits.board', {})).cards)],
      [6, async () => {
        const ids = [...cards.keys()].slice(-10);
        if (ids.length > 0) keep((await client.call<{ cards: Card[] }>('visits.cards', { ids })).cards);
      }],
      [14, async () => {
        const found = await client.call<{ results: Array<{ id: number }> }>('customers.search', { query: pick(QUERIES), limit: 20 });
        customerIds = found.results.map((result) => result.id);
      }],
      [6, async () => {
        const list = await client.call<{ items: Array<{ id: number; readAt: string | null }> }>('notifications.list', { limit: 50 });
        const unread = list.items.filter((item) => !item.readAt).map((item) => item.id);
        if (unread.length > 0 && random() < 0.5) await client.call('notifications.markRead', { ids: unread.slice(0, 5) });
      }],
      [4, async () => {
        const day = await client.call<{ appointments: Array<{ id: number; status: string }> }>('appointments.listDay', {});
        openBookings = day.appointments
          .filter((row) => (row.status === 'booked' || row.status === 'confirmed') && plan.checkInShare !== null && row.id % plan.checkInDesks === plan.checkInShare)
          .map((row) => row.id);
      }],
      [1, () => client.call('auth.me', {})],
      [12, async () => {
        const card = pick([...cards.values()].filter((each) => NEXT[each.status]));
        const to = card && pick(NEXT[card.status] ?? []);
        if (!card || !to) return;
        // A follow-up sees the consultant before it closes, and one closed within 5 minutes says
        // why (seed 004 rules 23 and 11): a desk that may not record the consultant step leaves it.
        const followUpClosing = card.kind === 'followup' && to === 'done';
        if (followUpClosing) {
          if (!CONSULTANT_STEP_ROLES.has(role)) return;
          // As the card's chip does: asks whether the step has started (the demo's own follow-ups
          // in consultation have it), and starts it if not.
          if (!consultantSeen.has(card.visitId)) {
            const check = await client.call<{ consultantStartedAt: string | null }>('followUps.visitCheck', { visitId: card.visitId });
            if (check.consultantStartedAt === null) await client.call('followUps.consultantSeen', { visitId: card.visitId });
          }
          consultantSeen.add(card.visitId);
        }
        const note = followUpClosing ? { note: 'load: a quick follow-up' } : {};
        keep([await client.call<Card>('visits.transition', { visitId: card.visitId, to, expectedVersion: card.version, ...note })]);
      }],
    );
    if (RECORD_ROLES.has(role)) {
      work.push([3, async () => {
        const id = pick(customerIds);
        if (id !== undefined) await client.call('customers.get', { id });
      }]);
    }
    if (COMFORT_ROLES.has(role)) {
      work.push([8, async () => {
        // A task still to do: not done, and not missed (withdrawn after it fell due, never to do any more).
        const card = pick([...cards.values()].filter((each) => each.comfort.some((task) => task.doneAt === null && task.missedAt === null)));
        const task = card?.comfort.find((each) => each.doneAt === null && each.missedAt === null);
        if (!card || !task) return;
        await client.call('comfort.complete', { taskId: task.id });
        // As a board does on the notice: that card again, with its new version.
        await refresh(card.visitId);
      }]);
    }
    if (CHECK_IN_ROLES.has(role)) {
      work.push([6, async () => {
        const appointmentId = openBookings.shift();
        if (appointmentId === undefined) return;
        const { visitId } = await client.call<{ visitId: number }>('visits.checkIn', { appointmentId });
        await refresh(visitId);
      }]);
    }
    if (CHECK_IN_ROLES.has(role) && RECORD_ROLES.has(role)) {
      work.push([3, async () => {
        const customerId = await newCustomer();
        const { visitId } = await client.call<{ visitId: number }>('visits.checkIn', { walkIn: { customerId } });
        await refresh(visitId);
      }]);
    }
    if (DISPLAY_ROLES.has(role)) work.push([2, () => client.call('display.board', {})]);
    if (role === 'manager') work.push([5, () => bookNow(client, plan, newCustomer, pick)]);
  }
  const total = work.reduce((sum, [weight]) => sum + weight, 0);
  while (performance.now() < deadlineMs) {
    let roll = random() * total;
    const chosen = work.find(([weight]) => (roll -= weight) < 0) ?? (work[0] as Work);
    try {
      await chosen[1]();
    } catch (error) {
      // Recorded by the client already; anything else is a bug of this file.
      if (!(error instanceof CallFailed)) throw error;
    }
    if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, random() * 2 * thinkMs));
  }
}

/** The manager books a new customer for now (override: any hour, any roster), to be checked in by a desk. */
async function bookNow(client: LoadClient, plan: DeskPlan, newCustomer: () => Promise<number>, pick: <T>(items: readonly T[]) => T | undefined) {
  const customerId = await newCustomer();
  // The next minute, not this one: under load the call can arrive after the minute has turned, and
  // a time already past is refused (as it is at the desk).
  const now = new Date(plan.serverNow + (performance.now() - plan.clockReadAtMs) + 60_000);
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: plan.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  const minutes = Math.min(Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5)), 23 * 60 + 54);
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  await client.call('appointments.create', {
    customerId,
    doctorId: pick(plan.doctors),
    kind: 'consultation',
    channel: 'phone',
    date: plan.today,
    time,
    durationMinutes: 5,
    override: true,
  });
}
