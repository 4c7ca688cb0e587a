/**
 * The console's core, the same in the desktop app, `npm run serve` and the tests: the database
 * (opened and migrated), the services, the dispatcher and the event bus. No transport, no Electron.
 */
import { SCHEMA_VERSION } from '../../migrations/index';
import { createDispatcher, type Dispatcher } from '../api/dispatcher';
import { createEventBus, type EventBus } from '../api/event-bus';
import { createHandlers } from '../api/handlers/index';
import { migrateToLatest } from '../db/migrate';
import { backfillCustomerSearch } from '../db/repositories/customers';
import { openDatabase, type OpenedDatabase } from '../db/open-database';
import { createAppointmentService } from '../services/appointment-service';
import { createAuthService } from '../services/auth-service';
import { createCustomerService } from '../services/customer-service';
import { createRosterService } from '../services/roster-service';
import { createSettingsService } from '../services/settings-service';
import { createItemService } from '../services/item-service';
import { createPrintService } from '../services/print-service';
import { systemClock, type Clock } from './clock';

export interface ConsoleCore {
  database: OpenedDatabase;
  dispatcher: Dispatcher;
  events: EventBus;
  clock: Clock;
  schemaVersion: number;
  close(): Promise<void>;
}

export interface CoreOptions {
  /** The SQLite file, or `':memory:'`. */
  file: string;
  clock?: Clock;
  logError?(error: unknown, method: string): void;
}

export async function createCore(options: CoreOptions): Promise<ConsoleCore> {
  const clock = options.clock ?? systemClock;
  const database = openDatabase(options.file);
  try {
    await migrateToLatest(database.db);
    await backfillCustomerSearch(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const events = createEventBus();
  const auth = createAuthService();
  const handlers = createHandlers({
    auth,
    settings: createSettingsService(),
    items: createItemService(),
    printing: createPrintService(),
    roster: createRosterService(),
    appointments: createAppointmentService(),
    customers: createCustomerService(),
  });
  const dispatcher = createDispatcher({
    db: database.db,
    handlers,
    clock,
    events,
    resolveActor: (db, token, now) => auth.resolveActor(db, token, now),
    ...(options.logError ? { logError: options.logError } : {}),
  });
  return { database, dispatcher, events, clock, schemaVersion: SCHEMA_VERSION, close: () => database.close() };
}
