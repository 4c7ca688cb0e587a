/**
 * The demo clinic on the desktop: `--demo` on the command line fills the database (as
 * `npm run serve -- --demo` does), and the very first start on an empty database asks.
 */
import { dialog } from 'electron';
import type { ConsoleCore } from '../core/create-core';
import { countStaff } from '../db/repositories/staff';
import { startDemoClinic } from '../demo/start-demo';

const DEMO_CHOICE = 0;

async function askForDemo(): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    title: 'FrontDesk',
    message: '首次启动：要先用演示诊所试用吗？\nFirst start: try it with the demo clinic first?',
    detail:
      '演示诊所有虚构的员工、顾客和今天的预约，所有 PIN 都是 1234。\n' +
      'The demo clinic has made-up staff, customers and today’s appointments; every PIN is 1234.',
    buttons: ['用演示诊所开始 / Start with the demo clinic', '空白开始 / Start empty'],
    defaultId: DEMO_CHOICE,
    cancelId: 1,
    noLink: true,
  });
  return response === DEMO_CHOICE;
}

/** Seeds the demo clinic and plays today up to now, when asked to by `--demo` or, on an empty database, by the user. */
export async function offerDemoClinic(core: ConsoleCore, argv: readonly string[]): Promise<void> {
  let wanted = argv.includes('--demo');
  if (!wanted && (await countStaff(core.database.db)) === 0) wanted = await askForDemo();
  if (!wanted) return;
  const { seeded, summary } = await startDemoClinic(core.database.db, { now: core.clock.now() });
  console.log(`[shell] demo clinic: ${seeded.createdClinic ? 'created, ' : ''}${String(seeded.appointmentsAdded)} appointments added. ${summary}`);
}
