/**
 * Daily checklists (seed 000 step 4 "接待准备"; seed 004 rules 14 and 17): the day's view of every
 * active template with its run, ticking items (the first tick starts the day's run), completing a
 * run once every item is ticked, and the manager's template editor. Also `overdueChecklists`, read
 * by the scheduler to raise "checklist not done by its time".
 */
import { AppError } from '../../shared/contract/errors';
import type { ChecklistTemplate, DayChecklist, SaveTemplateInput, TickInput } from '../../shared/contract/checklists';
import { checklistDueAt, checklistStatus, isCountShort } from '../../shared/domain/checklists';
import { clinicDateOf, type ClinicDate } from '../../shared/domain/clinic-time';
import type { Language } from '../../shared/i18n/messages';
import {
  activeItemsOf,
  allItemsOf,
  completeRun,
  ensureRun,
  findRun,
  findTemplate,
  findTick,
  insertTemplate,
  insertTemplateItem,
  listRoomRefs,
  listTemplates,
  retireTemplateItems,
  runsOfDay,
  ticksOfRuns,
  templateEditorName,
  updateTemplateVersioned,
  updateTemplateItem,
  upsertTick,
} from '../db/repositories/checklists';
import { listRooms } from '../db/repositories/roster';
import { readSettings } from '../db/repositories/settings';
import { resolveForEveryone } from '../db/repositories/notifications';
import type { Db } from './roster-types';

/** A write's audit description. */
interface Change<Result> {
  result: Result;
  target: string;
  diff: unknown;
  /** Notifications the change resolved (read by everyone they were for): the desks are told. */
  resolvedNotifications?: number[];
}

/** A checklist past its time and not completed, for the scheduler's notification. */
export interface OverdueChecklist {
  templateId: number;
  /** The Chinese name (the source language). */
  name: string;
  nameEn: string;
  date: ClinicDate;
  dueAt: string;
}

export interface ChecklistService {
  /** Every active template with the day's run (today when `date` is absent). */
  today(db: Db, date: ClinicDate | undefined, now: Date): Promise<{ date: ClinicDate; checklists: DayChecklist[] }>;
  /** Ticks an item OK or missing; starts the run on the first tick; refuses a completed run. */
  tick(db: Db, input: TickInput, staffId: number, now: Date): Promise<Change<DayChecklist>>;
  /** Completes the day's run; every active item must be ticked. */
  complete(db: Db, input: { date: ClinicDate; templateId: number }, staffId: number, now: Date, language: Language): Promise<Change<DayChecklist>>;
  /** Every template with its current items, and the rooms an item may name. */
  templates(db: Db): Promise<{ templates: ChecklistTemplate[]; rooms: { id: number; code: string; name: string; nameEn: string }[] }>;
  /** Adds or edits a template; items left out are retired, not deleted. */
  saveTemplate(db: Db, input: SaveTemplateInput, staffId: number, now: Date): Promise<Change<ChecklistTemplate>>;
}

