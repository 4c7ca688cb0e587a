/**
 * SQL of the daily checklists: templates and their items, one run per template per clinic day,
 * and the run's ticks. Served by the indexes of migration 007.
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ChecklistTemplateItemsTable, ChecklistTemplatesTable, Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Templates in display order; only the active ones unless `all` (`checklist_templates_active`). */
export function listTemplates(db: Db, options: { all?: boolean } = {}) {
  let query = db.selectFrom('checklist_templates').selectAll();
  if (!options.all) query = query.where('active', '=', 1);
  return query.orderBy('sort').orderBy('id').execute();
}

/** The role each of some templates is for (who is told when it is overdue). */
export function rolesOfTemplates(db: Db, ids: readonly number[]) {
  return db.selectFrom('checklist_templates').where('id', 'in', [...ids]).select(['id', 'role']).execute();
}

/** Adds a template; returns its id. */
export async function insertTemplate(db: Db, values: Insertable<ChecklistTemplatesTable>): Promise<number> {
  const inserted = await db.insertInto('checklist_templates').values(values).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * Changes a template's own fields (its items are saved one by one) only if nobody changed it since
 * `expectedVersion` was read, bumping the version.
 */
export async function updateTemplateVersioned(db: Db, id: number, expectedVersion: number, values: Insertable<ChecklistTemplatesTable>): Promise<boolean> {
  const result = await db
    .updateTable('checklist_templates')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Adds an item to a template. */
export async function insertTemplateItem(db: Db, row: Insertable<ChecklistTemplateItemsTable>) {
  await db.insertInto('checklist_template_items').values(row).execute();
}

/** Changes an item of a template. */
export async function updateTemplateItem(db: Db, id: number, row: Omit<Insertable<ChecklistTemplateItemsTable>, 'template_id'>) {
  await db.updateTable('checklist_template_items').set(row).where('id', '=', id).execute();
}

/** Retires items: never deleted, past runs still name them. */
export async function retireTemplateItems(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return;
  await db.updateTable('checklist_template_items').set({ active: 0 }).where('id', 'in', [...ids]).execute();
}

/** One template by id. */
export function findTemplate(db: Db, id: number) {
  return db.selectFrom('checklist_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Who last changed a template (a conflict names them). */
export async function templateEditorName(db: Db, id: number): Promise<string | null> {
  const row = await db
    .selectFrom('checklist_templates as t')
    .leftJoin('staff as s', 's.id', 't.updated_by')
    .select('s.name')
    .where('t.id', '=', id)
    .executeTakeFirst();
  return row?.name ?? null;
}

/** The active items of some templates with their room, in order (`checklist_template_items_by_template`). */
export function activeItemsOf(db: Db, templateIds: readonly number[]) {
  if (templateIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('checklist_template_items as i')
    .leftJoin('rooms as r', 'r.id', 'i.room_id')
    .selectAll('i')
    .select(['r.code as room_code', 'r.name as room_name', 'r.name_en as room_name_en'])
    .where('i.template_id', 'in', templateIds)
    .where('i.active', '=', 1)
    .orderBy('i.template_id')
    .orderBy('i.sort')
    .orderBy('i.id')
    .execute();
}

/** The runs of one clinic day with who started and completed them (`checklist_runs_by_date`). */
export function runsOfDay(db: Db, date: string) {
  return db
    .selectFrom('checklist_runs as run')
    .innerJoin('staff as starter', 'starter.id', 'run.started_by')
    .leftJoin('staff as completer', 'completer.id', 'run.completed_by')
    .selectAll('run')
    .select(['starter.name as started_by_name', 'completer.name as completed_by_name'])
    .where('run.date', '=', date)
    .execute();
}

/** The run of a template on a clinic day (the unique `(template_id, date)`). */
export function findRun(db: Db, templateId: number, date: string) {
  return db.selectFrom('checklist_runs').selectAll().where('template_id', '=', templateId).where('date', '=', date).executeTakeFirst();
}

/** Starts a template's run for the day; the unique key makes a second desk's start a no-op. */
export async function ensureRun(db: Db, templateId: number, date: string, staffId: number, at: string) {
  await db
    .insertInto('checklist_runs')
    .values({ template_id: templateId, date, started_by: staffId, started_at: at })
    .onConflict((oc) => oc.columns(['template_id', 'date']).doNothing())
    .execute();
  const run = await findRun(db, templateId, date);
  if (!run) throw new Error('checklist run vanished after insert');
  return run;
}

/** The ticks of some runs with who ticked (unique `(run_id, item_id)`). */
export function ticksOfRuns(db: Db, runIds: readonly number[]) {
  if (runIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('checklist_run_items as tick')
    .innerJoin('staff as s', 's.id', 'tick.ticked_by')
    .selectAll('tick')
    .select('s.name as ticked_by_name')
    .where('tick.run_id', 'in', runIds)
    .execute();
}

/** The tick of one item in a run, if any. */
export function findTick(db: Db, runId: number, itemId: number) {
  return db.selectFrom('checklist_run_items').selectAll().where('run_id', '=', runId).where('item_id', '=', itemId).executeTakeFirst();
}

/** Records (or changes) the tick of an item in a run. */
export async function upsertTick(
  db: Db,
  row: { run_id: number; item_id: number; status: 'ok' | 'missing'; note: string; counted: number | null; ticked_by: number; ticked_at: string },
) {
  await db
    .insertInto('checklist_run_items')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['run_id', 'item_id']).doUpdateSet({
        status: row.status,
        note: row.note,
        counted: row.counted,
        ticked_by: row.ticked_by,
        ticked_at: row.ticked_at,
      }),
    )
    .execute();
}

/** Marks a run completed, only if it is not already (returns false when another desk got there first). */
export async function completeRun(db: Db, runId: number, staffId: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('checklist_runs')
    .set({ completed_by: staffId, completed_at: at })
    .where('id', '=', runId)
    .where('completed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every item of a template, retired ones too, for the editor's save. */
export function allItemsOf(db: Db, templateId: number) {
  return db.selectFrom('checklist_template_items').selectAll().where('template_id', '=', templateId).execute();
}

/** Rooms an item may name, wards first. */
export function listRoomRefs(db: Db) {
  return db.selectFrom('rooms').select(['id', 'code', 'name', 'name_en', 'kind']).orderBy('floor').orderBy('code').execute();
}
