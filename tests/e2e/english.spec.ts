/**
 * Issue 13, part 11: English complete. Every page every role can open (read from
 * renderer/routes.tsx, as the tablet spec reads them) is walked in English at the lobby PC's
 * 1920×1080, and no Chinese character may be left on it — in the text, the fields' values and
 * placeholders, the labels a screen reader reads — except people's names, which keep their own
 * script: customers' names, forms of address and masked names, and staff names, all taken from
 * what the server sent the page (so a customer another spec made is recognised too) — and what
 * the clinic's staff typed themselves: notes and reasons, and a name typed in Chinese only (its
 * English twin left empty), which the page shows as typed. Two more
 * proper names keep their script: the language switch's 中文 and the restaurants the clinic lists
 * for the ward's menus (seed 004 rule 20), which are brand names the clinic typed.
 * At 1920 px the day view's six doctor columns fit without scrolling sideways.
 */
import type { Page } from '@playwright/test';
import type { Role } from '../../shared/domain/roles';
import { maskName } from '../../shared/domain/masking';
import { en } from '../../shared/i18n/en';
import { apiCall, signInManager } from './api';
import { expect, test } from './fixtures';
import { chineseRuns, horizontalOverflow, openPath } from './page-survey';
import { SignInPage } from './pages/sign-in-page';
import { routesOf } from './route-table';
import { watchApi } from './api-watch';

/** One member of the demo's staff per role. */
const ONE_OF: Record<Exclude<Role, 'display'>, string> = {
  reception: '陈晓雨',
  guide: '赵敏',
  consultant: '周雅',
  nurse: '郑丽',
  doctor: '李慧',
  manager: '何芳',
};

/** Keys under which the API sends a person's name or form of address. */
const PERSON_KEYS = /^(customerName|addressForm|maskedName|staffName|doctorName|guideName|byName|actorName|updatedByName|receivedByName|takenByName|nurseName|consultantName)$/;
/** Objects that are people (their `name` is a person's name). */
const PERSON_OBJECTS = /^(customer|customers|staff|doctor|guide|actor|by|nurse|consultant|member|members|takenBy|receivedBy|updatedBy|escort|from|to)$/i;

/**
 * Free text staff typed (a tick's note, a reason, a comment): data in the script it was typed in.
 * So are the records the audit log shows as they were written (`diff`).
 */
const TYPED_KEYS = /^(note|notes|reason|comment|comments|answer|handledNote)$/;

/**
 * Collects from every API answer the page receives what keeps its own script: people's names,
 * free text staff typed, and the clinic's own names that have no English twin (a checklist a
 * manager made in Chinese only: `nameZh` with an empty `nameEn` is shown as typed).
 */
function watchNames(page: Page, names: Set<string>): void {
  const walk = (value: unknown, key: string, personObject: boolean) => {
    if (typeof value === 'string') {
      if (TYPED_KEYS.test(key)) names.add(value);
      // The audit log shows each change's record as it was written: every text in it is data.
      if (key === 'diff') {
        const leaves = (inner: unknown): void => {
          if (typeof inner === 'string') names.add(inner);
          else if (inner && typeof inner === 'object') for (const entry of Object.values(inner)) leaves(entry);
        };
        try {
          leaves(JSON.parse(value));
        } catch {
          names.add(value);
        }
      }
      if (PERSON_KEYS.test(key) || (personObject && key === 'name')) {
        names.add(value);
        names.add(maskName(value));
      }
      return;
    }
    if (Array.isArray(value)) {
      for (const entry of value) walk(entry, key, PERSON_OBJECTS.test(key));
      return;
    }
    if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      for (const [inner, entry] of Object.entries(object)) {
        const twin = inner.endsWith('Zh') ? object[`${inner.slice(0, -2)}En`] : undefined;
        if (typeof entry === 'string' && twin === '') names.add(entry);
      }
      // A row with a phone, a form of address or a role is a person whatever its key.
      const person = personObject || 'addressForm' in object || 'phone' in object || 'role' in object;
      for (const [inner, entry] of Object.entries(object)) walk(entry, inner, PERSON_OBJECTS.test(inner) || (person && inner === 'name'));
    }
  };
  watchApi(page, { onAnswer: (body) => walk(body, '', false) });
}

/**
 * Chinese the English catalogue holds on purpose (the search box's example of a name to type,
 * 王丽): English text by the catalogue's own word. It passed only while a customer of that name
 * happened to be in the day's answers, which is not so on every date (1 January, just after midnight).
 */
const CHINESE_IN_ENGLISH = Object.values(en).flatMap((message) => (typeof message === 'string' ? [message] : [message.one, message.other])).flatMap((text) => text.match(/[\u3400-\u9fff]+/g) ?? []);

for (const [role, name] of Object.entries(ONE_OF) as [Exclude<Role, 'display'>, string][]) {
  test(`every page a ${role} opens is all English`, async ({ newContext, request }) => {
    test.setTimeout(180_000);
    const manager = await signInManager(request);
    const staff = await apiCall<{ name: string }[]>(request, 'auth.staff', {});
    const settings = await apiCall<{ restaurantMenus?: string[] }>(request, 'settings.get', {}, manager).catch(() => ({ restaurantMenus: [] as string[] }));
    const names = new Set<string>(['中文', ...CHINESE_IN_ENGLISH, ...staff.map((member) => member.name), ...(settings.restaurantMenus ?? [])]);

    const context = await newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    watchNames(page, names);
    const signIn = new SignInPage(page);
    await signIn.open('en');
    const problems: string[] = [];
    await signIn.signIn(name);
    await expect(page.getByTestId('user-menu')).toBeVisible();
    for (const path of routesOf(role)) {
      await openPath(page, path);
      for (const run of await chineseRuns(page, [...names])) problems.push(`${path}: ${run}`);
      if (path === 'appointments') expect(await horizontalOverflow(page), 'the day view fits 1920 px').toBe(0);
    }
    expect(problems, `Chinese on the English pages of a ${role}`).toEqual([]);
  });
}

test('the day view shows its six doctors side by side at 1920 px, in both languages', async ({ newContext }) => {
  for (const language of ['zh-CN', 'en'] as const) {
    const page = await (await newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    const signIn = new SignInPage(page);
    await signIn.open(language);
    await signIn.signIn('陈晓雨');
    await openPath(page, 'appointments');
    const scroller = page.getByTestId('day-appointment').first().locator('xpath=ancestor::*[contains(@class, "scroller")][1]');
    await expect(scroller).toBeVisible();
    expect(await scroller.evaluate((element) => element.scrollWidth - element.clientWidth), `${language}: the doctor columns fit`).toBeLessThanOrEqual(0);
  }
});

