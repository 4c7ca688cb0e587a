import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/contract/errors';
import type { Settings } from '../../shared/domain/settings';
import { readSettings, writeSetting } from '../db/repositories/settings';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface SettingsChange {
  settings: Settings;
  /** `{key: [before, after]}` for the keys that changed. */
  diff: Record<string, [unknown, unknown]>;
}

/** Some settings; keys left out (or undefined) stay as they are. */
export type SettingsPatch = { [K in keyof Settings]?: Settings[K] | undefined };

/** Reads and changes the clinic's settings. */
export interface SettingsService {
  get(db: Db): Promise<Settings>;
  /** `expected`: what the caller loaded for the keys it changes (a key changed since is a conflict). */
  update(db: Db, patch: SettingsPatch, staffId: number, now: Date, expected?: SettingsPatch): Promise<SettingsChange>;
}

export function createSettingsService(): SettingsService {
  return {
    get: readSettings,
    async update(db, patch, staffId, now, expected) {
      const before = await readSettings(db);
      // Compare-and-set per key: another manager's save of a key this form also changed is named,
      // not overwritten; keys this form did not touch never conflict.
      const changedMeanwhile = (Object.keys(patch) as (keyof Settings)[]).filter(
        (key) => patch[key] !== undefined && expected?.[key] !== undefined && JSON.stringify(before[key]) !== JSON.stringify(expected[key]),
      );
      if (changedMeanwhile.length > 0) {
        throw new AppError('conflict', 'settings.changedMeanwhile', { details: { current: before, changed: changedMeanwhile } });
      }
      const after: Settings = { ...before };
      for (const key of Object.keys(patch) as (keyof Settings)[]) {
        const value = patch[key];
        if (value !== undefined) (after as Record<string, unknown>)[key] = value;
      }
      // seed 004 rule 26: the red threshold comes after the amber one.
      if (after.waitRedMinutes <= after.waitAmberMinutes) {
        throw new AppError('invalid', 'validation.tooSmall', {
          path: ['waitRedMinutes'],
          params: { field: 'waitRedMinutes', min: after.waitAmberMinutes + 1 },
        });
      }
      const diff: Record<string, [unknown, unknown]> = {};
      for (const key of Object.keys(after) as (keyof Settings)[]) {
        if (before[key] === after[key]) continue;
        diff[key] = [before[key], after[key]];
        await writeSetting(db, key, after[key], now.toISOString(), staffId);
      }
      return { settings: after, diff };
    },
  };
}
