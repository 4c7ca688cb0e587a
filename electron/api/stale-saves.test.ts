/**
 * Issue 19 part 6: a person's stale save is refused, never a silent overwrite. Every write of the
 * contract whose input carries `expectedVersion` is found by walking the contract (not listed by
 * hand); each has a scenario below that reads a record, lets someone else change it, then saves
 * with the version first read: `409 conflict`, and the record is exactly as the other person left
 * it. A versioned method without a scenario fails the test, so a new one cannot be forgotten.
 * The forms' saves also say what changed meanwhile (`details.current`, shared/domain/record-changes.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, methodNames, type MethodName } from '../../shared/contract/index';
import { changedFields, isStaleSaveDetails } from '../../shared/domain/record-changes';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../../tests/helpers/test-core';
import { seedDemoClinic } from '../demo/seed-demo';
import type { DispatchResult } from './dispatcher';

/** The keys an input schema accepts: an object's, a union's options', a pipe's input's. */
function inputKeys(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: { type: string; shape?: Record<string, unknown>; options?: z.ZodType[]; in?: z.ZodType } } })._zod.def;
  if (def.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def.type === 'union' && def.options) return def.options.flatMap(inputKeys);
  if (def.type === 'pipe' && def.in) return inputKeys(def.in);
  return [];
}

/** Writes that refuse a stale save: by the record's version, or key by key (`expected`: the settings). */
const versionedWrites = methodNames.filter((name) => contract[name].writes && inputKeys(contract[name].input).some((key) => key === 'expectedVersion' || key === 'expected'));

/**
 * Writes that edit a stored record by name (`*.update`, `*.save…`, `*.set…`) and take no version:
 * a second editor would overwrite the first there. None is left (issue 19 part 6: items and
 * checklist templates got a version column, the roster's cells compare the values loaded); the
 * test below keeps a new one from joining unnoticed.
 */
const EDITS_WITHOUT_VERSION: string[] = [];

let core: TestCore;
let manager: string;
const call = (method: MethodName, input: unknown): Promise<DispatchResult> => core.dispatcher.dispatch(method, input, caller(manager));
async function value<T>(method: MethodName, input: unknown): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** What a stale save needs: the input carrying the version first read, and how to read the record now. */
interface Scenario {
  stale: unknown;
  read(): Promise<unknown>;
  /** For a form's save: what it had loaded, and the fields the other person changed. */
  form?: { loaded: Record<string, unknown>; changed: string[] };
}

/** Tomorrow's open appointments, one per scenario that needs one (the demo books about twenty). */
let openAppointments: { id: number; version: number }[] = [];
async function appointmentChangedMeanwhile(): Promise<{ id: number; version: number; read: () => Promise<unknown> }> {
  const entry = openAppointments.shift();
  if (!entry) throw new Error('the demo has no open appointment left');
  // Meanwhile someone puts it on the call list to be rescheduled: the version moves on.
  await value('roster.toCallList', { appointmentId: entry.id });
  const read = () => value('appointments.get', { id: entry.id });
  expect(((await read()) as { version: number }).version).toBeGreaterThan(entry.version);
  return { ...entry, read };
}

/** A nurse added by this manager, then edited by another (her specialty) before this one saves. */
async function nurseChangedMeanwhile() {
  const nurse = await value<Record<string, unknown> & { id: number; version: number }>('staff.create', { name: '林晓雯', role: 'nurse', pin: '2580' });
  await value('staff.update', { id: nurse.id, expectedVersion: nurse.version, name: '林晓雯', role: 'nurse', specialty: '输液', roomIds: [] });
  const read = async () => (await value<{ staff: { id: number }[] }>('staff.list', {})).staff.find((member) => member.id === nurse.id);
  return { nurse, read };
}

const clinicTime = (instant: string) => {
  const [date, time] = new Date(instant).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).split(' ');
  return { date: date as string, time: (time as string).slice(0, 5) };
};

/** A fresh follow-up plan's first step of a kind, and how to read the plan back. */
async function followUpStep(kind: 'call' | 'visit') {
  const customer = await value<{ id: number }>('customers.create', { name: '钱多多', phone: '13700137000' });
  await value('followUps.createPlan', { customerId: customer.id, surgeryAt: '2026-11-01T02:00:00.000Z' });
  const read = async () => (await value<{ plans: { steps: { id: number; kind: string; version: number }[] }[] }>('followUps.plans', { customerId: customer.id })).plans[0];
  const plan = await read();
  const step = plan?.steps.find((entry) => entry.kind === kind);
  if (!step) throw new Error(`no ${kind} step`);
  return { step, read };
}

