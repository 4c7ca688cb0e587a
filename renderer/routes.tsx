/**
 * The signed-in screens: one entry per page, in menu order. A feature adds its page here; the
 * shell builds the menu from this list and shows a page only to the roles it names.
 */
import type { ComponentType, ReactNode } from 'react';
import type { SessionInfo } from '../shared/contract/auth';
import type { MethodName } from '../shared/contract/index';
import { rolesAllowed } from '../shared/contract/permissions';
import type { Role } from '../shared/domain/roles';
import type { MessageKey } from '../shared/i18n/messages';
import { CheckSquareOutlined, MedicineBoxOutlined, SmileOutlined } from '@ant-design/icons';
// The board is where reception lives, and its keys (F2 check-in from anywhere) must work the moment
// it is chosen: it stays in the main chunk, never behind a spinner.
import { BoardPage } from './features/board/board-page';
import { lazyPart } from './ui/later';
import { AimOutlined, AreaChartOutlined, AuditOutlined, CalendarOutlined, DashboardOutlined, FieldTimeOutlined, IdcardOutlined, PhoneOutlined, ScheduleOutlined, SettingOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';

/**
 * Each page is its own chunk, loaded when first shown: a reload of the board evaluates the board's
 * code and the shell's, not the appointments' date pickers or the settings' forms (the single
 * 1.8 MB script cost ~0.35 s of evaluation before anything was asked: docs/performance.md).
 * `preload` starts a page's chunk early (the landing page's with the session check, the others when
 * the pointer is on their menu entry); a page whose chunk is already there renders at once (ui/later.tsx).
 */
function page<P extends object>(load: () => Promise<ComponentType<P>>) {
  const { Part, preload } = lazyPart(load);
  return { Page: Part, preload };
}

const today = page(() => import('./features/today/today-page').then((module) => module.TodayPage));
const customers = page(() => import('./features/customers/customers-route').then((module) => module.CustomersRoute));
const appointments = page(() => import('./features/appointments/appointments-page').then((module) => module.AppointmentsPage));
const calls = page(() => import('./features/calls/call-list-page').then((module) => module.CallListPage));
const followUps = page(() => import('./features/follow-ups/follow-up-calls-page').then((module) => module.FollowUpCallsPage));
const concerns = page(() => import('./features/follow-ups/concerns-page').then((module) => module.ConcernsPage));
const lowSurveys = page(() => import('./features/follow-ups/low-surveys-page').then((module) => module.LowSurveysPage));
const kioskSurvey = page(() => import('./features/follow-ups/kiosk-survey-page').then((module) => module.KioskSurveyPage));
const roster = page(() => import('./features/roster/roster-page').then((module) => module.RosterPage));
const checklists = page(() => import('./features/checklists/checklists-page').then((module) => module.ChecklistsPage));
const escorts = page(() => import('./features/escorts/escorts-page').then((module) => module.EscortsPage));
const room = page(() => import('./features/escorts/room-page').then((module) => module.RoomPage));
const ward = page(() => import('./features/ward/ward-page').then((module) => module.WardPage));
const settings = page(() => import('./features/settings/settings-page').then((module) => module.SettingsPage));
// The report carries ECharts (core, bar and line, SVG renderer): its own chunk, loaded by managers only.
const report = page(() => import('./features/report/report-page').then((module) => module.ReportPage));
const staff = page(() => import('./features/staff/staff-page').then((module) => module.StaffPage));
const audit = page(() => import('./features/staff/audit-page').then((module) => module.AuditPage));

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
  /**
   * The method the page is for: the roles that may call it are the roles that see the page
   * (issue 13 part 5: derived from the contract, never a hand list that can drift from it).
   */
  method: MethodName;
  roles: readonly Role[];
  render(props: PageProps): ReactNode;
  /** Starts loading the page's code (it renders inside the shell's Suspense boundary). */
  preload(): Promise<unknown>;
}

