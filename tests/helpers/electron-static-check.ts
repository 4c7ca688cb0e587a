/**
 * A static check of the Electron main process and preload, in place of Electronegativity
 * (@doyensec/electronegativity: its latest, 1.10.3, published 2024-12-09 by the registry's record;
 * pinned to TypeScript 4.2 and ESLint 7, blind to options passed through a spread, exits 0 with
 * findings — STACK.md; and on these machines `npx @doyensec/electronegativity -i electron -e 45.0.0`
 * dies at start with an unhandled network error from `got`, fetching translations offline).
 * It parses every source file under `electron/` with the TypeScript compiler the project already
 * has and reports each construct Electron's security checklist warns about, by rule. What the
 * shell must do somewhere (a sandbox for every renderer, permission and navigation handlers, the
 * sender checked on IPC) is checked over the files together (`checkTogether`).
 *
 * Rules report the construct, not a judgement: a finding that is fine after review goes into the
 * test's allow-list with the reason (tests/node/electron-static-check.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface Finding {
  rule: string;
  file: string;
  line: number;
  /** The source line, trimmed, for the report and the allow-list. */
  text: string;
  message: string;
}

/** Options that weaken a renderer unless they have this exact literal value (or are left out). */
const MUST_BE: Record<string, boolean> = {
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  contextIsolation: true,
  sandbox: true,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  enableRemoteModule: false,
  plugins: false,
};
/** What every window must state itself, not leave to Electron's defaults. */
const REQUIRED_PREFERENCES: Record<string, boolean> = { contextIsolation: true, sandbox: true, nodeIntegration: false };
const WINDOW_CLASSES = new Set(['BrowserWindow', 'BrowserView', 'WebContentsView']);
/** Command-line switches that turn off a protection or open a debugging port. */
const DANGEROUS_SWITCHES = new Set([
  'ignore-certificate-errors',
  'disable-web-security',
  'no-sandbox',
  'disable-site-isolation-trials',
  'allow-insecure-localhost',
  'remote-debugging-port',
  'remote-debugging-pipe',
  'inspect',
  'inspect-brk',
  'js-flags',
]);
/** Calls that run or load content given to them: fine with a constant, a finding with anything else. */
const CONTENT_SINKS = new Set(['executeJavaScript', 'executeJavaScriptInIsolatedWorld', 'insertCSS', 'openExternal', 'loadURL', 'loadFile']);
const IPC_RECEIVERS = new Set(['handle', 'handleOnce', 'on', 'once']);

function isLiteral(node: ts.Expression): boolean {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

function propertyName(node: ts.ObjectLiteralElementLike): string | null {
  if (!ts.isPropertyAssignment(node) && !ts.isShorthandPropertyAssignment(node)) return null;
  const name = node.name;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : null;
}

function booleanValue(node: ts.Expression): boolean | null {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  return null;
}

/** The name a call is made by: `foo(…)` → foo, `a.b.foo(…)` → foo. */
function calleeName(call: ts.CallExpression | ts.NewExpression): string | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

function receiverText(call: ts.CallExpression): string {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) ? callee.expression.getText() : '';
}

/** The name of the function (declaration, method, or `const x = () =>`) a node sits in, or '<top level>'. */
export function enclosingFunctionName(node: ts.Node): string {
  for (let current = node.parent; current; current = current.parent) {
    if ((ts.isFunctionDeclaration(current) || ts.isMethodDeclaration(current)) && current.name) return current.name.getText();
    if ((ts.isArrowFunction(current) || ts.isFunctionExpression(current)) && ts.isVariableDeclaration(current.parent)) return current.parent.name.getText();
  }
  return '<top level>';
}

