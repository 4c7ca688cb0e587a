import type { AppointmentService } from '../../services/appointment-service';
import type { AuthService } from '../../services/auth-service';
import type { CustomerService } from '../../services/customer-service';
import type { RosterService } from '../../services/roster-service';
import type { SettingsService } from '../../services/settings-service';

/** Every service the handlers call; built once in create-core. */
export interface Services {
  auth: AuthService;
  roster: RosterService;
  settings: SettingsService;
  appointments: AppointmentService;
  customers: CustomerService;
}
