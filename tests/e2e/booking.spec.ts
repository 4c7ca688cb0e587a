import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { searchSettled } from './pickers';
import { apiCall, setDayOverride, signInManager, uniquePhone } from './api';
import { CustomersPage } from './pages/customers-page';
import { SignInPage } from './pages/sign-in-page';

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

test('book a new customer from a free slot, find them by initials, confirm from the call list, print the slip', async ({ page, context, request }) => {
  const api = { token: await signInManager(request) };
  const me = await apiCall<{ clinic: { today: string } }>(request, 'auth.me', {}, api.token);
  const tomorrow = addDays(me.clinic.today, 1);
  // A doctor on shift tomorrow afternoon whatever weekday it is (the roster's own override).
  const staff = await apiCall<{ id: number; role: string }[]>(request, 'auth.staff', {});
  const doctor = staff.find((member) => member.role === 'doctor');
  if (!doctor) throw new Error('the demo clinic has no doctor');
  await setDayOverride(request, { doctorId: doctor.id, date: tomorrow, kind: 'hours', start: '09:00', end: '18:00' }, api.token);
  const phone = uniquePhone();
  const spaced = `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;

  await new SignInPage(page).open();
  await new SignInPage(page).signIn('林佳');
  await page.getByRole('menuitem', { name: /(^|\s)预约$/ }).click();
  await page.evaluate((date) => (window.location.hash = `/appointments/${date}`), tomorrow);
  await expect(page.getByTestId('day-view')).toBeVisible();

  // A free quarter hour at 15:00 with whichever doctor has one.
  await page.locator('[data-testid="free-slot"][data-time="15:00"]').first().click();
  const drawer = page.getByRole('dialog').filter({ hasText: '新建预约' });
  await expect(drawer).toBeVisible();

  // A customer not on file: typed into the picker, registered inline.
  await drawer.getByTestId('customer-picker').click();
  await page.keyboard.type('乔思远');
  await searchSettled(drawer.getByTestId('customer-picker'));
  await page.getByText('新顾客', { exact: false }).last().click();
  const form = page.getByTestId('customer-form');
  await expect(form.getByLabel(/^(姓名|Name)$/)).toHaveValue('乔思远');
  await form.getByLabel(/^(称呼|Form of address)$/).fill('乔女士');
  await form.getByLabel(/^(电话|Phone)$/).fill(spaced);
  await form.getByRole('button', { name: /^(登记|Register)$/ }).click();
  await expect(drawer.getByTestId('customer-picker')).toContainText('乔女士');

  await drawer.getByTestId('book-submit').click();
  await expect(page.getByText(`已为乔女士预约 ${tomorrow} 15:00`)).toBeVisible();
  await expect(page.getByRole('dialog').filter({ hasText: '预约详情' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('day-appointment').filter({ hasText: '乔女士' })).toBeVisible();

  // Found again by pinyin initials.
  const customers = new CustomersPage(page);
  await customers.open();
  await customers.search('qsy');
  await expect(customers.results().first()).toContainText('乔思远');

  // Tomorrow's call list has them, with the full phone; confirming takes them off it.
  await page.getByRole('menuitem', { name: '确认电话' }).click();
  await page.evaluate((date) => (window.location.hash = `/calls/${date}`), tomorrow);
  const card = page.getByTestId('call-card').filter({ hasText: '乔女士' });
  await expect(card).toContainText(phone);
  await expect(card).toContainText('乔女士您好');
  await card.getByTestId('call-confirmed').click();
  await expect(page.getByText('已记录：已确认')).toBeVisible();
  await expect(card).toHaveCount(0);

  // The day view shows it confirmed.
  await page.getByRole('menuitem', { name: /(^|\s)预约$/ }).click();
  await page.evaluate((date) => (window.location.hash = `/appointments/${date}`), tomorrow);
  await expect(page.getByTestId('day-appointment').filter({ hasText: '乔女士' })).toContainText('✓');

  // The slip, printed to PDF by Chromium from the browser mode's own session.
  const day = await apiCall<{ appointments: { id: number; customer: { name: string } }[] }>(request, 'appointments.listDay', { date: tomorrow }, api.token);
  const booked = day.appointments.find((row) => row.customer.name === '乔思远');
  expect(booked).toBeDefined();
  const slip = await context.newPage();
  // In the console's language, as the console asks for it (the browser's own would be English here,
  // and an English slip greets her 'Dear Ms Qiao').
  const response = await slip.goto(`/print/slip/${booked!.id}?paper=80mm&lang=zh-CN`);
  expect(response?.status()).toBe(200);
  const pdfPath = test.info().outputPath('slip.pdf');
  await slip.pdf({ path: pdfPath, width: '80mm', height: '200mm', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('乔女士');
  expect(text).toContain('15:00');
  expect(text).not.toContain('乔思远');
  expect(text).not.toContain(phone);
});
