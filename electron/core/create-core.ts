/**
 * The console's core, the same in the desktop app, `npm run serve` and the tests: the database
 * (opened and migrated), the services, the dispatcher and the event bus. No transport, no Electron.
 */
import { SCHEMA_VERSION } from '../../migrations/index';
import { createDispatcher, type Dispatcher } from '../api/dispatcher';
import { createEventBus, type EventBus } from '../api/event-bus';
import { createHandlers, type Services } from '../api/handlers/index';
import { migrateToLatest } from '../db/migrate';
import { backfillCustomerSearch } from '../db/repositories/customers';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { appendAudit } from '../db/repositories/audit';
import { readSettings } from '../db/repositories/settings';
import { createBackupService, type BackupService } from '../services/backup-service';
import { checkedAtStart, checkInBackground, shutDownCleanly, type IntegrityWatch } from '../db/integrity-check';
import { openDatabase, type OpenedDatabase } from '../db/open-database';
import { createAppointmentService } from '../services/appointment-service';
import { createAuthService } from '../services/auth-service';
import { createRosterService } from '../services/roster-service';
import { createCustomerService } from '../services/customer-service';
import { createBookingService } from '../services/booking-service';
import { createVisitService } from '../services/visit-service';
import { createFollowUpService, createPlanForDischarge } from '../services/follow-up-service';
import { createSurveyService } from '../services/survey-service';
import { createComfortService } from '../services/comfort-service';
import { createComfortRulesService } from '../services/comfort-rules-service';
import { createSettingsService } from '../services/settings-service';
import { createItemService } from '../services/item-service';
import { createPrintService } from '../services/print-service';
import { createEscortService } from '../services/escort-service';
import { createHandoffService } from '../services/handoff-service';
import { createChecklistService } from '../services/checklist-service';
import { createNotificationService } from '../services/notification-service';
import { createDisplayService } from '../services/display-service';
import { createPrivacyService } from '../services/privacy-service';
import { createReportService } from '../services/report/report-service';
import { createDeviceService, type DeviceCheck } from '../services/device-service';
import type { Settings } from '../../shared/domain/settings';
import { createStaffService } from '../services/staff-service';
import { systemClock, type Clock } from './clock';
import { createStayServices } from '../services/stay/create-stay-services';
import type { OnDischarged } from '../services/stay/discharge-hook';
import { assessmentSuggestedFor } from '../db/repositories/handoff-notes';

/** The follow-up plan of a discharged surgery customer, dated from her surgery (or the discharge, when none is on file). */
const dischargeMakesFollowUpPlan: OnDischarged = async (tx, facts) => {
  await createPlanForDischarge(tx, { customerId: facts.customerId, itemId: facts.itemId, surgeryAt: facts.surgeryAt ?? facts.dischargedAt, dischargedAt: facts.dischargedAt });
};

export interface ConsoleCore {
  database: OpenedDatabase;
  /** The integrity check of this start: made before opening, or running in the background. */
  integrity: IntegrityWatch;
  dispatcher: Dispatcher;
  events: EventBus;
  clock: Clock;
  /** Backups into `<data>/backups/` (none for an in-memory database). */
  backups: BackupService;
  /** Who a device token belongs to (issue 15): the HTTP server asks on every call from the LAN. */
  checkDevice(token: string, address: string): Promise<DeviceCheck>;
  /** The clinic's settings as stored now (the HTTP server reads LAN access from them). */
  readSettings(): Promise<Settings>;
  schemaVersion: number;
  close(): Promise<void>;
}

export interface CoreOptions {
  /** The SQLite file, or `':memory:'`. */
  file: string;
  clock?: Clock;
  logError?(error: unknown, method: string): void;
  /** `shape` in the running console, `full` (the default) in tests: see output-shape.ts. */
  outputChecks?: 'full' | 'shape';
  /** How a backup copies: only the SIGKILL test slows it down (backup-service.ts). */
  backupPace?: { pagesPerStep?: number; pauseMs?: number };
}

/** Where a database file's backups go: `backups/` beside it. */
export function backupsDirOf(file: string): string {
  return join(dirname(file), 'backups');
}

/**
 * How the running console checks its outputs: by their shape, unless `FRONTDESK_CHECK_OUTPUTS=full`
 * asks for every check (the end-to-end suite does).
 */
export function outputChecksOf(env: NodeJS.ProcessEnv): 'full' | 'shape' {
  return env.FRONTDESK_CHECK_OUTPUTS === 'full' ? 'full' : 'shape';
}

