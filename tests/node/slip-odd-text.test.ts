/**
 * The appointment slip with the longest texts the contract takes, written without a space to
 * break at (a foreign name typed without spaces, a clinic name in Latin letters, directions
 * pasted as one long link) and a right-to-left name: in Chromium, nothing may run past the
 * slip's right edge, where a receipt printer cuts it off (issue 19: odd data, not only odd input).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingSchema } from '../../shared/contract/appointments';
import { customerFieldsSchema } from '../../shared/contract/customers';
import { addDays, clinicDateOf } from '../../shared/domain/clinic-time';
import { settingsSchema } from '../../shared/domain/settings';
import { lengthsOf } from '../helpers/odd-text';
import { launchChromium } from '../helpers/chromium';
import { addStaff, caller, createTestCore, signIn, type TestCore } from '../helpers/test-core';

/** `word` repeated to exactly the field's longest length: one unbreakable run of letters. */
const longest = (field: Parameters<typeof lengthsOf>[0], word: string) => word.repeat(lengthsOf(field).max).slice(0, lengthsOf(field).max);

let core: TestCore;
let browser: Browser;
let manager: string;
const appointments: { name: string; id: number }[] = [];

beforeAll(async () => {
  core = await createTestCore();
  manager = await signIn(core, await addStaff(core, '主管测试', 'manager'));
  const doctorId = await addStaff(core, '李慧', 'doctor');
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const answer = await core.dispatcher.dispatch(method, input, caller(manager));
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
    return answer.value as T;
  };
  await call('settings.update', {
    slipPrivacy: 'fullName',
    clinicName: longest(settingsSchema.shape.clinicName, 'Yueyan'),
    clinicNameEn: longest(settingsSchema.shape.clinicNameEn, 'Aesthetic'),
    clinicAddress: longest(settingsSchema.shape.clinicAddress, 'NanjingWestRoad'),
    clinicAddressEn: longest(settingsSchema.shape.clinicAddressEn, 'NanjingWestRoad'),
    transportDirections: longest(settingsSchema.shape.transportDirections, 'https://metro.example/'),
    transportDirectionsEn: longest(settingsSchema.shape.transportDirectionsEn, 'https://metro.example/'),
  });
  // Tomorrow: a booking is never for a time already gone (issue 13 part 4), whatever the suite's moment.
  const date = addDays(clinicDateOf(core.clock.now(), 'Asia/Shanghai'), 1);
  for (const [index, name] of [longest(customerFieldsSchema.shape.name, 'Montgomery'), 'محمد بن سلمان آل سعود'].entries()) {
    const customer = await call<{ id: number }>('customers.create', {
      name,
      phone: `1370000000${index}`,
      addressForm: longest(customerFieldsSchema.shape.addressForm, 'Madame'),
    });
    const booked = await call<{ id: number }>('appointments.create', {
      customerId: customer.id, doctorId, kind: 'consultation', channel: 'phone', date, time: '10:00', durationMinutes: 30, override: true,
      bring: longest(bookingSchema.shape.bring, 'Passport'),
    });
    appointments.push({ name, id: booked.id });
  }
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await core?.close();
});

describe.each(['80mm', 'a5'] as const)('a slip of the longest unbroken texts on %s paper', (paper) => {
  it.each(['zh-CN', 'en'] as const)('keeps every line within the paper (%s)', async (language) => {
    for (const appointment of appointments) {
      const answer = await core.dispatcher.dispatch('print.slip', { appointmentId: appointment.id, paper, language }, caller(manager));
      if (!answer.ok) throw new Error(answer.error.message);
      const page = await browser.newPage();
      await page.setContent((answer.value as { html: string }).html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      // Evaluated in the page (a string: this project's Node types have no DOM).
      const overflowing = (await page.evaluate(`(() => {
        const body = document.body.getBoundingClientRect();
        return [...document.body.querySelectorAll('*')]
          .filter((element) => {
            const box = element.getBoundingClientRect();
            return box.width > 0 && (box.right > body.right + 0.5 || box.left < body.left - 0.5);
          })
          .map((element) => element.tagName.toLowerCase() + '.' + element.getAttribute('class'));
      })()`)) as string[];
      const text = await page.locator('body').innerText();
      await page.close();
      expect(overflowing, appointment.name).toEqual([]);
      // The full name is printed (the clinic chose so), however long.
      expect(text.replace(/\s/g, '')).toContain(appointment.name.replace(/\s/g, ''));
    }
  });
});
