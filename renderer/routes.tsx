/**
 * The signed-in screens: one entry per page, in menu order. A feature adds its page here; the
 * shell builds the menu from this list and shows a page only to the roles it names.
 */
import { lazy, useState, type ComponentType, type ReactNode } from 'react';
import type { SessionInfo } from '../shared/contract/auth';
import { STAFF_ROLES, type Role } from '../shared/domain/roles';
import type { MessageKey } from '../shared/i18n/messages';
import { CheckSquareOutlined, SmileOutlined } from '@ant-design/icons';
// The board is where reception lives, and its keys (F2 check-in from anywhere) must work the moment
// it is chosen: it stays in the main chunk, never behind a spinner.
import { BoardPage } from './features/board/board-page';
import { CalendarOutlined, DashboardOutlined, FieldTimeOutlined, PhoneOutlined, ScheduleOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';

/**
 * Each page is its own chunk, loaded when first shown: a reload of the board evaluates the board's
 * code and the shell's, not the appointments' date pickers or the settings' forms (the single
 * 1.8 MB script cost ~0.35 s of evaluation before anything was asked: docs/performance.md).
 * `preload` starts a page's chunk early (the landing page's with the session check, the others when
 * the pointer is on their menu entry). A page whose chunk is already there renders at once instead
 * of through React.lazy, which would suspend for a tick and then hold the reveal back by React's
 * Suspense throttle (~300 ms on a cold load).
 */
function page<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
      return { default: component };
    }));
  const Lazy = lazy(preload);
  function Page(props: P) {
    // Chosen once per mount: switching from Lazy to the loaded component would remount the page.
    const [Shown] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Shown {...props} />;
  }
  return { Page, preload };
}

const today = page(() => import('./features/today/today-page').then((module) => module.TodayPage));
const customers = page(() => import('./features/customers/customers-route').then((module) => module.CustomersRoute));
const appointments = page(() => import('./features/appointments/appointments-page').then((module) => module.AppointmentsPage));
const calls = page(() => import('./features/calls/call-list-page').then((module) => module.CallListPage));
const followUps = page(() => import('./features/follow-ups/follow-up-calls-page').then((module) => module.FollowUpCallsPage));
const kioskSurvey = page(() => import('./features/follow-ups/kiosk-survey-page').then((module) => module.KioskSurveyPage));
const roster = page(() => import('./features/roster/roster-page').then((module) => module.RosterPage));
const checklists = page(() => import('./features/checklists/checklists-page').then((module) => module.ChecklistsPage));
const settings = page(() => import('./features/settings/settings-page').then((module) => module.SettingsPage));

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
  /** Starts loading the page's code (it renders inside the shell's Suspense boundary). */
  preload(): Promise<unknown>;
}

export const ROUTES: RouteDefinition[] = [
  {
    key: 'today',
    label: 'nav.today',
    icon: <CalendarOutlined />,
    roles: STAFF_ROLES,
    render: ({ session }) => <today.Page today={session.clinic.today} timeZone={session.clinic.settings.timeZone} />,
    preload: today.preload,
  },
  {
    key: 'customers',
    label: 'customers.nav',
    icon: <TeamOutlined />,
    // Guides find customers through search only (masked phones), not their records.
    roles: ['reception', 'consultant', 'nurse', 'doctor', 'manager'],
    render: (props) => <customers.Page {...props} />,
    preload: customers.preload,
  },
  {
    key: 'board',
    label: 'visits.nav',
    icon: <DashboardOutlined />,
    roles: STAFF_ROLES,
    render: (props) => <BoardPage {...props} />,
    preload: () => Promise.resolve(),
  },
  {
    key: 'appointments',
    label: 'appointments.nav',
    icon: <FieldTimeOutlined />,
    roles: STAFF_ROLES,
    render: (props) => <appointments.Page {...props} />,
    preload: appointments.preload,
  },
  {
    key: 'calls',
    label: 'appointments.nav.calls',
    icon: <PhoneOutlined />,
    roles: ['reception', 'manager'],
    render: (props) => <calls.Page {...props} />,
    preload: calls.preload,
  },
  {
    key: 'follow-ups',
    label: 'followUps.nav',
    icon: <PhoneOutlined />,
    roles: ['reception', 'consultant', 'nurse', 'manager'],
    render: (props) => <followUps.Page {...props} />,
    preload: followUps.preload,
  },
  {
    key: 'kiosk-survey',
    label: 'surveys.nav',
    icon: <SmileOutlined />,
    roles: STAFF_ROLES,
    render: () => <kioskSurvey.Page />,
    preload: kioskSurvey.preload,
  },
  {
    key: 'roster',
    label: 'roster.title',
    icon: <ScheduleOutlined />,
    roles: STAFF_ROLES,
    render: ({ session }) => <roster.Page session={session} />,
    preload: roster.preload,
  },
  {
    key: 'checklists',
    label: 'checklists.title',
    icon: <CheckSquareOutlined />,
    roles: ['reception', 'guide', 'nurse', 'manager'],
    render: ({ session }) => <checklists.Page session={session} />,
    preload: checklists.preload,
  },
  {
    key: 'settings',
    label: 'nav.settings',
    icon: <SettingOutlined />,
    roles: ['manager'],
    render: () => <settings.Page />,
    preload: settings.preload,
  },
];

/** Loads the page a reload lands on (`#/customers` → its chunk); the session check waits for it. */
export function preloadRouteOf(hash: string): Promise<unknown> {
  const key = hash.replace(/^#\/?/, '').split('/')[0] || ROUTES[0]?.key;
  return ROUTES.find((route) => route.key === key)?.preload() ?? Promise.resolve();
}
