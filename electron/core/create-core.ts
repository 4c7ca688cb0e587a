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
import { openDatabase, type OpenedDatabase } from '../db/open-database';
import { createAppointmentService } from '../services/appointment-service';
import { createAuthService } from '../services/auth-service';
import { createRosterService } from '../services/roster-service';
import { createCustomerService } from '../services/customer-service';
import { createBookingService } from '../services/booking-service';
import { createVisitService } from '../services/visit-service';
import { createComfortService } from '../services/comfort-service';
import { createSettingsService } from '../services/settings-service';
import { createItemService } from '../services/item-service';
import { createPrintService } from '../services/print-service';
import { createChecklistService } from '../services/checklist-service';
import { createNotificationService } from '../services/notification-service';
import { createDisplayService } from '../services/display-service';
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

/** Every service of the console, each with its own dependencies. */
export function createServices(): Services {
  return {
    auth: createAuthService(),
    settings: createSettingsService(),
    roster: createRosterService(),
    items: createItemService(),
    printing: createPrintService(),
    appointments: createAppointmentService(),
    customers: createCustomerService(),
    booking: createBookingService(),
    checklists: createChecklistService(),
    notifications: createNotificationService(),
    visits: createVisitService(),
    comfort: createComfortService(),
    display: createDisplayService(),
  };
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
  const services = createServices();
  const handlers = createHandlers(services);
  const dispatcher = createDispatcher({
    db: database.db,
    handlers,
    clock,
    events,
    resolveActor: (db, token, now) => services.auth.resolveActor(db, token, now),
    ...(options.logError ? { logError: options.logError } : {}),
  });
  return { database, dispatcher, events, clock, schemaVersion: SCHEMA_VERSION, close: () => database.close() };
}
