/**
 * The directions slip (issue 14) through Chromium's print-to-PDF on both papers and in both
 * languages, then to PNG as a printer would put it on paper: it names the floor, the room, the way
 * up and the landmarks, greets by the address form with the ticket — and never prints the full
 * name or the item of interest. The PNG's floor sketch has ink in it (the destination filled
 * black). PDFs and PNGs are kept in .tmp/shots-printing/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium';
import { buildEscortClinic, callToRoom, ESCORT_CUSTOMER, ESCORT_ITEM, type EscortClinic } from '../helpers/escort-fixture';
import { createTestCore, type TestCore } from '../helpers/test-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, '.tmp', 'shots-printing');

let core: TestCore;
let browser: Browser;
let clinic: EscortClinic;
let escortId: number;
let ticket: string;

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  core = await createTestCore({ now: '2026-11-24T02:30:00.000Z' });
  clinic = await buildEscortClinic(core);
  ({ escortId } = await callToRoom(clinic));
  ticket = (await clinic.call<{ escorts: { ticket: string }[] }>('guide', 'escorts.board', {})).escorts[0]?.ticket ?? '';
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await core?.close();
});

async function printDirections(paper: '80mm' | 'a5', language: 'zh-CN' | 'en'): Promise<string> {
  // The guide's tablet prints it, as the desk does.
  const { html } = await clinic.call<{ html: string }>('guide', 'escorts.directions', { escortId, paper, language });
  const page = await browser.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.close();
  const file = join(out, `directions-${language}-${paper}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** The PDF's first page as PNG at 100 dpi. */
function toPng(pdf: string): PNG {
  const prefix = pdf.replace(/\.pdf$/, '');
  for (const name of readdirSync(out)) if (join(out, name).startsWith(`${prefix}-`) && name.endsWith('.png')) rmSync(join(out, name));
  execFileSync('pdftoppm', ['-r', '100', '-png', '-f', '1', '-l', '1', pdf, prefix]);
  const name = readdirSync(out).find((each) => join(out, each).startsWith(`${prefix}-`) && each.endsWith('.png'));
  if (!name) throw new Error('pdftoppm made no PNG');
  return PNG.sync.read(readFileSync(join(out, name)));
}

const squash = (text: string) => text.replace(/\s+/g, '');
const pdfText = (pdf: string) => squash(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);

describe.each([
  ['zh-CN', '80mm'],
  ['zh-CN', 'a5'],
  ['en', '80mm'],
  ['en', 'a5'],
] as const)('the %s directions slip on %s paper', (language, paper) => {
  let pdf: string;
  beforeAll(async () => {
    pdf = await printDirections(paper, language);
  }, 60_000);

  it('fits one page and names the floor, the room, the way up and the landmarks, with the ticket and address form', () => {
    expect(pageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    expect(text).toContain(ticket);
    expect(text).toContain(ESCORT_CUSTOMER.addressForm);
    if (language === 'zh-CN') {
      expect(text).toContain('4楼');
      expect(text).toContain('咨询室401');
      expect(text).toContain('乘电梯');
      expect(text).toContain('绿植墙对面');
    } else {
      expect(text).toContain('Floor4');
      expect(text).toContain('Consultation401');
      expect(text).toContain('Bylift');
      expect(text).toContain('Oppositethegreenwall');
    }
  });

  it('never prints the full name, the phone or the item of interest', () => {
    const text = pdfText(pdf);
    expect(text).not.toContain(ESCORT_CUSTOMER.name);
    expect(text).not.toContain(ESCORT_CUSTOMER.phone);
    expect(text).not.toContain(ESCORT_ITEM.name);
    expect(text.toLowerCase()).not.toContain(squash(ESCORT_ITEM.nameEn).toLowerCase());
  });

  it('renders to PNG with the floor sketch inked (the destination room filled)', () => {
    const png = toPng(pdf);
    // Count near-black pixels in the lower half of the page, where the sketch is.
    let dark = 0;
    for (let y = Math.floor(png.height / 2); y < png.height; y += 1) {
      for (let x = 0; x < png.width; x += 1) {
        const at = (y * png.width + x) * 4;
        if ((png.data[at] ?? 255) < 60 && (png.data[at + 1] ?? 255) < 60 && (png.data[at + 2] ?? 255) < 60) dark += 1;
      }
    }
    expect(dark).toBeGreaterThan(200);
  });
});
