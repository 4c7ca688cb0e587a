/**
 * Walks pages of the signed-in console as a given member of staff and measures what the tablet and
 * English specs check: horizontal overflow, touch targets, shortcut hints, Chinese characters.
 * The pages come from renderer/routes.tsx (route-table.ts); a route's detail pages (`#/customers/12`)
 * are added here by key, with data the spec made itself.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Opens a page of the console by its hash path and waits until it has drawn its data. */
export async function openPath(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#/${path}`);
  await expect(page.locator('main, .ant-layout-content').first()).toBeVisible();
  // Lazy chunks and first queries: spinners and skeletons gone, the page boundary has drawn something.
  // A bound, not a timing: the settings page loads a dozen sections, slow on a machine whose cores are busy.
  await expect(page.locator('.ant-layout-content .ant-spin-spinning, .ant-layout-content .ant-skeleton-active')).toHaveCount(0, { timeout: 30_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Elements a finger must hit, each with the box that takes the touch, smaller than `minimum` px. */
export async function smallTouchTargets(page: Page, minimum = 44): Promise<string[]> {
  // Measured at rest: a notice sliding in is drawn scaled (its 44 px close button measured 39×39 in
  // CI while it zoomed in), and no finger hits a target mid-animation. Spinners run forever; they
  // are not waited for.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime ?? Infinity))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  return page.evaluate((least) => {
    const selector = [
      'button',
      'a[href]',
      'input:not([type=hidden])',
      'select',
      'textarea',
      '[role=button]',
      '[role=tab]',
      '[role=menuitem]',
      '[role=switch]',
      '[role=checkbox]',
      '[role=radio]',
      '[role=option]',
    ].join(',');
    const found: string[] = [];
    const seen = new Set<Element>();
    for (const element of Array.from(document.querySelectorAll(selector))) {
      if (element.closest('[aria-hidden=true], .ant-table-measure-row, [hidden]')) continue;
      // What takes the touch: an antd field's frame, a checkbox's label, a tab's whole tab.
      const target =
        element.closest('.ant-input-affix-wrapper, .ant-input-number, .ant-select, .ant-picker, .ant-input-search, label, .ant-tabs-tab, .ant-segmented-item, .ant-menu-item, .ant-pagination-item, .ant-pagination-prev, .ant-pagination-next') ??
        element;
      if (seen.has(target)) continue;
      seen.add(target);
      const style = getComputedStyle(target);
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) continue;
      // Covered where a finger would press it, e.g. the notices stacked behind the newest one (antd
      // draws them scaled down until the stack is tapped open): not a target until uncovered.
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (hit && !target.contains(hit)) continue;
      if (box.width + 0.5 < least || box.height + 0.5 < least) {
        const text = (target.getAttribute('aria-label') ?? (target as HTMLElement).innerText ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
        const classes = typeof target.className === 'string' ? target.className.split(' ').slice(0, 2).join('.') : '';
        found.push(`${target.tagName.toLowerCase()}${classes ? `.${classes}` : ''} "${text}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return found;
  }, minimum);
}

/** How far the document is wider than the window (0 when nothing scrolls sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Keyboard-shortcut hints in the page's visible text ("F2", "Alt+L", a <kbd>). */
export async function shortcutHints(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hints = document.body.innerText.match(/\b(?:Alt|Ctrl|Shift|Cmd)\s*\+\s*\S+|\bF(?:1[0-2]|[1-9])\b|⌘\S+/g) ?? [];
    const keys = Array.from(document.querySelectorAll('kbd'))
      .filter((key) => key.getBoundingClientRect().width > 0)
      .map((key) => `<kbd>${key.textContent ?? ''}`);
    return [...hints, ...keys];
  });
}

/**
 * The visible text of the page (with the values of fields and the placeholders, the titles and
 * labels a screen reader reads), each Chinese run with a little of its surroundings, after removing
 * the names of people the caller lists (customers' and staff's names are kept in their own script).
 */
export async function chineseRuns(page: Page, names: readonly string[]): Promise<string[]> {
  return page.evaluate((exempt) => {
    // Text marked as Chinese on purpose (lang="zh-CN": the Chinese twin of a bilingual setting) is data, not the page's language.
    let body = document.body.innerText;
    for (const marked of Array.from(document.querySelectorAll<HTMLElement>('[lang^="zh"]:not(html)'))) {
      const text = marked.innerText || (marked as HTMLInputElement).value || '';
      for (const line of text.split('\n').filter((entry) => entry.trim())) body = body.split(line).join('·');
    }
    const texts: string[] = [body];
    for (const field of Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))) {
      if (field.getBoundingClientRect().width === 0 || field.closest('[lang^="zh"]:not(html)')) continue;
      texts.push(field.value, field.placeholder);
    }
    for (const labelled of Array.from(document.querySelectorAll('[aria-label], [title], img[alt]'))) {
      if (labelled.getBoundingClientRect().width === 0) continue;
      texts.push(labelled.getAttribute('aria-label') ?? '', labelled.getAttribute('title') ?? '', labelled.getAttribute('alt') ?? '');
    }
    texts.push(document.title);
    // Longest first, so 欧阳娜娜 goes before 欧阳.
    const sorted = [...exempt].filter((name) => name.length > 0).sort((a, b) => b.length - a.length);
    const runs: string[] = [];
    for (let text of texts) {
      for (const name of sorted) text = text.split(name).join('·');
      for (const match of text.matchAll(/[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]+/g)) {
        const start = Math.max(0, (match.index ?? 0) - 12);
        runs.push(text.slice(start, (match.index ?? 0) + match[0].length + 12).replace(/\s+/g, ' '));
      }
    }
    return [...new Set(runs)];
  }, names);
}
