import { randomInt } from 'node:crypto';
import { apiCall, signInAs, signInManager } from './api';
import { expect, test } from './fixtures';
import { ChecklistsPage } from './pages/checklists-page';
import { SignInPage } from './pages/sign-in-page';

interface DayChecklist {
  templateId: number;
  nameZh: string;
  items: { id: number; textZh: string; tick: { status: string; note: string; tickedBy: { name: string } } | null }[];
  run: { completedBy: { name: string } | null } | null;
}

test('the morning lobby checklist: tick each item in the UI, one missing with its note, then complete it', async ({ page, request }) => {
  // A morning checklist of this test's own (seed 004 rule 14: the ward's items counted each
  // morning), so it is not started yet whatever the demo day has done by the suite's moment.
  const manager = await signInManager(request);
  const template = await apiCall<{ id: number }>(
    request,
    'checklists.saveTemplate',
    {
      nameZh: `早班大堂准备·${String(randomInt(1000, 10_000))}`,
      dueTime: '09:00',
      role: 'reception',
      items: [
        { textZh: '纸杯、茶包、温水', kind: 'tick' },
        { textZh: '杂志架整理', kind: 'tick' },
        { textZh: '候诊区空调与灯光', kind: 'tick' },
      ],
    },
    manager,
  );
  const token = await signInAs(request, '林佳');
  const { checklists } = await apiCall<{ checklists: DayChecklist[] }>(request, 'checklists.today', {}, token);
  const lobby = checklists.find((checklist) => checklist.templateId === template.id);
  if (!lobby) throw new Error("the new checklist is not on today's list");
  expect(lobby.run).toBeNull();
  expect(lobby.items).toHaveLength(3);

  const signIn = new SignInPage(page);
  await signIn.open('zh-CN');
  await signIn.signIn('林佳');
  const screen = new ChecklistsPage(page);
  await screen.open();
  const card = screen.card(lobby.templateId);
  await expect(card).toContainText(lobby.nameZh);

  const [first, ...rest] = lobby.items as [DayChecklist['items'][number], ...DayChecklist['items']];
  // One item missing (with its note): Complete waits until every item is ticked.
  await screen.markMissing(lobby.templateId, first.textZh, '纸杯只剩 5 个');
  await expect(card.getByTestId(`checklist-item-${first.id}`)).toContainText('林佳');
  await expect(card.getByTestId(`checklist-item-${first.id}`)).toContainText('纸杯只剩 5 个');
  await expect(card.getByRole('button', { name: '完成' })).toBeDisabled();
  for (const item of rest) {
    await screen.tickOk(lobby.templateId, item.textZh);
    await expect(card.getByTestId(`checklist-item-${item.id}`)).toContainText('林佳');
  }
  await expect(card).toContainText(`${lobby.items.length}/${lobby.items.length}`);
  await screen.complete(lobby.templateId);
  await expect(card).toContainText('林佳 于');
  // Due at 09:00: completed after it, it reads done late, not a plain "done" (issue 13 part 6).
  const me = await apiCall<{ clinic: { settings: { timeZone: string } } }>(request, 'auth.me', {}, token);
  const health = (await (await request.get('/api/health')).json()) as { now: string };
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: me.clinic.settings.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(health.now));
  await expect(card).toContainText(time > '09:00' ? '超时完成' : '已完成');
  await expect(card.getByRole('button', { name: `正常 ${first.textZh}` })).toBeDisabled();

  // The run on the server says the same: who ticked, what was missing, who completed it.
  const after = (await apiCall<{ checklists: DayChecklist[] }>(request, 'checklists.today', {}, token)).checklists.find((checklist) => checklist.templateId === lobby.templateId);
  expect(after?.run?.completedBy?.name).toBe('林佳');
  expect(after?.items[0]?.tick).toMatchObject({ status: 'missing', note: '纸杯只剩 5 个', tickedBy: { name: '林佳' } });
});

test("a manager adds a checklist in the template editor and it is on today's page", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.open('zh-CN');
  await signIn.signIn('何芳');
  const screen = new ChecklistsPage(page);
  await screen.open();
  await page.getByRole('button', { name: '编辑模板' }).click();
  await page.getByRole('combobox', { name: '检查单模板' }).click();
  await page.getByTitle('+ 新建模板').click();
  await page.getByLabel('名称（中文）').fill('夜班巡视');
  await page.getByLabel('完成时间').fill('21:00');
  await page.getByLabel('内容（中文） 1').fill('值班手机随身携带');
  await page.getByRole('button', { name: '保存模板' }).click();
  await expect(page.getByText('模板已保存')).toBeVisible();
  await page.keyboard.press('Escape');
  // seed 004 rule 4: the night-shift phone carried at all times — now a card of its own.
  const card = page.locator('[data-testid^="checklist-"]').filter({ hasText: '夜班巡视' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('21:00 前完成');
  await expect(card).toContainText('值班手机随身携带');
});
