// antd's stylesheet in two parts (docs/performance.md, 2026-12-06): the rules of the components the
// first screen's script can draw, which the page waits for, and the whole stylesheet, which it
// fetches once the first frame is painted and before any later code runs (renderer/ui/whole-styles.ts).
//
// Why: antd/dist/antd.css is ~1 MB, every component's rules. The board draws a few of them, yet
// the page parsed them all and matched every element against them before its first frame. A
// coverage run of a cold load found 4 % of it used.
//
// Which rules are the first screen's: a rule is left out only when every selector of its list
// names a class of a component whose script is not in the first screen (`ant-table…`,
// `ant-picker…`): no element can carry that class before the component's script has run. A class
// this table does not know (motion, wave, css-var) is kept. The whole stylesheet, loaded after,
// is the same file as before, placed right after the first part, so every rule ends in its
// original order and the page's styles end exactly as they were.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import postcss from 'postcss';

/**
 * The class prefixes (after `ant-`) of each antd component folder's rules. A prefix shared by
 * several folders (the pickers' panel) stays while any of them is on the first screen. Every
 * folder of antd/es with an index.js is listed (tests/node/antd-styles.test.ts), so an antd
 * upgrade that adds a component says so.
 */
export const ANTD_CLASS_PREFIXES = {
  affix: ['affix'],
  alert: ['alert'],
  anchor: ['anchor'],
  app: ['app'],
  'auto-complete': ['select'],
  avatar: ['avatar'],
  'back-top': ['back-top'],
  badge: ['badge', 'ribbon', 'scroll-number'],
  'border-beam': ['border-beam'],
  breadcrumb: ['breadcrumb'],
  button: ['btn', 'button-wrapper'],
  calendar: ['picker'],
  card: ['card'],
  carousel: ['carousel', 'slick'],
  cascader: ['cascader'],
  checkbox: ['checkbox'],
  col: ['col'],
  collapse: ['collapse'],
  'color-picker': ['color-picker'],
  'config-provider': [],
  'date-picker': ['picker'],
  descriptions: ['descriptions'],
  divider: ['divider'],
  drawer: ['drawer'],
  dropdown: ['dropdown'],
  empty: ['empty'],
  flex: ['flex'],
  'float-button': ['float-btn'],
  form: ['form'],
  grid: ['row', 'col'],
  image: ['image'],
  input: ['input', 'otp'],
  'input-number': ['input-number'],
  layout: ['layout'],
  list: ['list'],
  listy: ['listy'],
  locale: [],
  masonry: ['masonry'],
  mentions: ['mentions'],
  menu: ['menu'],
  message: ['message'],
  modal: ['modal'],
  notification: ['notification'],
  pagination: ['pagination'],
  popconfirm: ['popconfirm'],
  popover: ['popover'],
  progress: ['progress'],
  'qr-code': ['qrcode'],
  qrcode: ['qrcode'],
  radio: ['radio'],
  rate: ['rate'],
  result: ['result'],
  row: ['row'],
  segmented: ['segmented'],
  select: ['select'],
  skeleton: ['skeleton'],
  slider: ['slider'],
  space: ['space'],
  spin: ['spin'],
  splitter: ['splitter'],
  statistic: ['statistic'],
  steps: ['steps'],
  style: [],
  switch: ['switch'],
  table: ['table'],
  tabs: ['tabs'],
  tag: ['tag'],
  theme: [],
  timeline: ['timeline'],
  'time-picker': ['picker'],
  tooltip: ['tooltip'],
  tour: ['tour'],
  transfer: ['transfer'],
  tree: ['tree'],
  'tree-select': ['tree-select', 'select-tree'],
  typography: ['typography'],
  upload: ['upload'],
  version: [],
  watermark: ['watermark'],
};

/**
 * Components that others draw through a deep import, not their index.js: `App` gives the page its
 * message, notification and modal hooks; a form lays its items out on antd's grid; and so on. A
 * folder on the first screen brings these with it.
 */