export const ROUTES: RouteDefinition[] = [
  {
    key: 'today',
    label: 'nav.today',
    icon: <CalendarOutlined />,
    method: 'appointments.listDay',
    roles: rolesAllowed('appointments.listDay'),
    render: ({ session }) => <today.Page today={session.clinic.today} timeZone={session.clinic.settings.timeZone} callAfterMinutes={session.clinic.settings.lateCallMinutes} />,
    preload: today.preload,
  },
  {
    key: 'customers',
    label: 'customers.nav',
    icon: <TeamOutlined />,
    // Guides find customers through search only (masked phones), not their records: customers.get is not theirs.
    method: 'customers.get',
    roles: rolesAllowed('customers.get'),
    render: (props) => <customers.Page {...props} />,
    preload: customers.preload,
  },
  {
    key: 'board',
    label: 'visits.nav',
    icon: <DashboardOutlined />,
    method: 'visits.board',
    roles: rolesAllowed('visits.board'),
    render: (props) => <BoardPage {...props} />,
    preload: () => Promise.resolve(),
  },
  {
    key: 'escorts',
    label: 'escorts.nav',
    icon: <AimOutlined />,
    method: 'escorts.take',
    roles: rolesAllowed('escorts.take'),
    render: (props) => <escorts.Page {...props} />,
    preload: escorts.preload,
  },
  {
    key: 'room',
    label: 'escorts.roomNav',
    icon: <SolutionOutlined />,
    method: 'escorts.receiveAt',
    roles: rolesAllowed('escorts.receiveAt'),
    render: (props) => <room.Page {...props} />,
    preload: room.preload,
  },
  {
    key: 'appointments',
    label: 'appointments.nav',
    icon: <FieldTimeOutlined />,
    method: 'appointments.dayView',
    roles: rolesAllowed('appointments.dayView'),
    render: (props) => <appointments.Page {...props} />,
    preload: appointments.preload,
  },
  {
    key: 'calls',
    label: 'appointments.nav.calls',
    icon: <PhoneOutlined />,
    method: 'appointments.callList',
    roles: rolesAllowed('appointments.callList'),
    render: (props) => <calls.Page {...props} />,
    preload: calls.preload,
  },
  {
    key: 'follow-ups',
    label: 'followUps.nav',
    icon: <PhoneOutlined />,
    method: 'followUps.callList',
    roles: rolesAllowed('followUps.callList'),
    render: (props) => <followUps.Page {...props} />,
    preload: followUps.preload,
  },
  {
    // The doctor's list of concerns from follow-up calls (issue 17): stays until answered.
    key: 'concerns',
    label: 'followUps.concerns.nav',
    icon: <MedicineBoxOutlined />,
    method: 'followUps.concerns',
    roles: rolesAllowed('followUps.concerns'),
    render: (props) => <concerns.Page {...props} />,
    preload: concerns.preload,
  },
  {
    // The manager's low surveys and complaints, and what was done (issue 17).
    key: 'surveys',
    label: 'surveys.low.nav',
    icon: <AuditOutlined />,
    method: 'surveys.low',
    roles: rolesAllowed('surveys.low'),
    render: (props) => <lowSurveys.Page {...props} />,
    preload: lowSurveys.preload,
  },
  {
    key: 'kiosk-survey',
    label: 'surveys.nav',
    icon: <SmileOutlined />,
    method: 'surveys.submit',
    roles: rolesAllowed('surveys.submit'),
    render: () => <kioskSurvey.Page />,
    preload: kioskSurvey.preload,
  },
  {
    key: 'roster',
    label: 'roster.title',
    icon: <ScheduleOutlined />,
    method: 'roster.today',
    roles: rolesAllowed('roster.today'),
    render: ({ session }) => <roster.Page session={session} />,
    preload: roster.preload,
  },
  {
    key: 'checklists',
    label: 'checklists.title',
    icon: <CheckSquareOutlined />,
    // The page is for ticking the day's checklists.
    method: 'checklists.tick',
    roles: rolesAllowed('checklists.tick'),
    render: ({ session }) => <checklists.Page session={session} />,
    preload: checklists.preload,
  },
  {
    key: 'report',
    label: 'report.nav',
    icon: <AreaChartOutlined />,
    // Managers only (issue 18); the server refuses every other role too (shared/contract/report.ts).
    method: 'report.get',
    roles: rolesAllowed('report.get'),
    render: (props) => <report.Page {...props} />,
    preload: report.preload,
  },
  {
    key: 'ward',
    label: 'ward.nav',
    icon: <MedicineBoxOutlined />,
    method: 'stays.board',
    roles: rolesAllowed('stays.board'),
    render: (props) => <ward.Page {...props} />,
    preload: ward.preload,
  },
  {
    key: 'settings',
    label: 'nav.settings',
    icon: <SettingOutlined />,
    method: 'settings.update',
    roles: rolesAllowed('settings.update'),
    render: () => <settings.Page />,
    preload: settings.preload,
  },
  {
    key: 'staff',
    label: 'staff.nav',
    icon: <IdcardOutlined />,
    method: 'staff.list',
    roles: rolesAllowed('staff.list'),
    render: ({ session }) => <staff.Page session={session} />,
    preload: staff.preload,
  },
  {
    key: 'audit',
    label: 'audit.title',
    icon: <AuditOutlined />,
    method: 'audit.list',
    roles: rolesAllowed('audit.list'),
    render: ({ session }) => <audit.Page session={session} />,
    preload: audit.preload,
  },
];

/** Loads the page a reload lands on (`#/customers` → its chunk); the session check waits for it. */
export function preloadRouteOf(hash: string): Promise<unknown> {
  const key = hash.replace(/^#\/?/, '').split('/')[0] || ROUTES[0]?.key;
  return ROUTES.find((route) => route.key === key)?.preload() ?? Promise.resolve();
}