/** Builds the checklist service. */
export function createChecklistService(): ChecklistService {
  return {
    async today(db, date, now) {
      const { timeZone } = await readSettings(db);
      const day = date ?? clinicDateOf(now, timeZone);
      return { date: day, checklists: await loadDay(db, day, now, timeZone) };
    },

    async tick(db, input, staffId, now) {
      const { timeZone } = await readSettings(db);
      if (input.runDate > clinicDateOf(now, timeZone)) {
        throw new AppError('invalid', 'checklists.error.future', { path: ['runDate'] });
      }
      const template = await findTemplate(db, input.templateId);
      if (!template || template.active !== 1) throw new AppError('not_found', 'checklists.error.template');
      const item = (await activeItemsOf(db, [template.id])).find((candidate) => candidate.id === input.itemId);
      if (!item) throw new AppError('not_found', 'checklists.error.item', { path: ['itemId'] });
      if (item.kind === 'count' && input.count === undefined) {
        throw new AppError('invalid', 'checklists.error.countNeeded', { path: ['count'] });
      }
      const counted = item.kind === 'count' ? (input.count ?? null) : null;
      // A count below what the ward should hold cannot be "OK" (seed 004 rule 17: one each per ward).
      if (input.status === 'ok' && isCountShort(item.expected_count, counted)) {
        throw new AppError('invalid', 'checklists.error.countShort', {
          path: ['count'],
          params: { expected: item.expected_count ?? 0, count: counted ?? 0 },
        });
      }
      const at = now.toISOString();
      const run = await ensureRun(db, template.id, input.runDate, staffId, at);
      if (run.completed_at) throw new AppError('conflict', 'checklists.error.completed', { details: { runId: run.id } });
      const before = await findTick(db, run.id, item.id);
      const note = input.note ?? '';
      await upsertTick(db, { run_id: run.id, item_id: item.id, status: input.status, note, counted, ticked_by: staffId, ticked_at: at });
      return {
        result: await loadOne(db, input.runDate, template.id, now, timeZone),
        target: `checklist_run:${run.id}`,
        diff: {
          item: item.id,
          status: [before?.status ?? null, input.status],
          ...(note || before?.note ? { note: [before?.note ?? null, note] } : {}),
          ...(counted !== null ? { count: [before?.counted ?? null, counted] } : {}),
        },
      };
    },

    async complete(db, input, staffId, now, language) {
      const { timeZone } = await readSettings(db);
      const template = await findTemplate(db, input.templateId);
      if (!template) throw new AppError('not_found', 'checklists.error.template');
      const run = await findRun(db, template.id, input.date);
      if (run?.completed_at) throw new AppError('conflict', 'checklists.error.completed', { details: { runId: run.id } });
      const items = await activeItemsOf(db, [template.id]);
      const ticked = new Set((run ? await ticksOfRuns(db, [run.id]) : []).map((tick) => tick.item_id));
      const unticked = items.find((item) => !ticked.has(item.id));
      if (!run || unticked) {
        const first = unticked ?? items[0];
        const text = first ? (language === 'en' && first.text_en ? first.text_en : first.text_zh) : '';
        throw new AppError('invalid', 'checklists.error.unticked', { params: { item: text }, details: { itemId: first?.id ?? null } });
      }
      if (!(await completeRun(db, run.id, staffId, now.toISOString()))) {
        throw new AppError('conflict', 'checklists.error.completed', { details: { runId: run.id } });
      }
      // Done, even late: its overdue notification is resolved on every desk (issue 13 part 6).
      const resolvedNotifications = await resolveForEveryone(db, { kind: 'checklistOverdue', subjectKind: 'checklist', subjectId: `${String(template.id)}@${input.date}` }, now.toISOString());
      return {
        result: await loadOne(db, input.date, template.id, now, timeZone),
        target: `checklist_run:${run.id}`,
        diff: { completedAt: [null, now.toISOString()], template: template.id, date: input.date },
        resolvedNotifications,
      };
    },

    async templates(db) {
      const templates = await listTemplates(db, { all: true });
      const rooms = await listRoomRefs(db);
      return {
        templates: await toEditorTemplates(db, templates),
        rooms: rooms.map((room) => ({ id: room.id, code: room.code, name: room.name, nameEn: room.name_en })),
      };
    },

    async saveTemplate(db, input, staffId, now) {
      const at = now.toISOString();
      const values = {
        name_zh: input.nameZh,
        name_en: input.nameEn,
        due_time: input.dueTime,
        role: input.role,
        active: input.active ? (1 as const) : (0 as const),
        sort: input.sort,
        updated_at: at,
        updated_by: staffId,
      };
      let templateId: number;
      let before: unknown = null;
      if (input.id === undefined) {
        templateId = await insertTemplate(db, values);
      } else {
        const existing = await findTemplate(db, input.id);
        if (!existing) throw new AppError('not_found', 'checklists.error.template');
        before = (await toEditorTemplates(db, [existing]))[0];
        templateId = existing.id;
        // Issue 19 part 6: two managers editing one template — the later save is told, with the
        // template as it is now, never the silent winner (items included: they are saved below).
        const stale = async () =>
          new AppError('conflict', 'checklists.error.stale', {
            params: { by: (await templateEditorName(db, existing.id)) ?? '—' },
            path: ['expectedVersion'],
            details: { version: existing.version, current: before as ChecklistTemplate },
          });
        if (input.expectedVersion !== existing.version) throw await stale();
        if (!(await updateTemplateVersioned(db, templateId, input.expectedVersion, values))) throw await stale();
      }
      const existingItems = await allItemsOf(db, templateId);
      const kept = new Set<number>();
      // A room that does not exist is the caller's mistake, named by its field, never a foreign-key
      // failure answered 500 (found by the 10,000-a-method bad-input run).
      const rooms = new Set((await listRooms(db)).map((room) => room.id));
      const unknownRoom = input.items.findIndex((item) => item.roomId !== null && item.roomId !== undefined && !rooms.has(item.roomId));
      if (unknownRoom >= 0) throw new AppError('not_found', 'error.notFound', { path: ['items', unknownRoom, 'roomId'] });
      for (const [sort, item] of input.items.entries()) {
        const row = {
          text_zh: item.textZh,
          text_en: item.textEn,
          kind: item.kind,
          expected_count: item.kind === 'count' ? item.expectedCount : null,
          room_id: item.roomId,
          active: 1 as const,
          sort,
        };
        if (item.id !== undefined) {
          if (!existingItems.some((existing) => existing.id === item.id)) {
            throw new AppError('not_found', 'checklists.error.item', { path: ['items', sort, 'id'] });
          }
          kept.add(item.id);
          await updateTemplateItem(db, item.id, row);
        } else {
          await insertTemplateItem(db, { ...row, template_id: templateId });
        }
      }
      // Retire, never delete: past runs still name these items.
      const retired = existingItems.filter((item) => item.active === 1 && !kept.has(item.id)).map((item) => item.id);
      await retireTemplateItems(db, retired);
      const saved = await findTemplate(db, templateId);
      const result = (await toEditorTemplates(db, saved ? [saved] : []))[0];
      if (!result) throw new Error('saved checklist template vanished');
      return { result, target: `checklist_template:${templateId}`, diff: before ? { before, after: result } : result };
    },
  };
}