const DRAWN_BY = {
  app: ['message', 'notification', 'modal'],
  'auto-complete': ['select'],
  breadcrumb: ['dropdown'],
  cascader: ['select'],
  dropdown: ['menu'],
  form: ['grid'],
  'input-number': ['space'],
  select: ['empty'],
  tour: ['popover'],
  'tree-select': ['select'],
  typography: ['input'],
};

/** The antd component folders the first screen can draw: those whose index.js it loads, and what they draw. */
export function antdFoldersOf(moduleIds) {
  const folders = new Set();
  for (const id of moduleIds) {
    const match = /[\\/]node_modules[\\/]antd[\\/]es[\\/]([^\\/]+)[\\/]index\.js$/.exec(id);
    if (match) folders.add(match[1]);
  }
  for (const folder of folders) for (const drawn of DRAWN_BY[folder] ?? []) folders.add(drawn);
  return folders;
}

/** Whether a class token (after `ant-`) belongs only to components not on the first screen; by its longest known prefix. */
function outsideTest(onFirstScreen) {
  const owners = new Map();
  for (const [folder, prefixes] of Object.entries(ANTD_CLASS_PREFIXES)) {
    for (const prefix of prefixes) owners.set(prefix, [...(owners.get(prefix) ?? []), folder]);
  }
  const prefixes = [...owners.keys()].sort((a, b) => b.length - a.length);
  return (token) => {
    const prefix = prefixes.find((candidate) => token === candidate || token.startsWith(`${candidate}-`));
    return prefix !== undefined && !owners.get(prefix).some((folder) => onFirstScreen.has(folder));
  };
}

/** A selector without its :not(…) parts. */
function withoutNot(selector) {
  let previous;
  let current = selector;
  do {
    previous = current;
    current = current.replace(/:not\([^()]*\)/g, '');
  } while (current !== previous);
  return current;
}

/** antd.css with the rules only components off the first screen can match left out. */
export function firstScreenAntdCss(css, onFirstScreen) {
  const outside = outsideTest(onFirstScreen);
  // A class inside :not() is one the element must not have, not one it needs: left out of the test.
  const selectorOutside = (selector) => [...withoutNot(selector).matchAll(/\.ant-([a-z0-9]+(?:-[a-z0-9]+)*)/g)].some((match) => outside(match[1]));
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/.test(rule.parent.name)) return;
    if (rule.selectors.every(selectorOutside)) rule.remove();
  });
  // A media or supports block left empty goes too.
  root.walkAtRules((atRule) => {
    if (atRule.nodes !== undefined && atRule.nodes.length === 0) atRule.remove();
  });
  return root.toString();
}

const contentName = (stem, content) => `${stem}-${createHash('sha256').update(content).digest('base64url').slice(0, 8)}.css`;

/**
 * Writes both parts into the built renderer and links the first part in index.html, before the
 * console's own stylesheet, with the whole stylesheet's address for renderer/ui/whole-styles.ts.
 */
export function addAntdStyles(rendererOut, firstScreenModuleIds) {
  const whole = readFileSync('node_modules/antd/dist/antd.css', 'utf8');
  const first = firstScreenAntdCss(whole, antdFoldersOf(firstScreenModuleIds));
  const wholeName = contentName('antd', whole);
  const firstName = contentName('antd-first', first);
  writeFileSync(join(rendererOut, 'assets', wholeName), whole);
  writeFileSync(join(rendererOut, 'assets', firstName), first);
  const page = join(rendererOut, 'index.html');
  const html = readFileSync(page, 'utf8');
  const at = html.indexOf('<link rel="stylesheet"');
  if (at < 0) throw new Error('index.html has no stylesheet to put antd’s before');
  const link = `<link rel="stylesheet" href="./assets/${firstName}" data-antd-whole="./assets/${wholeName}">\n    `;
  writeFileSync(page, `${html.slice(0, at)}${link}${html.slice(at)}`);
  return { wholeBytes: whole.length, firstBytes: first.length };
}
