import type { AppointmentService } from '../../services/appointment-service';
import type { AuthService } from '../../services/auth-service';
import type { RosterService } from '../../services/roster-service';
import type { CustomerService } from '../../services/customer-service';
import type { BookingService } from '../../services/booking-service';
import type { VisitService } from '../../services/visit-service';
import type { ComfortService } from '../../services/comfort-service';
import type { ComfortRulesService } from '../../services/comfort-rules-service';
import type { SettingsService } from '../../services/settings-service';
import type { ItemService } from '../../services/item-service';
import type { PrintService } from '../../services/print-service';
import type { ChecklistService } from '../../services/checklist-service';
import type { NotificationService } from '../../services/notification-service';
import type { DisplayService } from '../../services/display-service';
import type { BackupService } from '../../services/backup-service';
import type { FollowUpService } from '../../services/follow-up-service';
import type { SurveyService } from '../../services/survey-service';

/** Every service the handlers call; built once in create-core. */
export interface Services {
  auth: AuthService;
  roster: RosterService;
  settings: SettingsService;
  items: ItemService;
  printing: PrintService;
  appointments: AppointmentService;
  customers: CustomerService;
  booking: BookingService;
  checklists: ChecklistService;
  notifications: NotificationService;
  visits: VisitService;
  comfort: ComfortService;
  comfortRules: ComfortRulesService;
  display: DisplayService;
  backups: BackupService;
  followUps: FollowUpService;
  surveys: SurveyService;
}
