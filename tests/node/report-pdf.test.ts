/**
 * The manager's report through Chromium's print-to-PDF, as the print dialog's "Save as PDF" and
 * Electron's printToPDF make it: A4 pages numbered "n / N" with the clinic's name and the period,
 * its charts drawn (rendered to PNG, the charts' colours are on the pages), and no customer's full
 * name or phone anywhere — searched for every customer of the scripted days, with their escorts,
 * ward rounds, follow-up calls and surveys (a phone typed into a comment). PDFs and PNGs are kept
 * in .tmp/shots-report/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { launchChromium } from '../helpers/chromium';
import { translate } from '../../shared/i18n/messages';
import { createReportCareDays, type ReportCareDays } from '../helpers/report-care-days';
import { DAY_ONE, DAY_TWO, REPORT_CUSTOMERS } from '../helpers/report-days';
import { caller } from '../helpers/test-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, '.tmp', 'shots-report');

let days: ReportCareDays;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  days = await createReportCareDays();
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await days?.core.close();
});

async function printReport(language: 'zh-CN' | 'en'): Promise<string> {
  const result = await days.core.dispatcher.dispatch('report.document', { from: DAY_ONE, to: DAY_TWO, language }, caller(days.manager));
  if (!result.ok) throw new Error(result.error.message);
  const page = await browser.newPage();
  await page.setContent((result.value as { html: string }).html, { waitUntil: 'load' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.close();
  const file = join(out, `report-${language}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** Every page of the PDF as PNG at 100 dpi. */
function pagesAsPng(pdf: string): string[] {
  const prefix = pdf.replace(/\.pdf$/, '');
  for (const name of readdirSync(out)) if (join(out, name).startsWith(`${prefix}-`) && name.endsWith('.png')) rmSync(join(out, name));
  execFileSync('pdftoppm', ['-r', '100', '-png', pdf, prefix]);
  return readdirSync(out)
    .filter((name) => join(out, name).startsWith(`${prefix}-`) && name.endsWith('.png'))
    .sort()
    .map((name) => join(out, name));
}

/** Pixels close to a colour (the charts' series colours, which nothing else on the page uses). */
function pixelsNear(png: string, [r, g, b]: [number, number, number]): number {
  const image = PNG.sync.read(readFileSync(png));
  let count = 0;
  for (let index = 0; index < image.data.length; index += 4) {
    if (Math.abs(image.data[index]! - r) < 24 && Math.abs(image.data[index + 1]! - g) < 24 && Math.abs(image.data[index + 2]! - b) < 24) count += 1;
  }
  return count;
}

const pdfText = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
const pdfInfo = (pdf: string) => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
const squash = (text: string) => text.replace(/\s+/g, '');

describe.each(['zh-CN', 'en'] as const)('the report as a PDF in %s', (language) => {
  let pdf: string;
  beforeAll(async () => {
    pdf = await printReport(language);
  }, 60_000);

  it('is A4, numbered page by page, with the clinic’s name and the period', () => {
    const info = pdfInfo(pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    // A4 is 595 × 842 points.
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const text = squash(pdfText(pdf));
    expect(text).toContain(squash(language === 'en' ? DEFAULT_SETTINGS.clinicNameEn : DEFAULT_SETTINGS.clinicName));
    expect(text).toContain(`${DAY_ONE}–${DAY_TWO}`);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`${page}/${pages}`);
    expect(text).toContain(language === 'en' ? 'Waitsbyhour' : '各时段等候');
  });

  it('shows its charts when rendered to PNG', () => {
    const pngs = pagesAsPng(pdf);
    // The series colours of the wait chart (median blue, p90 orange) and comfort (on time green).
    const blue = pngs.reduce((sum, png) => sum + pixelsNear(png, [0x3b, 0x7d, 0xd8]), 0);
    const orange = pngs.reduce((sum, png) => sum + pixelsNear(png, [0xe0, 0x7b, 0x39]), 0);
    const green = pngs.reduce((sum, png) => sum + pixelsNear(png, [0x52, 0xa3, 0x6b]), 0);
    expect(blue).toBeGreaterThan(500);
    expect(orange).toBeGreaterThan(200);
    expect(green).toBeGreaterThan(200);
  });

  it('never prints a customer’s full name or phone', () => {
    const text = squash(pdfText(pdf));
    for (const customer of REPORT_CUSTOMERS) {
      expect(text).not.toContain(squash(customer.name));
      expect(text).not.toContain(customer.phone);
    }
    expect(text).not.toContain('13900001111');
    expect(text).not.toContain('13912345678');
  });

  it('prints the care sections: escort times, ward rounds, follow-up calls and survey scores', () => {
    const text = squash(pdfText(pdf));
    for (const key of ['report.escorts.title', 'report.escorts.chart', 'report.wardRounds.title', 'report.followUpCalls.title', 'report.surveys.title', 'report.surveys.chartByAspect'] as const) {
      expect(text).toContain(squash(translate(language, key)));
    }
    // The guides, nurses and the caller are named; customers are not.
    for (const name of ['导医赵敏', '护士郑丽', '回访专员吴倩']) expect(text).toContain(name);
  });
});