/** Whether `body` grants unconditionally: calls its callback parameter with `true`, or returns `true`. */
function grantsAlways(handler: ts.Expression, callbackIndex: number | null): boolean {
  if (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler)) return false;
  if (booleanValue(handler.body as ts.Expression) === true) return true;
  const callback = callbackIndex === null ? null : handler.parameters[callbackIndex]?.name.getText();
  let grants = false;
  const visit = (node: ts.Node) => {
    if (ts.isReturnStatement(node) && node.expression && booleanValue(node.expression) === true) grants = true;
    if (callback && ts.isCallExpression(node) && node.expression.getText() === callback && node.arguments[0] && booleanValue(node.arguments[0]) === true) grants = true;
    ts.forEachChild(node, visit);
  };
  visit(handler.body);
  return grants;
}

/** The findings of one file's source. `file` is the name the findings carry. */
export function checkSource(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const findings: Finding[] = [];
  const report = (rule: string, node: ts.Node, message: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    findings.push({ rule, file, line: line + 1, text: (text.split('\n')[line] ?? '').trim(), message });
  };

  const checkWindowOptions = (call: ts.NewExpression, className: string) => {
    const options = call.arguments?.[0];
    if (!options || !ts.isObjectLiteralExpression(options)) return report('window-options', call, `${className} options must be an object literal, so every setting can be read here`);
    if (options.properties.some(ts.isSpreadAssignment)) report('window-options', options, `${className} options must not be spread: each security setting is written out`);
    const preferences = options.properties.find((property) => propertyName(property) === 'webPreferences');
    if (!preferences || !ts.isPropertyAssignment(preferences) || !ts.isObjectLiteralExpression(preferences.initializer)) {
      return report('window-options', call, `${className} must state its webPreferences as an object literal`);
    }
    if (preferences.initializer.properties.some(ts.isSpreadAssignment)) report('window-options', preferences, 'webPreferences must not be spread');
    for (const [name, wanted] of Object.entries(REQUIRED_PREFERENCES)) {
      const found = preferences.initializer.properties.find((property) => propertyName(property) === name);
      if (!found) report('window-options', preferences, `webPreferences must state ${name}: ${String(wanted)}`);
    }
  };

  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node)) {
      const name = propertyName(node);
      if (name !== null && name in MUST_BE && booleanValue(node.initializer) !== MUST_BE[name]) {
        report('weak-preference', node, `${name} must be ${String(MUST_BE[name])}`);
      }
      if (name === 'enableBlinkFeatures' || name === 'blinkFeatures') report('blink-features', node, `${name} turns on experimental Blink features`);
      if (name === 'bypassCSP' && booleanValue(node.initializer) !== false) report('privileged-scheme', node, 'a scheme that bypasses the CSP');
    }
    if (ts.isShorthandPropertyAssignment(node) && propertyName(node) !== null && (propertyName(node) as string) in MUST_BE) {
      report('weak-preference', node, `${String(propertyName(node))} is set from a variable: write the literal`);
    }
    if (ts.isNewExpression(node)) {
      const name = calleeName(node);
      if (name !== null && WINDOW_CLASSES.has(name)) checkWindowOptions(node, name);
      if (name === 'Function') report('eval', node, 'new Function compiles a string');
    }
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const first = node.arguments[0];
      if ((name === 'eval' || name === 'Function') && ts.isIdentifier(node.expression)) report('eval', node, `${name} compiles a string`);
      if ((name === 'setTimeout' || name === 'setInterval') && first && isLiteral(first)) report('eval', node, `${name} with a string compiles it`);
      if (name !== null && CONTENT_SINKS.has(name) && !(first && isLiteral(first))) report('content-sink', node, `${name} with an argument that is not a constant`);
      if ((name === 'appendSwitch' || name === 'appendArgument') && !(first && isLiteral(first) && !DANGEROUS_SWITCHES.has((first as ts.StringLiteral).text.replace(/^--/, '')))) {
        report('command-line-switch', node, `${name} with ${first ? first.getText() : 'nothing'}`);
      }
      if (name === 'setCertificateVerifyProc') report('certificate', node, 'certificate checks overridden');
      if (name === 'require' && first && isLiteral(first) && (first as ts.StringLiteral).text === '@electron/remote') report('remote', node, 'the remote module');
      if (name === 'setPermissionRequestHandler' && first && grantsAlways(first, 2)) report('permission-grant-all', node, 'the permission request handler grants every request');
      if (name === 'setPermissionCheckHandler' && first && grantsAlways(first, null)) report('permission-grant-all', node, 'the permission check handler grants every check');
      if (name === 'setDevicePermissionHandler' && first && grantsAlways(first, null)) report('permission-grant-all', node, 'the device permission handler grants every device');
      if (name === 'on' || name === 'once') {
        if (first && isLiteral(first) && ['certificate-error', 'select-client-certificate', 'login'].includes((first as ts.StringLiteral).text)) {
          report('certificate', node, `a ${(first as ts.StringLiteral).text} handler`);
        }
      }
      if (name === 'exposeInMainWorld' && node.arguments[1]) {
        const exposed = node.arguments[1];
        const leaks = (inner: ts.Node): boolean => (ts.isIdentifier(inner) && inner.text === 'ipcRenderer' && !ts.isCallExpression(inner.parent) && !ts.isPropertyAccessExpression(inner.parent)) || (ts.isPropertyAccessExpression(inner) && inner.expression.getText() === 'ipcRenderer' && !ts.isCallExpression(inner.parent)) || (ts.forEachChild(inner, leaks) ?? false);
        if (leaks(exposed)) report('context-bridge', node, 'ipcRenderer (or one of its methods) handed to the page unwrapped');
      }
      if (name !== null && IPC_RECEIVERS.has(name) && receiverText(node) === 'ipcMain') {
        const handler = node.arguments[1];
        if (!handler || !handler.getText().includes('senderFrame')) report('ipc-sender', node, 'an IPC handler that does not check event.senderFrame');
      }
    }
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = node.moduleSpecifier.text;
      const named = node.importClause?.namedBindings;
      if (from === '@electron/remote') report('remote', node, 'the remote module');
      if (from === 'electron' && named && ts.isNamedImports(named) && named.elements.some((element) => element.name.text === 'remote')) report('remote', node, 'the remote module');
    }
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'remote' && /(^|\.)electron$|^require\(['"]electron['"]\)$/.test(node.expression.getText())) {
      report('remote', node, 'the remote module');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

export interface SourceFile {
  file: string;
  text: string;
}

/** The main process's sources: every .ts, .js and .cjs under `dir`, tests left out (they do not ship). */
export function readSources(root: string, dir: string): SourceFile[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|cjs|js)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') }));
}

/** What the shell must do somewhere, over all its files: a finding for each thing missing. */
export function checkTogether(sources: SourceFile[]): Finding[] {
  const all = sources.map((source) => source.text).join('\n');
  const required: Array<[string, RegExp, string]> = [
    ['sandbox-everywhere', /\bapp\.enableSandbox\(\)/, 'app.enableSandbox() is never called'],
    ['every-web-contents', /['"]web-contents-created['"]/, 'no web-contents-created listener: new webContents go unhardened'],
    ['navigation', /['"]will-navigate['"]/, 'no will-navigate handler'],
    ['navigation', /['"]will-redirect['"]/, 'no will-redirect handler'],
    ['navigation', /\.setWindowOpenHandler\(/, 'no window-open handler'],
    ['webview', /['"]will-attach-webview['"]/, 'no will-attach-webview handler'],
    ['permissions', /\.setPermissionRequestHandler\(/, 'no permission request handler: Electron grants every request by default'],
    ['permissions', /\.setPermissionCheckHandler\(/, 'no permission check handler: Electron grants every check by default'],
  ];
  return required
    .filter(([, pattern]) => !pattern.test(all))
    .map(([rule, , message]) => ({ rule, file: '(electron/ as a whole)', line: 0, text: '', message }));
}

/** Every `new BrowserWindow(…)` in the sources: its file and the function it is made in. */
export function browserWindowSites(sources: SourceFile[]): Array<{ file: string; functionName: string }> {
  const sites: Array<{ file: string; functionName: string }> = [];
  for (const { file, text } of sources) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isNewExpression(node) && calleeName(node) === 'BrowserWindow') sites.push({ file, functionName: enclosingFunctionName(node) });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}
