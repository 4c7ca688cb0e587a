/**
 * Privacy and the law (issue 20; shared/domain/privacy.ts): consents per customer and purpose with
 * the version of the text signed, the log of who looked at a customer's record (kept at least 3
 * years, PIPL Art. 56), and erasure (PIPL Art. 47) with the legal hold that medical-record rules
 * impose (医疗机构管理条例实施细则 Art. 53: 15 years).
 */
import { sql, type Kysely } from 'kysely';

const PURPOSES = sql.raw(`('medical','followUpCalls','survey','marketing','photos')`);

/** The first version of each purpose's text, for a manager to adapt (Settings → 隐私 / Privacy). */
const FIRST_TEXTS: [string, string, string][] = [
  [
    'medical',
    '本人同意本门诊部为提供咨询、检查、手术及术后随访，收集和使用本人的医疗信息（包括意向项目、交接记录、心理筛查结果、随访记录）。上述信息属于敏感个人信息，仅限为本人提供服务的工作人员查看，每次查看均有记录。本人可随时撤回同意；撤回不影响撤回前的处理。',
    'I agree that the clinic collects and uses my medical information (items of interest, hand-off notes, screening results, follow-up records) to provide consultation, examination, surgery and follow-up. It is sensitive personal information, seen only by the staff who look after me, and every read is logged. I may withdraw this consent at any time; withdrawal does not affect processing before it.',
  ],
  ['followUpCalls', '本人同意术后由本门诊部致电随访，了解恢复情况并解答问题。', 'I agree to follow-up calls from the clinic after surgery about my recovery and my questions.'],
  ['survey', '本人同意参加满意度调查；调查结果仅用于改进服务。', 'I agree to take part in the satisfaction survey; the answers are used only to improve the service.'],
  ['marketing', '本人同意接收本门诊部的活动与服务信息，可随时退订。', "I agree to receive news of the clinic's services and offers, and may unsubscribe at any time."],
  ['photos', '本人同意本门诊部为病历记录拍摄照片；未经本人另行书面同意，不用于任何宣传。', 'I agree to photographs for my medical record; they are never used for publicity without my separate written consent.'],
];

export async function up(db: Kysely<any>): Promise<void> {
  // The texts a customer consents to, versioned: a new text is a new version, never an edit of one
  // a customer has signed.
  await sql`CREATE TABLE consent_texts (
    id INTEGER PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ${PURPOSES}),
    version INTEGER NOT NULL CHECK (version > 0),
    text_zh TEXT NOT NULL CHECK (length(trim(text_zh)) > 0),
    text_en TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES staff(id),
    UNIQUE (purpose, version)
  ) STRICT`.execute(db);
  for (const [purpose, textZh, textEn] of FIRST_TEXTS) {
    await sql`INSERT INTO consent_texts (purpose, version, text_zh, text_en, created_at, created_by) VALUES (${purpose}, 1, ${textZh}, ${textEn}, '2026-12-04T00:00:00.000Z', NULL)`.execute(db);
  }

  await sql`CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    purpose TEXT NOT NULL CHECK (purpose IN ${PURPOSES}),
    text_id INTEGER NOT NULL REFERENCES consent_texts(id),
    method TEXT NOT NULL CHECK (method IN ('paper','tablet')),
    note TEXT NOT NULL DEFAULT '',
    given_at TEXT NOT NULL,
    taken_by INTEGER NOT NULL REFERENCES staff(id),
    withdrawn_at TEXT,
    withdrawn_by INTEGER REFERENCES staff(id)
  ) STRICT`.execute(db);
  // At most one consent in force per customer and purpose.
  await sql`CREATE UNIQUE INDEX consents_in_force ON consents(customer_id, purpose) WHERE withdrawn_at IS NULL`.execute(db);
  await sql`CREATE INDEX consents_by_customer ON consents(customer_id, given_at)`.execute(db);

  // Who looked (PIPL Art. 51): each read of a record, a hand-off note, a screening or an export.
  await sql`CREATE TABLE access_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    device TEXT NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    kind TEXT NOT NULL CHECK (kind IN ('customer','handoffNote','screening','export')),
    screen TEXT NOT NULL DEFAULT 'other',
    method TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX access_log_by_customer ON access_log(customer_id, at)`.execute(db);
  await sql`CREATE INDEX access_log_by_time ON access_log(at)`.execute(db);

  // Erasure: when, by whom; a record kept by law until `held_until` (exclusive) is out of every
  // list and search meanwhile (PIPL Art. 47: stored, not processed), then erased by the scheduler.
  await sql`ALTER TABLE customers ADD COLUMN erased_at TEXT`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN held_until TEXT`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN hold_reason TEXT`.execute(db);
  await sql`CREATE INDEX customers_held ON customers(held_until) WHERE held_until IS NOT NULL`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