/** Every service of the console, each with its own dependencies; without `backups`, a console with none. */
export function createServices(backups?: BackupService): Services {
  const booking = createBookingService();
  const visits = createVisitService();
  return {
    backups: backups ?? createBackupService({ dir: null, source: null, clock: systemClock, timeZone: () => Promise.resolve('Asia/Shanghai') }),
    auth: createAuthService(),
    settings: createSettingsService(),
    roster: createRosterService(),
    items: createItemService(),
    printing: createPrintService(),
    appointments: createAppointmentService(),
    customers: createCustomerService(),
    booking,
    checklists: createChecklistService(),
    notifications: createNotificationService(),
    visits,
    comfort: createComfortService(),
    comfortRules: createComfortRulesService(),
    display: createDisplayService(),
    privacy: createPrivacyService(),
    report: createReportService(),
    escorts: createEscortService(),
    handoff: createHandoffService(),
    // The desk's "suggest an assessment" in a hand-off note makes a surgery booking ask for a decision (issues 14, 16).
    // A discharge makes the customer's follow-up plan in the same transaction (issues 16, 17): no one falls out of sight after surgery.
    ...createStayServices({ booking, visits, assessmentSuggested: assessmentSuggestedFor, onDischarged: dischargeMakesFollowUpPlan }),
    devices: createDeviceService(),
    staff: createStaffService(),
    followUps: createFollowUpService({ booking }),
    surveys: createSurveyService(),
  };
}

export async function createCore(options: CoreOptions): Promise<ConsoleCore> {
  const clock = options.clock ?? systemClock;
  // After a crash or a power cut the check comes first, as ever; after a clean shutdown the
  // console opens at once and checks a 1 GB file in the background (integrity-check.ts).
  const background = options.file !== ':memory:' && shutDownCleanly(options.file) && existsSync(options.file);
  const database = openDatabase(options.file, { quickCheck: !background });
  try {
    await migrateToLatest(database.db);
    await backfillCustomerSearch(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const integrity = background
    ? checkInBackground(options.file, () => clock.now(), (problems) => console.error(`[database] ${options.file} failed its quick_check; every change is refused until it is restored: ${problems.join('; ')}`))
    : checkedAtStart(clock.now());
  const events = createEventBus({ clock });
  const inMemory = options.file === ':memory:';
  const backups = createBackupService({
    dir: inMemory ? null : backupsDirOf(resolve(options.file)),
    source: inMemory ? null : database.sqlite,
    clock,
    events,
    timeZone: async () => (await readSettings(database.db)).timeZone,
    ...options.backupPace,
    // A manager's backup is audited by its call; the day's automatic one leaves its own row.
    onFinished: async (backup) => {
      if (backup.note.trigger !== 'automatic') return;
      await appendAudit(database.db, { at: backup.note.verifiedAt, staffId: null, device: 'system', method: 'backups.automatic', target: `backup:${backup.fileName}`, diff: { sizeBytes: backup.note.sizeBytes } });
    },
  });
  const services = createServices(backups);
  // An erasure is gone from the file, not only from the tables (issue 20): once it commits, the WAL
  // that still holds the old pages is checkpointed into the file (whose freed space secure_delete
  // has zeroed) and truncated, and the backups made before it are marked to expire.
  events.subscribe((notice) => {
    if (notice.name !== 'privacy.erased') return;
    try {
      if (!inMemory) database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const marked = backups.expireBefore(clock.now());
      if (marked.length > 0) console.log(`[privacy] an erasure: ${String(marked.length)} older backups now expire in 30 days`);
    } catch (error) {
      console.error(`[privacy] after an erasure: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  const handlers = createHandlers(services);
  const dispatcher = createDispatcher({
    db: database.db,
    handlers,
    clock,
    events,
    resolveActor: (db, token, now) => services.auth.resolveActor(db, token, now),
    refuseWrites: () => integrity.refusal(),
    ...(options.outputChecks ? { outputChecks: options.outputChecks } : {}),
    ...(options.logError ? { logError: options.logError } : {}),
  });
  return {
    database,
    integrity,
    dispatcher,
    events,
    clock,
    backups,
    checkDevice: (token, address) => services.devices.check(database.db, token, address, clock.now()),
    readSettings: () => readSettings(database.db),
    schemaVersion: SCHEMA_VERSION,
    // A backup under way stops and removes its copy; then the checker's connection, since the last
    // one to close is the one that removes the WAL.
    close: async () => {
      await backups.stop();
      await integrity.stop();
      await database.close();
    },
  };
}
