/**
 * A real console core on an in-memory SQLite with the migrations applied, plus the few steps most
 * tests need: add staff, sign in, call a method as someone.
 */
import type { Caller } from '../../electron/api/context';
import { manualClock, type Clock } from '../../electron/core/clock';
import { TEST_NOW_ISO } from './test-moment';
import { createCore, type ConsoleCore } from '../../electron/core/create-core';
import { insertStaff } from '../../electron/db/repositories/staff';
import { hashPin } from '../../electron/services/pin-hash';
import type { Database } from '../../electron/db/schema';
import type { Role } from '../../shared/domain/roles';
import type { Language } from '../../shared/i18n/messages';

export interface TestCore extends ConsoleCore {
  clock: ReturnType<typeof manualClock>;
  errors: unknown[];
}

export async function createTestCore(options: { now?: string; file?: string; backupPace?: { pagesPerStep?: number } } = {}): Promise<TestCore> {
  // The suite's moment unless the test names its own (tests/helpers/test-moment.ts).
  const clock = manualClock(options.now ?? TEST_NOW_ISO);
  const errors: unknown[] = [];
  const core = await createCore({ file: options.file ?? ':memory:', clock: clock as Clock, logError: (error) => errors.push(error), ...(options.backupPace ? { backupPace: options.backupPace } : {}) });
  return { ...core, clock, errors };
}

export async function addStaff(core: ConsoleCore, name: string, role: Role, pin = '1234'): Promise<number> {
  return insertStaff(core.database.db, {
    name,
    role,
    specialty: role === 'doctor' ? '眼部整形' : null,
    pin_hash: await hashPin(pin),
    locked_until: null,
    created_at: core.clock.now().toISOString(),
  });
}

export function caller(token: string | null = null, language: Language = 'en'): Caller {
  return { transport: 'internal', token, device: 'test', language };
}

/** Signs in and returns the token; throws if the PIN is refused. */
export async function signIn(core: ConsoleCore, staffId: number, pin = '1234'): Promise<string> {
  const result = await core.dispatcher.dispatch('auth.signIn', { staffId, pin }, caller());
  if (!result.ok) throw new Error(`sign-in failed: ${result.error.message}`);
  return (result.value as { token: string }).token;
}

export async function countRows(core: ConsoleCore, table: keyof Database) {
  const row = await core.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
