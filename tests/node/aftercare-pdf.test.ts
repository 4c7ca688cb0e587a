/**
 * The aftercare sheet through Chromium's print-to-PDF and pdftoppm's PNG, as the customer gets it:
 * it names her, gives the one-month visit's date, and carries nothing of the psychological screen
 * (its questions, its result, the decision) nor of the desk's hand-off or consultation notes.
 * PDFs and PNGs are kept in .tmp/shots-aftercare/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BDDQ_AS_ITEMS } from '../../shared/domain/screening';
import { launchChromium } from '../helpers/chromium';
import { caller } from '../helpers/test-core';
import { createStayClinic, POSITIVE_SCREEN, type StayClinic } from '../helpers/stay-fixture';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, '.tmp', 'shots-aftercare');
// Thursday 2026-12-03, 10:00 in Beijing.
const NOW = '2026-12-03T02:00:00.000Z';
const HANDOFF_NOTE = '顾客担心留疤，期望非常自然；交接：怕疼，第一次来';
const OUTCOME_NOTE = '咨询备注：预算有限';

let clinic: StayClinic;
let browser: Browser;
let stayId: number;

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  clinic = await createStayClinic(NOW);
  const { customerId, visitId, version } = await clinic.inConsultation('欧阳娜娜');
  await clinic.core.database.db.updateTable('customers').set({ notes: HANDOFF_NOTE }).where('id', '=', customerId).execute();
  await clinic.call('screenings.record', { customerId, answers: POSITIVE_SCREEN });
  const outcome = await clinic.call<{ surgeryAppointmentId: number }>('outcomes.record', {
    visitId,
    expectedVersion: version,
    outcome: 'decided',
    note: OUTCOME_NOTE,
    surgery: { doctorId: clinic.doctorId, date: '2026-12-03', time: '14:00', durationMinutes: 90 },
    screeningDecision: { decision: 'proceed', reason: '筛查阳性，医生面谈后认为可以手术' },
  });
  if (!outcome.ok) throw new Error(outcome.error.message);
  const admitted = await clinic.call<{ stayId: number }>('stays.admit', { customerId, roomId: clinic.wardRoomId, bed: 1, surgeryAppointmentId: outcome.value.surgeryAppointmentId }, clinic.tokens.nurse);
  if (!admitted.ok) throw new Error(admitted.error.message);
  stayId = admitted.value.stayId;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await clinic?.core.close();
});

async function printSheet(paper: 'a5' | 'a4', language: 'zh-CN' | 'en'): Promise<string> {
  const result = await clinic.core.dispatcher.dispatch('aftercare.sheet', { stayId, paper, language }, caller(clinic.tokens.nurse));
  if (!result.ok) throw new Error(result.error.message);
  const page = await browser.newPage();
  await page.setContent((result.value as { html: string }).html, { waitUntil: 'load' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.close();
  const file = join(out, `aftercare-${language}-${paper}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '110', '-png', '-singlefile', file, file.replace(/\.pdf$/, '')]);
  return file;
}

const squash = (text: string) => text.replace(/\s+/g, '');
const pdfText = (pdf: string) => squash(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);

describe.each([
  ['zh-CN', 'a5'],
  ['zh-CN', 'a4'],
  ['en', 'a5'],
] as const)('the %s aftercare sheet on %s', (language, paper) => {
  let pdf: string;
  beforeAll(async () => {
    pdf = await printSheet(paper, language);
  }, 60_000);

  it('is rendered to one page and a PNG, names the customer and gives the one-month date', () => {
    expect(pageCount(pdf)).toBe(1);
    expect(existsSync(pdf.replace(/\.pdf$/, '.png'))).toBe(true);
    const text = pdfText(pdf);
    expect(text).toContain('欧阳娜娜');
    // Printed on 3 December 2026: the one-month visit is on 3 January 2027; day 7 on 10 December.
    expect(text).toContain(language === 'en' ? 'Sunday,3January2027' : '2027年1月3日星期日');
    expect(text).toContain(language === 'en' ? 'Thursday,10December2026' : '2026年12月10日星期四');
    expect(text).toContain(language === 'en' ? 'spicy' : '辛辣');
  });

  it('carries no screening and no hand-off or consultation note', () => {
    const text = pdfText(pdf);
    for (const item of BDDQ_AS_ITEMS) {
      expect(text).not.toContain(squash(item.zh).slice(0, 8));
      expect(text.toLowerCase()).not.toContain(squash(item.en).toLowerCase().slice(0, 16));
    }
    for (const word of ['BDD', '筛查', 'screen', 'dysmorphic', '阳性', '医生面谈', squash(HANDOFF_NOTE).slice(0, 6), '怕疼', squash(OUTCOME_NOTE).slice(0, 6), '预算']) {
      expect(text.toLowerCase()).not.toContain(word.toLowerCase());
    }
  });
});
