/**
 * The demo clinic's daily checklists, taken from the seeds: the lobby made ready before opening
 * (seed 000, reception flow step 4 "接待准备": 在预约时间前，客服人员准备好接待区域，确保环境整洁舒适),
 * the wards restocked at the end of the day (seed 004 rule 14: 每天下班要补充所有病房生活卫生用品
 * ……（牙刷、一次性的拖鞋、纸巾）), and each ward's phone charger and mosquito repellent counted every
 * morning (seed 004 rule 17: 每个病房配备一个手机充电器及电蚊香，每天早上清点查看数量).
 */
import type { Kysely } from 'kysely';
import type { ChecklistTemplatesTable, Database } from '../db/schema';

interface DemoItem {
  textZh: string;
  textEn: string;
  /** A count item: how many each ward should hold. */
  expected?: number;
  /** The ward the item is about (a room code). */
  room?: string;
}

interface DemoChecklist {
  nameZh: string;
  nameEn: string;
  dueTime: string;
  role: ChecklistTemplatesTable['role'];
  items: (wards: readonly string[]) => DemoItem[];
}

/** The demo's wards (rooms of kind 'ward': 305 and 306 in demo-data). */
const WARD_KIND = 'ward';

const DEMO_CHECKLISTS: DemoChecklist[] = [
  {
    // seed 000 step 4 "接待准备": the reception area tidy and comfortable before the first appointment;
    // tea, magazines and the Wi-Fi card are what the comfort tasks hand out all day (issue 5 item 4).
    nameZh: '早班大堂准备',
    nameEn: 'Morning lobby preparation',
    dueTime: '08:45',
    role: 'reception',
    items: () => [
      { textZh: '整理接待区：前台、沙发、茶几整洁', textEn: 'Tidy the reception area: desk, sofas, tables' },
      { textZh: '茶水、饮用水准备好，纸杯充足', textEn: 'Tea and drinking water ready, enough cups' },
      { textZh: '杂志摆放整齐并补充', textEn: 'Magazines stocked and in order' },
      { textZh: 'Wi-Fi 卡片放在前台', textEn: 'Wi-Fi cards on the desk' },
      { textZh: '逐一确认今日医生排班', textEn: "Confirm today's doctors' roster one by one" },
    ],
  },
  {
    // seed 004 rule 17: one phone charger and one electric mosquito repellent per ward, counted each morning.
    nameZh: '病房物品清点',
    nameEn: 'Ward items count',
    dueTime: '09:00',
    role: 'nurse',
    items: (wards) =>
      wards.flatMap((ward) => [
        { textZh: '手机充电器', textEn: 'Phone charger', expected: 1, room: ward },
        { textZh: '电蚊香', textEn: 'Mosquito repellent', expected: 1, room: ward },
      ]),
  },
  {
    // seed 004 rule 14: restock every ward's daily supplies before going off duty, above all occupied ones.
    nameZh: '下班前补充病房用品',
    nameEn: 'Restock ward supplies before leaving',
    dueTime: '18:30',
    role: 'nurse',
    items: () => [
      { textZh: '牙刷（所有病房，尤其有住院顾客的）', textEn: 'Toothbrushes (every ward, occupied ones first)' },
      { textZh: '一次性拖鞋', textEn: 'Disposable slippers' },
      { textZh: '纸巾', textEn: 'Tissues' },
    ],
  },
];

/** Writes the demo's checklist templates; called once, when the demo clinic is created. */
export async function seedChecklists(db: Kysely<Database>, stamp: string): Promise<void> {
  const rooms = await db.selectFrom('rooms').select(['id', 'code', 'kind']).orderBy('code').execute();
  const wards = rooms.filter((room) => room.kind === WARD_KIND).map((room) => room.code);
  for (const [sort, checklist] of DEMO_CHECKLISTS.entries()) {
    const template = await db
      .insertInto('checklist_templates')
      .values({ name_zh: checklist.nameZh, name_en: checklist.nameEn, due_time: checklist.dueTime, role: checklist.role, sort, updated_at: stamp, updated_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [itemSort, item] of checklist.items(wards).entries()) {
      await db
        .insertInto('checklist_template_items')
        .values({
          template_id: template.id,
          text_zh: item.textZh,
          text_en: item.textEn,
          kind: item.expected === undefined ? 'tick' : 'count',
          expected_count: item.expected ?? null,
          room_id: item.room === undefined ? null : (rooms.find((room) => room.code === item.room)?.id ?? null),
          sort: itemSort,
        })
        .execute();
    }
  }
}
