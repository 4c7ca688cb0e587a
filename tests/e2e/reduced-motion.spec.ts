/**
 * The console honours the machine's "reduce motion" setting (WCAG 2.3.3, use-reduced-motion.ts):
 * with it, lists and dialogs open at once; without it, they slide and zoom in as antd draws them.
 * The suite runs with the setting on (playwright.config.ts): an entering list is drawn paused at
 * 80 % of its height, Playwright measured an option there, and on a loaded machine the list grew
 * under the pointer before the click landed (ward-journey's surgeon picked nobody). So the motion a
 * clerk sees by default is proved here, once, with the setting off.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SignInPage } from './pages/sign-in-page';

/**
 * Every motion class antd put on an element after it was made, from before the page's first script.
 * Each record's old value is read as well as the element's class now: on a busy machine a class can
 * come and go between two deliveries of the observer (the CI run of a079721 missed the list's
 * "-appear-active" that way), and only the old values keep every step.
 */
async function recordMotion(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = new Set<string>();
    (window as unknown as { motionSeen: Set<string> }).motionSeen = seen;
    const note = (names: Iterable<string>) => {
      for (const name of names) if (/-(appear|enter|leave)/.test(name)) seen.add(name);
    };
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target;
        if (!(target instanceof Element)) continue;
        note((record.oldValue ?? '').split(/\s+/));
        note(target.classList);
      }
    }).observe(document, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['class'] });
  });
}

const motionSeen = (page: Page) => page.evaluate(() => [...(window as unknown as { motionSeen: Set<string> }).motionSeen].sort());

/** Opens the walk-in dialog (F4) and the board's floor filter, then closes both. */
async function openDialogAndList(page: Page): Promise<void> {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('陈晓雨');
  await page.getByRole('menuitem', { name: /候诊看板/ }).click();
  await expect(page.getByTestId('lane-waiting')).toBeVisible();
  await page.keyboard.press('F4');
  const dialog = page.getByRole('dialog').filter({ hasText: '现场顾客签到' });
  await expect(dialog).toBeVisible();
  // Visible at opacity 0 already: wait, as the clerk does, until it has finished coming in; an
  // Escape pressed earlier turns the opening into a closing and its "-active" step never comes.
  await expect(dialog).not.toHaveClass(/-(appear|enter)/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.locator('.ant-select').filter({ hasText: '楼层' }).click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(1);
  await expect(page.locator('.ant-select-dropdown:visible')).not.toHaveClass(/-(appear|enter)/);
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

test('with the machine asking for less motion, the walk-in dialog and a list open and close without animating', async ({ page }) => {
  await recordMotion(page);
  await openDialogAndList(page);
  // A list is still aligned before it is shown (the "-prepare" step), but no keyframe runs: antd
  // animates only under "-active", and its click ripple is off too.
  expect((await motionSeen(page)).filter((name) => name.endsWith('-active') || name.startsWith('wave-'))).toEqual([]);
});

test('by default the walk-in dialog zooms and a list slides', async ({ newContext }) => {
  const context = await newContext({ reducedMotion: 'no-preference' });
  const page = await context.newPage();
  await recordMotion(page);
  await openDialogAndList(page);
  const seen = await motionSeen(page);
  expect(seen).toContain('ant-slide-up-appear-active');
  expect(seen.some((name) => /^ant-zoom-(appear|enter|leave)-active$/.test(name))).toBe(true);
});
