/**
 * Comfort of waiting customers. The rules are data, editable without code: tea or water within
 * 5 minutes and magazines with the Wi-Fi card (seed 000 step 5: 提供茶水、杂志), a check-in round
 * every 15 minutes while a customer waits, reassurance and a breathing exercise for the anxious
 * and those before surgery (seed 004 rule 5: 术前的顾客应予心理安慰…如深呼吸), water and a drip
 * check for infusion customers (seed 004 rules 3 and 21). Tasks are made from the rules at
 * check-in; each records when it was due and who did it.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE comfort_rules (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    trigger TEXT NOT NULL CHECK (trigger IN ('check_in','round')),
    applies_to TEXT NOT NULL CHECK (applies_to IN ('all','anxious','preop','infusion')),
    due_minutes INTEGER NOT NULL CHECK (due_minutes > 0),
    label TEXT NOT NULL,
    label_en TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    sort INTEGER NOT NULL DEFAULT 0
  ) STRICT`.execute(db);

  await sql`CREATE TABLE comfort_tasks (
    id INTEGER PRIMARY KEY,
    visit_id INTEGER NOT NULL REFERENCES visits(id),
    rule_id INTEGER REFERENCES comfort_rules(id),
    label TEXT NOT NULL,
    label_en TEXT NOT NULL,
    due_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES staff(id),
    done_at TEXT,
    done_by INTEGER REFERENCES staff(id),
    cancelled_at TEXT,
    note TEXT NOT NULL DEFAULT ''
  ) STRICT`.execute(db);
  await sql`CREATE INDEX comfort_tasks_by_visit ON comfort_tasks(visit_id, due_at)`.execute(db);
  // The task panel and the scheduler read the open tasks in due order.
  await sql`CREATE INDEX comfort_tasks_open ON comfort_tasks(due_at) WHERE done_at IS NULL AND cancelled_at IS NULL`.execute(db);

  const rules: [string, string, string, number, string, string, number][] = [
    ['tea', 'check_in', 'all', 5, '奉上茶水或温水', 'Offer tea or water', 1],
    ['magazines', 'check_in', 'all', 5, '送上杂志和 Wi-Fi 卡', 'Bring magazines and the Wi-Fi card', 2],
    ['round', 'round', 'all', 15, '巡视问候，询问是否需要帮助', 'Comfort round: check in with the customer', 3],
    ['reassure', 'check_in', 'anxious', 10, '安抚情绪，带做深呼吸放松', 'Reassure; guide a breathing exercise', 4],
    ['reassure_preop', 'check_in', 'preop', 10, '术前心理安慰，带做深呼吸', 'Pre-op reassurance and deep breathing', 5],
    ['infusion', 'check_in', 'infusion', 10, '倒水，查看输液情况', 'Bring water; check the drip', 6],
  ];
  for (const [code, trigger, appliesTo, due, label, labelEn, sort] of rules) {
    await sql`INSERT INTO comfort_rules (code, trigger, applies_to, due_minutes, label, label_en, sort)
      VALUES (${code}, ${trigger}, ${appliesTo}, ${due}, ${label}, ${labelEn}, ${sort})`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
