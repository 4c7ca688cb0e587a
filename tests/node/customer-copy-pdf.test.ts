/**
 * A customer's copy of her data (issue 20; PIPL Art. 45) as the PDF she is given: Chromium's
 * print-to-PDF of the document made from the export. Its text names her and the clinic and holds a
 * section for each table the export has; the PDF and its first page as PNG are kept in
 * .tmp/shots-printing/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { customerCopyHtml } from '../../shared/print/customer-copy';
import { launchChromium } from '../helpers/chromium';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../helpers/test-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, '.tmp', 'shots-printing');
let core: TestCore;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  core = await createTestCore();
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await core?.close();
});

it("prints her copy on A4 with her card, her consents and each table's rows, in Chinese and English", async () => {
  const manager = await signIn(core, await addStaff(core, '何芳', 'manager'));
  const call = async (method: string, input: unknown) => {
    const result = await core.dispatcher.dispatch(method, input, caller(manager));
    if (!result.ok) throw new Error(result.error.message);
    return result.value as Record<string, unknown>;
  };
  const customer = (await call('customers.create', { name: '上官婉儿', phone: '13912345678', notes: '对乳胶过敏' })) as { id: number };
  await call('privacy.recordConsent', { customerId: customer.id, purpose: 'medical', method: 'paper' });
  // Her consent to follow-up calls, signed on a tablet: a stroke drawn on a canvas, as the tablet sends it.
  const drawing = await browser.newPage();
  // (A string: this project's TypeScript has no DOM library; the page runs it.)
  const signature = await drawing.evaluate<string>(`(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 600;
    canvas.height = 180;
    const context = canvas.getContext('2d');
    context.lineWidth = 3;
    context.beginPath();
    context.moveTo(20, 120);
    for (let x = 20; x <= 560; x += 10) context.lineTo(x, 90 + 50 * Math.sin(x / 40));
    context.stroke();
    return canvas.toDataURL('image/png');
  })()`);
  await drawing.close();
  await call('privacy.recordConsent', { customerId: customer.id, purpose: 'followUpCalls', method: 'tablet', signature });
  const copy = (await call('privacy.export', { customerId: customer.id })) as { customerId: number; generatedAt: string; tables: Record<string, Record<string, unknown>[]> };
  for (const language of ['zh-CN', 'en'] as const) {
    const page = await browser.newPage();
    await page.setContent(customerCopyHtml({ ...copy, clinicName: '悦颜医疗美容门诊部', timeZone: 'Asia/Shanghai', language, by: '何芳' }), { waitUntil: 'load' });
    const pdf = join(out, `customer-copy-${language}.pdf`);
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.close();
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', pdf, join(out, `customer-copy-${language}`)]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('上官婉儿');
    expect(text).toContain('13912345678');
    expect(text).toContain('对乳胶过敏');
    expect(text).toContain('悦颜医疗美容门诊部');
    expect(text).toContain(language === 'en' ? 'Copyofpersonaldataheld' : '顾客个人信息副本');
    // A heading for each table her copy holds rows of.
    for (const table of Object.keys(copy.tables).filter((name) => (copy.tables[name] ?? []).length > 0)) expect(text).toContain(table);
    expect(/Pages:\s+\d+/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))).not.toBeNull();
    // Her signature is printed as the image she drew, not as its base64.
    expect(text).not.toContain('iVBORw0KGgo');
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.length).toBeGreaterThanOrEqual(1);
  }
}, 60_000);
