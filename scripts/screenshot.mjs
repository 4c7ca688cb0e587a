// Takes screenshots of the running console for a person to look at:
//   node scripts/screenshot.mjs <baseUrl> <outDir> [width] [height]
// Signs in as the first reception account with the demo PIN, in Chinese and in English.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const [base = 'http://localhost:5170', out = '.tmp/shots', width = '1920', height = '1080'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const lang of ['zh-CN', 'en']) {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  await page.goto(`${base}/?lang=${lang}`);
  await page.getByTestId('sign-in').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/sign-in-${lang}-${width}.png` });
  await page.getByRole('listitem').filter({ hasText: lang === 'en' ? 'Reception' : '前台' }).first().click();
  await page.screenshot({ path: `${out}/pin-${lang}-${width}.png` });
  await page.getByLabel(lang === 'en' ? 'PIN' : 'PIN 码').fill('1234');
  await page.keyboard.press('Enter');
  await page.getByTestId('today-table').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/today-${lang}-${width}.png` });
  await page.close();
}
await browser.close();
console.log(`screenshots in ${out}`);
