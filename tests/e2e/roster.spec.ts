import { expect, test } from '@playwright/test';
import { apiCall, staffId } from './api';
import { RosterPage } from './pages/roster-page';
import { SignInPage } from './pages/sign-in-page';

interface DayRow {
  id: number;
  startsAt: string;
  durationMinutes: number;
  status: string;
  customer: { name: string };
  doctor: { id: number; name: string } | null;
}
interface TodayDoctor {
  doctor: { id: number; name: string; specialty: string | null };
  shift: { start: string; end: string };
  confirmation: unknown;
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clinicMinutes = (instant: string) => {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
  return minutes(time);
};

test('morning confirmation: a doctor absent, one appointment moved to a colleague of the same specialty', async ({ page, request }) => {
  const { token } = await apiCall<{ token: string }>(request, 'auth.signIn', { staffId: await staffId(request, '陈晓雨'), pin: '1234' });
  const roster = await apiCall<{ doctors: TodayDoctor[] }>(request, 'roster.today', {}, token);
  const day = await apiCall<{ appointments: DayRow[] }>(request, 'appointments.listDay', {}, token);
  const open = day.appointments.filter((row) => row.status === 'booked' || row.status === 'confirmed');

  // The demo's two facial surgeons (面部整形): find one whose appointment the other is free to take.
  const facial = roster.doctors.filter((entry) => entry.doctor.specialty === '面部整形' && entry.confirmation === null);
  let plan: { absent: TodayDoctor; colleague: TodayDoctor; appointment: DayRow } | undefined;
  for (const absent of facial) {
    for (const colleague of facial.filter((entry) => entry !== absent)) {
      const busy = day.appointments.filter((row) => row.doctor?.id === colleague.doctor.id && row.status !== 'cancelled' && row.status !== 'no_show');
      const appointment = open.find((row) => {
        if (row.doctor?.id !== absent.doctor.id) return false;
        const start = clinicMinutes(row.startsAt);
        const end = start + row.durationMinutes;
        if (start < minutes(colleague.shift.start) || end > minutes(colleague.shift.end)) return false;
        return busy.every((other) => {
          const otherStart = clinicMinutes(other.startsAt);
          return end <= otherStart || otherStart + other.durationMinutes <= start;
        });
      });
      if (appointment) plan ??= { absent, colleague, appointment };
    }
  }
  expect(plan, 'the demo day has an appointment one facial surgeon can take from the other').toBeDefined();
  if (!plan) return;

  await new SignInPage(page).open();
  await new SignInPage(page).signIn('陈晓雨');
  // The home screen says at a glance that the roster is not confirmed yet.
  await expect(page.getByRole('alert').filter({ hasText: '今日医生排班尚未确认' })).toBeVisible();
  await page.getByRole('link', { name: '去确认' }).click();

  const rosterPage = new RosterPage(page);
  await expect(rosterPage.doctorCard(plan.absent.doctor.id)).toBeVisible();
  await rosterPage.markAbsent(plan.absent.doctor.id);
  const card = rosterPage.doctorCard(plan.absent.doctor.id);
  await expect(card.getByText('缺席', { exact: true }).first()).toBeVisible();
  await expect(card).toContainText('陈晓雨');
  const row = rosterPage.affectedRow(plan.absent.doctor.id, plan.appointment.customer.name);
  await row.getByRole('button', { name: `改约给 ${plan.colleague.doctor.name}` }).click();
  await expect(row).toHaveCount(0);

  // Today's list shows the appointment under the colleague now.
  await page.goto('/#/today');
  const todayRow = page.getByRole('row').filter({ hasText: plan.appointment.customer.name });
  await expect(todayRow.first()).toContainText(plan.colleague.doctor.name);
});
