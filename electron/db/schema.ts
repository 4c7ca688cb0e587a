/**
 * The typed shape of the database, table by table, as Kysely sees it. Columns mirror the
 * migrations; timestamps are ISO 8601 UTC strings.
 */
import type { Generated, Insertable, Selectable } from 'kysely';
import type { AppointmentKind, AppointmentStatus, Channel } from '../../shared/domain/appointments';
import type { Role } from '../../shared/domain/roles';

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: number | null;
}

export interface StaffTable {
  id: Generated<number>;
  name: string;
  name_pinyin: Generated<string>;
  role: Role;
  specialty: string | null;
  pin_hash: string;
  failed_pins: Generated<number>;
  locked_until: string | null;
  active: Generated<0 | 1>;
  created_at: string;
}

export interface SessionsTable {
  token_hash: string;
  staff_id: number;
  device: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  staff_id: number | null;
  device: string;
  method: string;
  target: string | null;
  diff: string;
}

export type RoomKind = 'lobby' | 'consultation' | 'prep' | 'exam' | 'operating' | 'ward' | 'other';

export interface RoomsTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  floor: number;
  kind: RoomKind;
  directions: Generated<string>;
  directions_en: Generated<string>;
}

export interface ItemsTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  active: Generated<0 | 1>;
  sort: Generated<number>;
}

export interface CustomersTable {
  id: Generated<number>;
  name: string;
  address_form: string | null;
  phone: string;
  gender: 'female' | 'male' | 'other' | null;
  birth_year: number | null;
  channel: Channel | null;
  notes: Generated<string>;
  tags: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface AppointmentsTable {
  id: Generated<number>;
  customer_id: number;
  doctor_id: number | null;
  item_id: number | null;
  room_id: number | null;
  kind: AppointmentKind;
  channel: Channel;
  starts_at: string;
  duration_minutes: number;
  status: AppointmentStatus;
  bring: Generated<string>;
  notes: Generated<string>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface Database {
  settings: SettingsTable;
  staff: StaffTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  rooms: RoomsTable;
  items: ItemsTable;
  customers: CustomersTable;
  appointments: AppointmentsTable;
}

export type StaffRow = Selectable<StaffTable>;
export type NewStaff = Insertable<StaffTable>;
export type NewAppointment = Insertable<AppointmentsTable>;
export type NewCustomer = Insertable<CustomersTable>;
export type NewRoom = Insertable<RoomsTable>;
export type NewItem = Insertable<ItemsTable>;