const scenarios: Record<string, () => Promise<Scenario>> = {
  // Follow-ups (issue 17): another caller recorded the call (not reached) after this card loaded.
  'followUps.recordCall': async () => {
    const { step, read } = await followUpStep('call');
    await value('followUps.recordCall', { stepId: step.id, expectedVersion: step.version, outcome: 'not_reached' });
    return { stale: { stepId: step.id, expectedVersion: step.version, outcome: 'reached', feeling: '还好' }, read };
  },
  // Another caller booked the plan's visit after this card loaded.
  'followUps.bookVisit': async () => {
    const { step, read } = await followUpStep('visit');
    const doctor = ((await value<{ doctors: { id: number }[] }>('appointments.dayView', { date: '2026-12-01' })).doctors[0]?.id) ?? 1;
    await value('followUps.bookVisit', { stepId: step.id, expectedVersion: step.version, doctorId: doctor, date: '2026-12-01', time: '10:00', override: true });
    return { stale: { stepId: step.id, expectedVersion: step.version, doctorId: doctor, date: '2026-12-01', time: '11:00', override: true }, read };
  },
  // The settings: compare-and-set per key. Another manager renamed the clinic after this form
  // loaded; this form's save of the name (with the name it loaded) is refused, the name kept.
  'settings.update': async () => {
    const loaded = await value<Record<string, unknown>>('settings.get', {});
    await value('settings.update', { clinicName: '悦颜医美·另一位主管', expected: { clinicName: loaded.clinicName } });
    return { stale: { clinicName: '悦颜医美·这张表', expected: { clinicName: loaded.clinicName } }, read: () => value('settings.get', {}) };
  },
  'customers.update': async () => {
    const created = await value<Record<string, unknown> & { id: number; version: number }>('customers.create', { name: '王丽', phone: '13800138000', notes: '' });
    await value('customers.update', { id: created.id, expectedVersion: created.version, addressForm: '王姐', notes: '怕疼' });
    const read = async () => (await value<{ customer: unknown }>('customers.get', { id: created.id })).customer;
    return { stale: { id: created.id, expectedVersion: created.version, name: '王莉' }, read, form: { loaded: created, changed: ['addressForm', 'notes'] } };
  },
  'comfortRules.save': async () => {
    const { rules } = await value<{ rules: (Record<string, unknown> & { id: number; code: string; version: number })[] }>('comfortRules.list', {});
    const tea = rules.find((rule) => rule.code === 'tea');
    if (!tea) throw new Error('no tea rule');
    const edit = (changes: Record<string, unknown>) => ({ id: tea.id, expectedVersion: tea.version, labelZh: tea.labelZh, labelEn: tea.labelEn, appliesTo: tea.appliesTo, dueMinutes: tea.dueMinutes, repeatMinutes: tea.repeatMinutes, active: tea.active, ...changes });
    await value('comfortRules.save', edit({ dueMinutes: 4 }));
    const read = async () => (await value<{ rules: { id: number }[] }>('comfortRules.list', {})).rules.find((rule) => rule.id === tea.id);
    return { stale: edit({ labelEn: 'Tea, stale' }), read, form: { loaded: tea, changed: ['dueMinutes'] } };
  },
  'appointments.reschedule': async () => {
    const { id, version, read } = await appointmentChangedMeanwhile();
    const { date, time } = clinicTime(((await read()) as { startsAt: string }).startsAt);
    return { stale: { id, expectedVersion: version, date, time }, read };
  },
  'appointments.cancel': async () => {
    const { id, version, read } = await appointmentChangedMeanwhile();
    return { stale: { id, expectedVersion: version, reason: '顾客改期' }, read };
  },
  'appointments.markNoShow': async () => {
    const { id, version, read } = await appointmentChangedMeanwhile();
    return { stale: { id, expectedVersion: version }, read };
  },
  'appointments.recordCall': async () => {
    const { id, version, read } = await appointmentChangedMeanwhile();
    return { stale: { id, expectedVersion: version, outcome: 'confirmed' }, read };
  },
  'roster.moveAppointment': async () => {
    const { id, version, read } = await appointmentChangedMeanwhile();
    const detail = (await read()) as { doctor: { id: number } | null };
    return { stale: { appointmentId: id, toDoctorId: detail.doctor?.id ?? 1, expectedVersion: version }, read };
  },
  // The roster: compare-and-set against the cell as the editor loaded it (issue 19 part 6).
  'roster.setTemplate': async () => {
    type Week = { templates: { doctorId: number; weekday: number; start: string; end: string; roomId: number | null }[] };
    const { templates } = await value<Week>('roster.week', { weekStart: '2026-11-23' });
    const shown = templates[0];
    if (!shown) throw new Error('the demo has no weekly shift');
    const loaded = { start: shown.start, end: shown.end, roomId: shown.roomId };
    // Meanwhile another manager moves that weekday's shift an hour later.
    await value('roster.setTemplate', { doctorId: shown.doctorId, weekday: shown.weekday, expected: loaded, shift: { ...loaded, start: '10:00' } });
    const read = async () => (await value<Week>('roster.week', { weekStart: '2026-11-23' })).templates.find((row) => row.doctorId === shown.doctorId && row.weekday === shown.weekday);
    return { stale: { doctorId: shown.doctorId, weekday: shown.weekday, expected: loaded, shift: null }, read };
  },
  'roster.setOverride': async () => {
    type Week = { doctors: { id: number }[]; overrides: { doctorId: number; date: string }[] };
    const week = await value<Week>('roster.week', { weekStart: '2026-12-21' });
    const doctor = week.doctors.find((row) => !week.overrides.some((override) => override.doctorId === row.id && override.date === '2026-12-22'));
    if (!doctor) throw new Error('every demo doctor has a change on 2026-12-22');
    // Meanwhile reception gives the doctor the day off; this editor loaded the day with no change.
    await value('roster.setOverride', { doctorId: doctor.id, date: '2026-12-22', expected: null, kind: 'off', note: '病假' });
    const read = async () => (await value<Week>('roster.week', { weekStart: '2026-12-21' })).overrides.find((row) => row.doctorId === doctor.id && row.date === '2026-12-22');
    return { stale: { doctorId: doctor.id, date: '2026-12-22', expected: null, kind: 'hours', start: '09:00', end: '12:00' }, read };
  },
  'items.save': async () => {
    const [item] = await value<{ id: number; version: number; nameZh: string; nameEn: string; active: boolean; sort: number }[]>('items.list', {});
    if (!item) throw new Error('the demo has no item');
    // Meanwhile another manager renames it.
    await value('items.save', { id: item.id, expectedVersion: item.version, nameZh: `${item.nameZh}（新）`, nameEn: item.nameEn, active: item.active, sort: item.sort });
    const read = async () => (await value<{ id: number }[]>('items.list', { includeInactive: true })).find((row) => row.id === item.id);
    return { stale: { id: item.id, expectedVersion: item.version, nameZh: item.nameZh, nameEn: item.nameEn, active: false, sort: item.sort }, read, form: { loaded: item, changed: ['nameZh'] } };
  },
  'checklists.saveTemplate': async () => {
    type Template = { id: number; version: number; nameZh: string; nameEn: string; dueTime: string; role: string; active: boolean; sort: number; items: { id: number; textZh: string; textEn: string; kind: string; expectedCount: number | null; roomId: number | null }[] };
    const { templates } = await value<{ templates: Template[] }>('checklists.templates', {});
    const template = templates[0];
    if (!template) throw new Error('the demo has no checklist template');
    const edit = (changes: Partial<Template>) => {
      const { version: _version, items, ...fields } = { ...template, ...changes };
      return { ...fields, expectedVersion: template.version, items };
    };
    // Meanwhile another manager moves its deadline.
    await value('checklists.saveTemplate', edit({ dueTime: '07:45' }));
    const read = async () => (await value<{ templates: Template[] }>('checklists.templates', {})).templates.find((row) => row.id === template.id);
    return { stale: edit({ nameEn: 'Stale edit' }), read, form: { loaded: template, changed: ['dueTime'] } };
  },
  // A consent text: a new version against the version the editor showed (issue 20).
  'privacy.saveConsentText': async () => {
    type Texts = { texts: { purpose: string; version: number; textZh: string }[] };
    const shown = (await value<Texts>('privacy.consentTexts', {})).texts.find((text) => text.purpose === 'survey');
    if (!shown) throw new Error('no survey consent text');
    // Meanwhile another manager publishes the next version.
    await value('privacy.saveConsentText', { purpose: 'survey', expectedVersion: shown.version, textZh: '另一位主管的新文本', textEn: 'Another manager\'s text' });
    const read = async () => (await value<Texts>('privacy.consentTexts', {})).texts.filter((text) => text.purpose === 'survey');
    return { stale: { purpose: 'survey', expectedVersion: shown.version, textZh: '这张表的文本', textEn: 'This form\'s text' }, read };
  },

  // Issue 15: two managers renaming one paired tablet.
  'devices.rename': async () => {
    const { code } = await value<{ code: string }>('devices.startPairing', { kind: 'guideTablet', name: '2楼平板' });
    const { device } = await value<{ device: { id: number } }>('devices.pair', { code });
    await value('devices.rename', { deviceId: device.id, name: '2楼导医平板', expectedVersion: 1 });
    const read = async () => (await value<{ devices: { id: number }[] }>('devices.list', {})).devices.find((entry) => entry.id === device.id);
    return { stale: { deviceId: device.id, name: '旧名字', expectedVersion: 1 }, read };
  },
  // Staff administration (issue 13 part 8): another manager edited the nurse after this one read her.
  'staff.update': async () => {
    const { nurse, read } = await nurseChangedMeanwhile();
    return { stale: { id: nurse.id, expectedVersion: nurse.version, name: '林小雯', role: 'nurse', specialty: null, roomIds: [] }, read, form: { loaded: nurse, changed: ['specialty'] } };
  },
  'staff.deactivate': async () => {
    const { nurse, read } = await nurseChangedMeanwhile();
    return { stale: { id: nurse.id, expectedVersion: nurse.version }, read };
  },
  'staff.reactivate': async () => {
    const { nurse, read } = await nurseChangedMeanwhile();
    return { stale: { id: nurse.id, expectedVersion: nurse.version }, read };
  },
  'staff.resetPin': async () => {
    const { nurse, read } = await nurseChangedMeanwhile();
    return { stale: { id: nurse.id, expectedVersion: nurse.version, pin: '9753' }, read };
  },
  'visits.transition': async () => {
    const customer = await value<{ id: number }>('customers.create', { name: '赵敏', phone: '13900139000' });
    const { visitId } = await value<{ visitId: number }>('visits.checkIn', { walkIn: { customerId: customer.id } });
    const [card] = (await value<{ cards: { version: number }[] }>('visits.cards', { ids: [visitId] })).cards;
    await value('visits.transition', { visitId, to: 'called', expectedVersion: card?.version });
    const read = async () => (await value<{ cards: unknown[] }>('visits.cards', { ids: [visitId] })).cards[0];
    return { stale: { visitId, to: 'left', expectedVersion: card?.version }, read };
  },
  // issue 14: a room's place and directions; of two managers editing one room, one wins.
  'rooms.update': async () => {
    const [room] = await value<{ id: number; version: number }[]>('rooms.list', {});
    if (!room) throw new Error('the demo has no room');
    await value('rooms.update', { id: room.id, expectedVersion: room.version, landmarks: '前台对面的绿植墙' });
    const read = async () => (await value<{ id: number }[]>('rooms.list', {})).find((each) => each.id === room.id);
    return { stale: { id: room.id, expectedVersion: room.version, landmarks: '这张表的标志物' }, read };
  },
  // issue 14: the hand-off note; the guide on the way and the desk write the same note.
  'handoff.save': async () => {
    const customer = await value<{ id: number }>('customers.create', { name: '钱芳', phone: '13700137000' });
    const { visitId } = await value<{ visitId: number }>('visits.checkIn', { walkIn: { customerId: customer.id } });
    const first = await value<{ version: number }>('handoff.save', { visitId, expectedVersion: 0, wants: '自然一点' });
    await value('handoff.save', { visitId, expectedVersion: first.version, worries: '怕疼' });
    return { stale: { visitId, expectedVersion: first.version, wants: '这张表的期望' }, read: () => value('handoff.get', { visitId }) };
  },

  // Issue 16: another consultant closed the consultation first (the card moved on).
  'outcomes.record': async () => {
    const customer = await value<{ id: number }>('customers.create', { name: '孙悦', phone: '13900139111' });
    const { visitId } = await value<{ visitId: number }>('visits.checkIn', { walkIn: { customerId: customer.id } });
    await value('visits.transition', { visitId, to: 'called' });
    const card = await value<{ version: number }>('visits.transition', { visitId, to: 'in_consultation' });
    await value('outcomes.record', { visitId, expectedVersion: card.version, outcome: 'not_now' });
    const read = async () => (await value<{ cards: unknown[] }>('visits.cards', { ids: [visitId] })).cards[0];
    return { stale: { visitId, expectedVersion: card.version, outcome: 'thinking' }, read };
  },
  // Another nurse did something on the stay (started an infusion) after this one read it.
  'stays.discharge': async () => {
    const customer = await value<{ id: number }>('customers.create', { name: '钱多', phone: '13900139222' });
    const board = await value<{ beds: { room: { id: number }; bed: number; stay: null | { customerId: number; version: number; id: number } }[] }>('stays.board', {});
    const free = board.beds.find((bed) => bed.stay === null);
    if (!free) throw new Error('no free ward bed in the demo');
    const { stayId } = await value<{ stayId: number }>('stays.admit', { customerId: customer.id, roomId: free.room.id, bed: free.bed });
    const read = async () => (await value<typeof board>('stays.board', {})).beds.find((bed) => bed.stay?.id === stayId)?.stay;
    const loaded = await read();
    await value('stays.infusion', { stayId, running: true });
    return { stale: { stayId, expectedVersion: loaded?.version, sheetGiven: true }, read };
  },
  'aftercare.saveTemplate': async () => {
    const { templates } = await value<{ templates: (Record<string, unknown> & { itemId: number | null; version: number })[] }>('aftercare.templates', {});
    const loaded = templates.find((template) => template.itemId === null);
    if (!loaded) throw new Error('no default template');
    const { id: _id, version, ...fields } = loaded;
    await value('aftercare.saveTemplate', { ...fields, expectedVersion: version, foodToAvoid: '忌辛辣、烟酒' });
    const read = async () => (await value<{ templates: { itemId: number | null }[] }>('aftercare.templates', {})).templates.find((template) => template.itemId === null);
    return { stale: { ...fields, expectedVersion: version, comeBack: '一个月后复诊' }, read };
  },
};

