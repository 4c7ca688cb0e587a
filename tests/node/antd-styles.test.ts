// antd's stylesheet split for the first screen (scripts/antd-styles.mjs, docs/performance.md
// 2026-12-06): what the first part leaves out, and that the whole file restores every rule's order.
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { ANTD_CLASS_PREFIXES, antdFoldersOf, firstScreenAntdCss } from '../../scripts/antd-styles.mjs';

const ANTD_ES = 'node_modules/antd/es';
const selectorsOf = (css: string) => {
  const found: string[] = [];
  postcss.parse(css).walkRules((rule) => void found.push(rule.selector));
  return found;
};

describe('the first screen’s part of antd’s stylesheet', () => {
  it('knows the classes of every component folder antd has, so an upgrade that adds one is noticed', () => {
    const folders = readdirSync(ANTD_ES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(ANTD_ES, entry.name, 'index.js')))
      .map((entry) => entry.name);
    expect(folders.length).toBeGreaterThan(60);
    expect(folders.filter((folder) => !(folder in ANTD_CLASS_PREFIXES))).toEqual([]);
  });

  it('finds the component folders among a build’s module ids by their index.js only', () => {
    const folders = antdFoldersOf([
      '/app/node_modules/antd/es/button/index.js',
      '/app/node_modules/antd/es/form/context.js',
      '/app/node_modules/antd/es/select/index.js',
      '/app/renderer/features/board/board-page.tsx',
    ]);
    expect([...folders].sort()).toEqual(['button', 'empty', 'select']);
  });

  it('counts what a component draws through a deep import: App’s message, notification and modal', () => {
    const folders = antdFoldersOf(['/app/node_modules/antd/es/app/index.js', '/app/node_modules/antd/es/form/index.js']);
    expect([...folders].sort()).toEqual(['app', 'form', 'grid', 'message', 'modal', 'notification']);
  });

  it('does not take a class inside :not() for one the element needs', () => {
    const css = '.ant-select.ant-select-single:not(.ant-pagination-size-changer){color:red}.ant-pagination .ant-select{color:red}';
    expect(selectorsOf(firstScreenAntdCss(css, new Set(['select'])))).toEqual(['.ant-select.ant-select-single:not(.ant-pagination-size-changer)']);
  });

  it('leaves out a rule only when each of its selectors needs a component the first screen cannot draw', () => {
    const css = [
      '.ant-btn{color:red}',
      '.ant-table{color:red}',
      '.ant-btn,.ant-table-cell{color:blue}',
      '.ant-table .ant-btn{color:green}',
      '.ant-select-item{color:red}',
      '.ant-select-tree-node{color:red}',
      '.ant-input{color:red}',
      '.ant-input-number{color:red}',
      '.ant-zoom-enter{opacity:0}',
      '@keyframes antZoomIn{from{opacity:0}to{opacity:1}}',
      '@media (max-width:575px){.ant-table-cell{padding:0}}',
      '@media (max-width:575px){.ant-btn{padding:0}}',
    ].join('');
    const first = firstScreenAntdCss(css, new Set(['button', 'select', 'input']));
    expect(selectorsOf(first)).toEqual(['.ant-btn', '.ant-btn,.ant-table-cell', '.ant-select-item', '.ant-input', '.ant-zoom-enter', 'from', 'to', '.ant-btn']);
    // The emptied media block goes; the keyframes stay.
    expect(first).not.toContain('.ant-table-cell{padding:0}');
    expect(first).toContain('@keyframes antZoomIn');
    // With the table on the first screen, nothing is left out.
    expect(selectorsOf(firstScreenAntdCss(css, new Set(['button', 'select', 'input', 'table', 'tree-select', 'input-number'])))).toEqual(selectorsOf(css));
  });

  it('keeps the pickers’ shared panel classes while any one picker is on the first screen', () => {
    const css = '.ant-picker-cell{color:red}.ant-picker-calendar{color:red}';
    expect(selectorsOf(firstScreenAntdCss(css, new Set(['calendar'])))).toEqual(['.ant-picker-cell', '.ant-picker-calendar']);
    expect(selectorsOf(firstScreenAntdCss(css, new Set(['button'])))).toEqual([]);
  });

  it('every piece of renderer code loaded later waits for the whole stylesheet (no bare import())', () => {
    const bare: string[] = [];
    for (const entry of readdirSync('renderer', { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || entry.name.endsWith('.test.ts')) continue;
      const file = join(entry.parentPath, entry.name);
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          // withWholeStyles(import(…)), later(() => import(…)), and routes.tsx's page(() => import(…)), which waits itself.
          if (/\bimport\(/.test(line) && !/withWholeStyles\(import\(|later\(\(\) => import\(|(^|\W)page\(\(\) => import\(/.test(line)) bare.push(`${file}:${String(index + 1)}: ${line.trim()}`);
        });
    }
    expect(bare).toEqual([]);
  });

  it('on antd’s own stylesheet and the board’s components: well under half, in the whole file’s order', () => {
    const whole = readFileSync('node_modules/antd/dist/antd.css', 'utf8');
    const board = antdFoldersOf(['alert', 'app', 'auto-complete', 'avatar', 'badge', 'button', 'config-provider', 'dropdown', 'empty', 'flex', 'input', 'layout', 'menu', 'modal', 'popover', 'segmented', 'select', 'skeleton', 'space', 'spin', 'tag', 'tooltip', 'typography'].map((folder) => `/app/node_modules/antd/es/${folder}/index.js`));
    const first = firstScreenAntdCss(whole, board);
    expect(first.length).toBeLessThan(whole.length * 0.45);
    const kept = selectorsOf(first);
    expect(kept).toContain('.ant-btn');
    // The toasts of App.useApp(), drawn through deep imports.
    expect(kept.some((selector) => selector.startsWith('.ant-message'))).toBe(true);
    expect(kept.some((selector) => selector.startsWith('.ant-notification'))).toBe(true);
    expect(kept.some((selector) => selector.includes('.ant-select-dropdown'))).toBe(true);
    expect(kept.some((selector) => /\.ant-(table|picker|tabs|upload|form)\b/.test(selector) && !selector.includes(','))).toBe(false);
    // Every kept rule is in the whole file, in the same order: loaded after the first part, the
    // whole file puts every rule back where it was (renderer/ui/whole-styles.ts).
    const all = selectorsOf(whole);
    let at = 0;
    for (const selector of kept) {
      at = all.indexOf(selector, at);
      expect(at, selector).toBeGreaterThanOrEqual(0);
      at += 1;
    }
  });
});
