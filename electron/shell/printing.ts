/**
 * Desktop printing (issue 4, item 5): the slip printed on the clinic's printer — silently when
 * the setting says so — or saved as a PDF. The renderer asks through the ordinary contract
 * (`print.toDevice`, `print.printers`); this module answers those two in front of the core's
 * dispatcher, because only here can Electron reach a printer. Everything else — who may print,
 * which appointment, the HTML, the record of the print — still goes through the dispatcher with
 * the window's own session, so nothing about a print bypasses the roles or the audit log.
 */
import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog } from 'electron';
import { HTTP_STATUS, contract } from '../../shared/contract/index';
import { translate } from '../../shared/i18n/messages';
import type { Caller } from '../api/context';
import type { Dispatcher, DispatchResult } from '../api/dispatcher';
import { isDiskFull } from '../db/disk-full';

export interface PrintOptions {
  /** The printer's system name; empty for the system's default printer. */
  printer: string;
  silent: boolean;
  paper: '80mm' | 'a5';
}

/** A hidden, sandboxed window without script or preload that holds one document to print. */
async function loadDocument(html: string): Promise<BrowserWindow> {
  const window = new BrowserWindow({
    show: false,
    width: 600,
    height: 800,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
  return window;
}

/**
 * Prints an HTML document. A5 sheets are asked for by name; a receipt roll keeps the printer
 * driver's own paper, and the slip's `@page` CSS lays it out at 80 mm.
 */
export async function printHtml(html: string, options: PrintOptions): Promise<{ printed: boolean; reason: string }> {
  const window = await loadDocument(html);
  try {
    return await new Promise((resolve) => {
      window.webContents.print(
        {
          silent: options.silent,
          printBackground: true,
          ...(options.printer ? { deviceName: options.printer } : {}),
          ...(options.paper === 'a5' ? { pageSize: 'A5' as const } : { usePrinterDefaultPageSize: true }),
        },
        (printed, reason) => {
          resolve({ printed, reason });
        },
      );
    });
  } finally {
    window.destroy();
  }
}

/** Renders an HTML document to PDF and asks where to save it; the path, or null when cancelled. */
export async function savePdf(html: string, fileName: string): Promise<string | null> {
  const window = await loadDocument(html);
  let pdf: Buffer;
  try {
    pdf = await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  } finally {
    window.destroy();
  }
  const choice = await dialog.showSaveDialog({ defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  if (choice.canceled || !choice.filePath) return null;
  await writeFile(choice.filePath, pdf);
  return choice.filePath;
}

/** The printers the system knows, read through any open window. */
async function listPrinters() {
  const window = BrowserWindow.getAllWindows().find((each) => !each.isDestroyed());
  if (!window) return [];
  const printers = await window.webContents.getPrintersAsync();
  return printers.map((printer) => ({
    name: printer.name,
    displayName: printer.displayName || printer.name,
    isDefault: Boolean((printer as { isDefault?: boolean }).isDefault),
  }));
}

const toDeviceInput = contract['print.toDevice'].input;

/**
 * The dispatcher as the desktop's IPC bridge uses it: `print.toDevice` and `print.printers`
 * reach real printers; every other method passes through untouched.
 */
export function withDesktopPrinting(dispatcher: Dispatcher): Dispatcher {
  async function toDevice(rawInput: unknown, caller: Caller): Promise<DispatchResult> {
    const parsed = toDeviceInput.safeParse(rawInput);
    // A bad call (or a caller not allowed) gets the core's own answer, in the one error shape.
    if (!parsed.success) return dispatcher.dispatch('print.toDevice', rawInput, caller);
    const { appointmentId, target } = parsed.data;
    const language = parsed.data.language ?? caller.language;
    const slip = await dispatcher.dispatch(
      'print.slip',
      { appointmentId, language, ...(parsed.data.paper ? { paper: parsed.data.paper } : {}) },
      caller,
    );
    if (!slip.ok) return slip;
    const settings = await dispatcher.dispatch('settings.get', {}, caller);
    if (!settings.ok) return settings;
    const { html, paper, fileName } = slip.value as { html: string; paper: '80mm' | 'a5'; fileName: string };
    const { printerName, silentPrinting } = settings.value as { printerName: string; silentPrinting: boolean };

    let printer = printerName;
    let file: string | null = null;
    if (target === 'pdf') {
      try {
        file = await savePdf(html, fileName);
      } catch (error) {
        // No room for the PDF (ENOSPC): the same plain "disk full" as a change that did not fit.
        if (!isDiskFull(error)) throw error;
        return { ok: false, status: HTTP_STATUS.disk_full, error: { code: 'disk_full', message: translate(caller.language, 'error.diskFull') } };
      }
      if (!file) return { ok: true, value: { printed: false, printer: '', file: null } };
      printer = 'PDF';
    } else {
      const result = await printHtml(html, { printer: printerName, silent: silentPrinting, paper });
      if (!result.printed) {
        // Cancelled in the dialog is not an error; a printer fault is.
        if (result.reason === 'cancelled') return { ok: true, value: { printed: false, printer, file: null } };
        const message = translate(caller.language, 'printing.failed', { reason: result.reason });
        return { ok: false, status: 500, error: { code: 'internal', message } };
      }
    }
    const recorded = await dispatcher.dispatch('print.record', { kind: 'slip', appointmentId, paper, language, printer }, caller);
    if (!recorded.ok) return recorded;
    return { ok: true, value: { printed: true, printer, file } };
  }

  return {
    authenticate: (token) => dispatcher.authenticate(token),
    async dispatch(method, input, caller) {
      if (method === 'print.toDevice') return toDevice(input, caller);
      if (method === 'print.printers') {
        // The core checks the session and the role; the answer comes from the system.
        const allowed = await dispatcher.dispatch(method, input, caller);
        return allowed.ok ? { ok: true, value: await listPrinters() } : allowed;
      }
      return dispatcher.dispatch(method, input, caller);
    },
  };
}
