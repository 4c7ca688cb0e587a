import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createTestCore } from '../../tests/helpers/test-core';
import { DATABASE_FILE } from './data-dir';
import { backupTimeOf, runRestoreFlow, type RestoreFlowDeps } from './restore-flow';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The menu item's steps with recording stand-ins for Electron's dialogs. */
async function flow(answers: { file: string | null; confirm: boolean }, file: string, core: Awaited<ReturnType<typeof createTestCore>>) {
  const steps: string[] = [];
  const deps: RestoreFlowDeps = {
    file,
    clock: core.clock,
    chooseFile: (folder) => {
      steps.push(`choose in ${folder}`);
      return Promise.resolve(answers.file);
    },
    confirm: (message) => {
      steps.push(`confirm: ${message}`);
      return Promise.resolve(answers.confirm);
    },
    closeConsole: async () => {
      steps.push('close');
      await core.close();
    },
    showError: (message) => steps.push(`error: ${message}`),
    relaunch: () => steps.push('relaunch'),
  };
  return { outcome: await runRestoreFlow(deps), steps };
}

it('restores from the menu: picks in backups/, confirms naming the time, closes the console, restores, relaunches; cancelling changes nothing', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'frontdesk-restore-flow-'));
  folders.push(folder);
  const file = join(folder, DATABASE_FILE);
  const core = await createTestCore({ file });
  const backup = await core.backups.start({ trigger: 'manual', staffId: null, staffName: null }).done;
  expect(backupTimeOf('/data/backups/frontdesk-2026-11-24_10-30-05.db')).toBe('2026-11-24 10:30:05');

  const cancelled = await flow({ file: backup.path, confirm: false }, file, core);
  expect(cancelled.outcome).toBe('cancelled');
  expect(cancelled.steps).toEqual([`choose in ${join(folder, 'backups')}`, `confirm: 从 ${backupTimeOf(backup.path)} 的备份恢复？\nRestore the backup of ${backupTimeOf(backup.path)}?`]);

  const restored = await flow({ file: backup.path, confirm: true }, file, core);
  expect(restored.steps.slice(2)).toEqual(['close', 'relaunch']);
  expect(typeof restored.outcome === 'object' && restored.outcome.savedAs !== null && existsSync(restored.outcome.savedAs)).toBe(true);
});

it('a refused file is said in both languages and the app relaunches on the database as it was', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'frontdesk-restore-flow-'));
  folders.push(folder);
  const file = join(folder, DATABASE_FILE);
  const core = await createTestCore({ file });
  const junk = join(folder, 'frontdesk-2026-11-24_09-00-00.db');
  writeFileSync(junk, 'not a database');
  const refused = await flow({ file: junk, confirm: true }, file, core);
  expect(refused.outcome).toBe('refused');
  expect(refused.steps.slice(2)).toEqual(['close', expect.stringMatching(/^error: 无法恢复 \/ Cannot restore: .*not a sound FrontDesk database/), 'relaunch']);
});