/**
 * The scenarios' own moment, not the suite's: several book or read fixed days (a follow-up visit on
 * 1 December, the roster's weeks of 23 November and 21 December), which `npm run test:clock` put in
 * the past at its later moments (31 December 23:58: "the date 2026-12-01 has already passed").
 */
const SCENARIO_NOW = '2026-11-24T02:30:00.000Z';

beforeEach(async () => {
  core = await createTestCore({ now: SCENARIO_NOW });
  const now = core.clock.now();
  await seedDemoClinic(core.database.db, new Date(now).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }), now);
  manager = await signIn(core, await addStaff(core, '测试主管', 'manager'));
  const list = await value<{ entries: { appointment: { id: number; status: string }; version: number }[] }>('appointments.callList', {});
  openAppointments = list.entries.map((entry) => ({ id: entry.appointment.id, version: entry.version }));
});

describe('a stale save', () => {
  it('is looked for in every versioned write of the contract, each with a scenario', () => {
    console.log(`[stale-saves] versioned writes: ${versionedWrites.join(', ')}`);
    expect(versionedWrites.length).toBeGreaterThan(0);
    expect(versionedWrites.filter((name) => !(name in scenarios))).toEqual([]);
  });

  it('is refused by every edit of a stored record: none takes no version', () => {
    const edits = methodNames.filter((name) => contract[name].writes && /\.(update|save|set)/.test(name));
    const unversioned = edits.filter((name) => !versionedWrites.includes(name));
    console.log(`[stale-saves] edits without a version yet: ${unversioned.join(', ')}`);
    expect(unversioned.sort()).toEqual([...EDITS_WITHOUT_VERSION].sort());
  });

  for (const method of versionedWrites) {
    it(`${method}: conflict, and the record stays as the other person left it`, async () => {
      const scenario = scenarios[method];
      if (!scenario) throw new Error(`no scenario for ${method}`);
      const { stale, read, form } = await scenario();
      const before = await read();
      const result = await call(method, stale);
      expect(result).toMatchObject({ ok: false, status: 409, error: { code: 'conflict' } });
      expect(await read()).toEqual(before);
      if (form && !result.ok) {
        // A form's save says what changed meanwhile, with the values stored now.
        expect(isStaleSaveDetails(result.error.details)).toBe(true);
        const details = result.error.details as { current: Record<string, unknown> };
        expect(details.current).toEqual(before);
        expect(changedFields(form.loaded, details.current).map((change) => change.field).sort()).toEqual([...form.changed].sort());
      }
    });
  }
});
