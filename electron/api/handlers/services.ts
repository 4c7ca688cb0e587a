import type { AppointmentService } from '../../services/appointment-service';
import type { AuthService } from '../../services/auth-service';
import type { CustomerService } from '../../services/customer-service';
import type { SettingsService } from '../../services/settings-service';

/** Every service the handlers call; built once in create-core. */
export interface Services {
  auth: AuthService;
  settings: SettingsService;
  appointments: AppointmentService;
  customers: CustomerService;
}
