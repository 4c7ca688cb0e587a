import { describe, expect, it } from 'vitest';
import { createTestCore } from '../../tests/helpers/test-core';
import { createChecklistService } from '../services/checklist-service';
import { seedDemoClinic } from './seed-demo';

describe('the demo checklists', () => {
  it("ship the seeds' own: the morning lobby, each ward's chargers and repellents counted, the wards restocked", async () => {
    const core = await createTestCore();
    const db = core.database.db;
    await seedDemoClinic(db, '2026-11-23', new Date('2026-11-23T00:00:00.000Z'));
    const { checklists } = await createChecklistService().today(db, '2026-11-23', new Date('2026-11-23T00:00:00.000Z'));
    const summary = checklists.map((checklist) => ({
      name: checklist.nameZh,
      due: checklist.dueTime,
      role: checklist.role,
      items: checklist.items.map((item) => (item.room ? `${item.room.code} ${item.textZh} ×${item.expectedCount}` : item.textZh)),
    }));
    expect(summary[0]).toMatchObject({ name: '早班大堂准备', due: '08:45', role: 'reception' });
    expect(summary[0]?.items.join()).toMatch(/茶水.*杂志.*Wi-Fi.*排班/);
    // seed 004 rule 17: one charger and one mosquito repellent per ward, both wards.
    expect(summary[1]).toEqual({
      name: '病房物品清点',
      due: '09:00',
      role: 'nurse',
      items: ['305 手机充电器 ×1', '305 电蚊香 ×1', '306 手机充电器 ×1', '306 电蚊香 ×1'],
    });
    // seed 004 rule 14: toothbrushes, disposable slippers, tissues.
    expect(summary[2]).toMatchObject({ name: '下班前补充病房用品', due: '18:30', role: 'nurse' });
    expect(summary[2]?.items.join()).toMatch(/牙刷.*拖鞋.*纸巾/);
    await core.close();
  }, 60_000);
});
