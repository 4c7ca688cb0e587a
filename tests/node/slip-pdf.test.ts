/**
 * The appointment slip through Chromium's print-to-PDF, as a clinic's printer would get it: the
 * PDF's text carries the form of address, the time, floor and room and the clinic's address (and
 * not the full name, phone or item), and its QR code — rendered to PNG and decoded — is exactly the
 * slip code a desk scanner types at check-in. PDFs and PNGs are kept in .tmp/shots-printing/ for a
 * person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSlipCode, slipCode } from '../../shared/domain/slip-code';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { addSlipAppointment, SLIP_CUSTOMER, SLIP_ITEM } from '../helpers/slip-fixture';
import { launchChromium } from '../helpers/chromium';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../helpers/test-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, '.tmp', 'shots-printing');

let core: TestCore;
let browser: Browser;
let token: string;
let appointmentId: number;

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  core = await createTestCore();
  ({ appointmentId } = await addSlipAppointment(core));
  token = await signIn(core, await addStaff(core, '陈晓雨', 'reception'));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await core?.close();
});

/** The slip as the server renders it, printed to PDF by Chromium. */
async function printSlip(paper: '80mm' | 'a5', language: 'zh-CN' | 'en'): Promise<string> {
  const result = await core.dispatcher.dispatch('print.slip', { appointmentId, paper, language }, caller(token));
  if (!result.ok) throw new Error(result.error.message);
  const page = await browser.newPage();
  await page.setContent((result.value as { html: string }).html, { waitUntil: 'load' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.close();
  const file = join(out, `slip-${language}-${paper}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** Every page of the PDF as PNG at 150 dpi; the QR code decoded from the first page that has one. */
function decodeQr(pdf: string): string | null {
  const prefix = pdf.replace(/\.pdf$/, '');
  for (const name of readdirSync(out)) if (join(out, name).startsWith(`${prefix}-`) && name.endsWith('.png')) rmSync(join(out, name));
  execFileSync('pdftoppm', ['-r', '150', '-png', pdf, prefix]);
  const pages = readdirSync(out)
    .filter((name) => join(out, name).startsWith(`${prefix}-`) && name.endsWith('.png'))
    .sort();
  for (const name of pages) {
    const png = PNG.sync.read(readFileSync(join(out, name)));
    const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    if (found) return found.data;
  }
  return null;
}

const pdfText = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
/** pdftotext may break a long line anywhere: compare without white space. */
const squash = (text: string) => text.replace(/\s+/g, '');

describe.each([
  ['zh-CN', '80mm'],
  ['zh-CN', 'a5'],
  ['en', '80mm'],
  ['en', 'a5'],
] as const)('the %s slip on %s paper', (language, paper) => {
  let pdf: string;
  beforeAll(async () => {
    pdf = await printSlip(paper, language);
  }, 60_000);

  it('fits one page and says who, when and where, and the clinic’s address', () => {
    expect(pageCount(pdf)).toBe(1);
    const text = squash(pdfText(pdf));
    // The English slip greets by an English form of her address form 王姐 (issue 13 part 11).
    expect(text).toContain(language === 'zh-CN' ? SLIP_CUSTOMER.addressForm : 'DearMsWang');
    expect(text).toContain('10:30');
    if (language === 'zh-CN') {
      expect(text).toContain('2026年11月23日星期一');
      expect(text).toContain('4楼·咨询室401');
      expect(text).toContain(squash(DEFAULT_SETTINGS.clinicAddress));
    } else {
      expect(text).toContain('Monday,23November2026');
      expect(text).toContain('Floor4·Consultationroom401');
      expect(text).toContain(squash(DEFAULT_SETTINGS.clinicAddressEn));
    }
    expect(text).toContain(slipCode(appointmentId));
  });

  it('never prints the full name, the phone or the item of interest', () => {
    const text = squash(pdfText(pdf));
    expect(text).not.toContain(SLIP_CUSTOMER.name);
    expect(text).not.toContain(SLIP_CUSTOMER.phone);
    expect(text).not.toContain(SLIP_ITEM.name);
    expect(text.toLowerCase()).not.toContain(SLIP_ITEM.nameEn.toLowerCase().replace(/\s/g, ''));
  });

  it('carries a QR code that decodes to exactly the appointment’s slip code', () => {
    const payload = decodeQr(pdf);
    expect(payload).toBe(slipCode(appointmentId));
    expect(parseSlipCode(payload ?? '')).toBe(appointmentId);
  });
});
