/**
 * What the ward specs (ward.spec.ts, ward-journey.spec.ts) both do: admit a customer to a free bed
 * through the API, and open the ward board on the nurse's 768×1024 tablet showing her bed.
 */
import type { APIRequestContext, BrowserContext, BrowserContextOptions, Locator, Page } from '@playwright/test';
import { apiCall, signInAs } from './api';
import { expect } from './fixtures';
import { SignInPage } from './pages/sign-in-page';

/**
 * The nurse 郑丽 admits the customer to the first free bed (for her surgery `surgeryAppointmentId`, if
 * given): the stay, the room and bed, and her token.
 */
export async function admitToFreeBed(request: APIRequestContext, customerId: number, surgeryAppointmentId?: number): Promise<{ stayId: number; roomId: number; bed: number; nurse: string }> {
  const nurse = await signInAs(request, '郑丽');
  const board = await apiCall<{ beds: { room: { id: number }; bed: number; stay: { id: number; version: number; admittedAt: string } | null }[] }>(request, 'stays.board', {}, nurse);
  let free = board.beds.find((bed) => bed.stay === null);
  if (!free) {
    // Every bed taken (the suite run again on one server: each run admits and keeps a customer).
    // The ward frees a bed as it does every day: the longest stay goes home, her sheet given.
    const longest = board.beds.reduce((a, b) => (b.stay!.admittedAt < a.stay!.admittedAt ? b : a));
    await apiCall(request, 'stays.discharge', { stayId: longest.stay!.id, expectedVersion: longest.stay!.version, sheetGiven: true }, nurse);
    free = longest;
  }
  const { stayId } = await apiCall<{ stayId: number }>(request, 'stays.admit', { customerId, roomId: free.room.id, bed: free.bed, ...(surgeryAppointmentId !== undefined ? { surgeryAppointmentId } : {}) }, nurse);
  return { stayId, roomId: free.room.id, bed: free.bed, nurse };
}

/** 郑丽's tablet (768×1024) on the ward board, and the bed of `customerName` there, shown. */
export async function wardTablet(newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>, bedNumber: number, customerName: string): Promise<{ context: BrowserContext; tablet: Page; signIn: SignInPage; bed: Locator }> {
  const context = await newContext({ viewport: { width: 768, height: 1024 } });
  const tablet = await context.newPage();
  const signIn = new SignInPage(tablet);
  await signIn.open('zh-CN');
  await signIn.signIn('郑丽');
  await expect(signIn.root()).toBeHidden();
  await tablet.goto('/#/ward');
  const bed = tablet.locator(`[data-testid="ward-bed"][data-bed="${String(bedNumber)}"][data-occupied="true"]`).filter({ hasText: customerName });
  await expect(bed).toBeVisible();
  return { context, tablet, signIn, bed };
}
