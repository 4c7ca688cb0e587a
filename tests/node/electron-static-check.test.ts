/**
 * The static check of electron/ (tests/helpers/electron-static-check.ts, in place of
 * Electronegativity): no finding outside the reviewed allow-list below, no allow-list entry that
 * no longer matches anything, and each rule shown to fire on the construct it is about.
 */
import { describe, expect, it } from 'vitest';
import { checkSource, checkTogether, readSources, type Finding } from '../helpers/electron-static-check';
import { repositoryRoot } from '../helpers/shell-run';

/**
 * Findings reviewed and accepted, each with the reason. An entry matches a finding of its rule in
 * its file whose source line contains `line`.
 */
const ALLOWED: Array<{ rule: string; file: string; line: string; reason: string }> = [
  {
    rule: 'content-sink',
    file: 'electron/shell/windows.ts',
    line: 'window.loadURL(url)',
    reason:
      'the one loader of the two windows, called only with CONSOLE_URL and DISPLAY_URL (constants of console-url.ts); ' +
      'tests/node/shell-security.test.ts checks what every window loaded',
  },
  {
    rule: 'content-sink',
    file: 'electron/shell/printing.ts',
    line: 'window.loadURL(`data:text/html',
    reason:
      'the slip the core made (print.slip, its fields escaped by shared/print) as a data: URL in a hidden window ' +
      'with javascript: false, no preload, sandboxed; the window is only printed and destroyed',
  },
];

const sources = readSources(repositoryRoot, 'electron');
const findings = [...sources.flatMap(({ file, text }) => checkSource(file, text)), ...checkTogether(sources)];
const allows = (entry: (typeof ALLOWED)[number], finding: Finding) =>
  entry.rule === finding.rule && entry.file === finding.file && finding.text.includes(entry.line);
const shown = (list: Finding[]) => list.map((finding) => `${finding.file}:${String(finding.line)} [${finding.rule}] ${finding.message}: ${finding.text}`).join('\n');

describe('the static check of electron/', () => {
  it('reads the main process, the shell and the preload', () => {
    const files = sources.map((source) => source.file);
    expect(files).toEqual(expect.arrayContaining(['electron/shell/main.ts', 'electron/shell/windows.ts', 'electron/shell/preload.ts', 'electron/shell/security.ts']));
    expect(files.some((file) => file.endsWith('.test.ts'))).toBe(false);
  });

  it('finds nothing outside the reviewed allow-list', () => {
    const unreviewed = findings.filter((finding) => !ALLOWED.some((entry) => allows(entry, finding)));
    expect(unreviewed, shown(unreviewed)).toEqual([]);
  });

  it('has no allow-list entry that matches nothing (each is still needed and still reviewed)', () => {
    const stale = ALLOWED.filter((entry) => !findings.some((finding) => allows(entry, finding)));
    expect(stale).toEqual([]);
  });
});

describe('each rule of the static check fires on what it is about', () => {
  const rulesOf = (text: string) => checkSource('example.ts', text).map((finding) => finding.rule);
  const cases: Array<[string, string, string]> = [
    ['nodeIntegration: true', 'weak-preference', 'new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: true } });'],
    ['contextIsolation: false', 'weak-preference', 'const p = { contextIsolation: false };'],
    ['sandbox: false', 'weak-preference', 'const p = { sandbox: false };'],
    ['webSecurity: false', 'weak-preference', 'const p = { webSecurity: false };'],
    ['allowRunningInsecureContent: true', 'weak-preference', 'const p = { allowRunningInsecureContent: true };'],
    ['webviewTag: true', 'weak-preference', 'const p = { webviewTag: true };'],
    ['a preference from a variable', 'weak-preference', 'const p = { sandbox: setting };'],
    ['enableBlinkFeatures', 'blink-features', "const p = { enableBlinkFeatures: 'CSSVariables' };"],
    ['window options spread', 'window-options', 'new BrowserWindow({ ...base, webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } });'],
    ['webPreferences spread', 'window-options', 'new BrowserWindow({ webPreferences: { ...secure, contextIsolation: true, sandbox: true, nodeIntegration: false } });'],
    ['window options in a variable', 'window-options', 'new BrowserWindow(options);'],
    ['sandbox left to the default', 'window-options', 'new BrowserWindow({ webPreferences: { contextIsolation: true, nodeIntegration: false } });'],
    ['eval', 'eval', 'eval(code);'],
    ['new Function', 'eval', "new Function('return 1');"],
    ['setTimeout with a string', 'eval', "setTimeout('run()', 10);"],
    ['executeJavaScript with input', 'content-sink', 'contents.executeJavaScript(script);'],
    ['insertCSS with input', 'content-sink', 'contents.insertCSS(css);'],
    ['openExternal with input', 'content-sink', 'shell.openExternal(url);'],
    ['the remote module, imported', 'remote', "import { remote } from 'electron';"],
    ['the remote module, required', 'remote', "const remote = require('@electron/remote');"],
    ['the remote module, reached', 'remote', "const r = require('electron').remote;"],
    ['a permission request handler granting everything', 'permission-grant-all', 'session.setPermissionRequestHandler((contents, permission, callback) => callback(true));'],
    ['a permission check handler granting everything', 'permission-grant-all', 'session.setPermissionCheckHandler(() => true);'],
    ['a certificate-error handler', 'certificate', "app.on('certificate-error', (event, contents, url, error, certificate, callback) => callback(true));"],
    ['a switch turning off web security', 'command-line-switch', "app.commandLine.appendSwitch('disable-web-security');"],
    ['a debugging port', 'command-line-switch', "app.commandLine.appendSwitch('remote-debugging-port', '9222');"],
    ['a scheme bypassing the CSP', 'privileged-scheme', "protocol.registerSchemesAsPrivileged([{ scheme: 'x', privileges: { bypassCSP: true } }]);"],
    ['ipcRenderer handed to the page', 'context-bridge', "contextBridge.exposeInMainWorld('api', { ipcRenderer });"],
    ['ipcRenderer.send handed to the page', 'context-bridge', "contextBridge.exposeInMainWorld('api', { send: ipcRenderer.send });"],
    ['an IPC handler that trusts any sender', 'ipc-sender', "ipcMain.handle('x', (event, input) => run(input));"],
  ];
  it.each(cases)('%s', (_what, rule, text) => {
    expect(rulesOf(text)).toContain(rule);
  });

  it('finds nothing in a window written as the shell writes them, a checked IPC handler or a wrapped bridge', () => {
    const clean = `
      new BrowserWindow({ show: false, webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: join(__dirname, 'preload.cjs') } });
      session.setPermissionRequestHandler((contents, permission, callback, details) => callback(permission === 'notifications' && isConsoleUrl(details.requestingUrl)));
      ipcMain.handle('call', (event, method) => (isConsoleUrl(event.senderFrame?.url) ? dispatch(method) : refuse()));
      contextBridge.exposeInMainWorld('frontdesk', { call: (method, input) => ipcRenderer.invoke('call', method, input) });
      window.loadURL('app://console/index.html');
      shell.openExternal('https://example.com/help');
    `;
    expect(checkSource('clean.ts', clean)).toEqual([]);
  });

  it('names what the shell must do somewhere when it is missing', () => {
    const missing = checkTogether([{ file: 'electron/shell/main.ts', text: "app.on('ready', start);" }]).map((finding) => finding.rule);
    expect(new Set(missing)).toEqual(new Set(['sandbox-everywhere', 'every-web-contents', 'navigation', 'webview', 'permissions']));
  });
});