/**
 * The active checklists of today not completed by their due time, for the scheduler ("a checklist
 * not done by its time", issue 5 item 6). Reads the clinic's time zone from settings.
 */
export async function overdueChecklists(db: Db, now: Date): Promise<OverdueChecklist[]> {
  const { timeZone } = await readSettings(db);
  const date = clinicDateOf(now, timeZone);
  const templates = await listTemplates(db);
  const runs = new Map((await runsOfDay(db, date)).map((run) => [run.template_id, run]));
  return templates
    .filter((template) => {
      const run = runs.get(template.id);
      return checklistStatus({ dueTime: template.due_time }, { date, completedAt: run?.completed_at ?? null }, now, timeZone) === 'overdue';
    })
    .map((template) => ({
      templateId: template.id,
      name: template.name_zh,
      nameEn: template.name_en,
      date,
      dueAt: checklistDueAt(template.due_time, date, timeZone).toISOString(),
    }));
}

type TemplateRow = Awaited<ReturnType<typeof listTemplates>>[number];

async function toEditorTemplates(db: Db, templates: TemplateRow[]): Promise<ChecklistTemplate[]> {
  const items = await activeItemsOf(db, templates.map((template) => template.id));
  return templates.map((template) => ({
    id: template.id,
    nameZh: template.name_zh,
    nameEn: template.name_en,
    dueTime: template.due_time,
    role: template.role,
    active: template.active === 1,
    sort: template.sort,
    version: template.version,
    items: items
      .filter((item) => item.template_id === template.id)
      .map((item) => ({
        id: item.id,
        textZh: item.text_zh,
        textEn: item.text_en,
        kind: item.kind,
        expectedCount: item.expected_count,
        roomId: item.room_id,
      })),
  }));
}

async function loadOne(db: Db, date: ClinicDate, templateId: number, now: Date, timeZone: string): Promise<DayChecklist> {
  const day = await loadDay(db, date, now, timeZone, templateId);
  const found = day[0];
  if (!found) throw new AppError('not_found', 'checklists.error.template');
  return found;
}

/** The day's view of the active templates (or of one, even if retired since). */
async function loadDay(db: Db, date: ClinicDate, now: Date, timeZone: string, onlyTemplateId?: number): Promise<DayChecklist[]> {
  const templates = onlyTemplateId === undefined ? await listTemplates(db) : [await findTemplate(db, onlyTemplateId)].filter((t) => t !== undefined);
  const items = await activeItemsOf(db, templates.map((template) => template.id));
  const runs = (await runsOfDay(db, date)).filter((run) => templates.some((template) => template.id === run.template_id));
  const ticks = await ticksOfRuns(db, runs.map((run) => run.id));
  return templates.map((template) => {
    const run = runs.find((candidate) => candidate.template_id === template.id) ?? null;
    const runTicks = run ? ticks.filter((tick) => tick.run_id === run.id) : [];
    const checklistItems = items
      .filter((item) => item.template_id === template.id)
      .map((item) => {
        const tick = runTicks.find((candidate) => candidate.item_id === item.id);
        return {
          id: item.id,
          textZh: item.text_zh,
          textEn: item.text_en,
          kind: item.kind,
          expectedCount: item.expected_count,
          room:
            item.room_id !== null && item.room_code !== null
              ? { id: item.room_id, code: item.room_code, name: item.room_name ?? '', nameEn: item.room_name_en ?? '' }
              : null,
          tick: tick
            ? {
                status: tick.status,
                note: tick.note,
                count: tick.counted,
                tickedBy: { id: tick.ticked_by, name: tick.ticked_by_name },
                tickedAt: tick.ticked_at,
              }
            : null,
        };
      });
    return {
      templateId: template.id,
      nameZh: template.name_zh,
      nameEn: template.name_en,
      dueTime: template.due_time,
      dueAt: checklistDueAt(template.due_time, date, timeZone).toISOString(),
      role: template.role,
      status: checklistStatus({ dueTime: template.due_time }, { date, completedAt: run?.completed_at ?? null, ticked: checklistItems.filter((item) => item.tick !== null).length }, now, timeZone),
      items: checklistItems,
      ticked: checklistItems.filter((item) => item.tick !== null).length,
      missing: checklistItems.filter((item) => item.tick?.status === 'missing').length,
      run: run
        ? {
            id: run.id,
            startedBy: { id: run.started_by, name: run.started_by_name },
            startedAt: run.started_at,
            completedBy: run.completed_by !== null ? { id: run.completed_by, name: run.completed_by_name ?? '' } : null,
            completedAt: run.completed_at,
          }
        : null,
    };
  });
}
