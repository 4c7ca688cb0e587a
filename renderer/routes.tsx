/**
 * The signed-in screens: one entry per page, in menu order. A feature adds its page here; the
 * shell builds the menu from this list and shows a page only to the roles it names.
 */
import type { ReactNode } from 'react';
import type { SessionInfo } from '../shared/contract/auth';
import { STAFF_ROLES, type Role } from '../shared/domain/roles';
import type { MessageKey } from '../shared/i18n/messages';
import { AppointmentsPage } from './features/appointments/appointments-page';
import { ChecklistsPage } from './features/checklists/checklists-page';
import { BoardPage } from './features/board/board-page';
import { CallListPage } from './features/calls/call-list-page';
import { CustomersRoute } from './features/customers/customers-route';
import { RosterPage } from './features/roster/roster-page';
import { TodayPage } from './features/today/today-page';
import { CheckSquareOutlined } from '@ant-design/icons';
import { CalendarOutlined, DashboardOutlined, FieldTimeOutlined, PhoneOutlined, ScheduleOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { SettingsPage } from './features/settings/settings-page';

export interface PageProps {
  session: SessionInfo;
  /** The route's segments after the page's own key (`#/customers/12` → `['12']`). */
  params: string[];
  navigate(path: string): void;
}

export interface RouteDefinition {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  roles: readonly Role[];
  render(props: PageProps): ReactNode;
}

export const ROUTES: RouteDefinition[] = [
  {
    key: 'today',
    label: 'nav.today',
    icon: <CalendarOutlined />,
    roles: STAFF_ROLES,
    render: ({ session }) => <TodayPage today={session.clinic.today} timeZone={session.clinic.settings.timeZone} />,
  },
  {
    key: 'customers',
    label: 'customers.nav',
    icon: <TeamOutlined />,
    // Guides find customers through search only (masked phones), not their records.
    roles: ['reception', 'consultant', 'nurse', 'doctor', 'manager'],
    render: (props) => <CustomersRoute {...props} />,
  },
  {
    key: 'board',
    label: 'visits.nav',
    icon: <DashboardOutlined />,
    roles: STAFF_ROLES,
    render: (props) => <BoardPage {...props} />,
  },
  {
    key: 'appointments',
    label: 'appointments.nav',
    icon: <FieldTimeOutlined />,
    roles: STAFF_ROLES,
    render: (props) => <AppointmentsPage {...props} />,
  },
  {
    key: 'calls',
    label: 'appointments.nav.calls',
    icon: <PhoneOutlined />,
    roles: ['reception', 'manager'],
    render: (props) => <CallListPage {...props} />,
  },
  {
    key: 'roster',
    label: 'roster.title',
    icon: <ScheduleOutlined />,
    roles: STAFF_ROLES,
    render: ({ session }) => <RosterPage session={session} />,
  },
  {
    key: 'checklists',
    label: 'checklists.title',
    icon: <CheckSquareOutlined />,
    roles: ['reception', 'guide', 'nurse', 'manager'],
    render: ({ session }) => <ChecklistsPage session={session} />,
  },
  {
    key: 'settings',
    label: 'nav.settings',
    icon: <SettingOutlined />,
    roles: ['manager'],
    render: () => <SettingsPage />,
  },
];
