import { createBrowserRouter, Outlet } from 'react-router';
import { AppShell, PublicShell } from './shell.tsx';
import { RequireSession } from './require-session.tsx';
import { NotFoundPage } from './not-found.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { SetupPage } from '../features/auth/setup-page.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { UnitsPage } from '../features/organisation/units-page.tsx';
import { UnitPage } from '../features/organisation/unit-page.tsx';
import { SectionPage } from '../features/organisation/section-page.tsx';
import { PeoplePage } from '../features/organisation/people-page.tsx';
import { PersonPage } from '../features/organisation/person-page.tsx';
import { PersonEditPage, PersonNewPage } from '../features/organisation/person-form-pages.tsx';
import { SectionFormPage } from '../features/organisation/section-form-page.tsx';
import { AppointmentFormPage } from '../features/organisation/appointment-form-page.tsx';
import { GapsPage } from '../features/organisation/gaps-page.tsx';
import { ImportPage } from '../features/organisation/import-page.tsx';
import { SessionsPage } from '../features/account/sessions-page.tsx';
import { AdminPage } from '../features/admin/admin-page.tsx';
import { TerminalsPage } from '../features/terminals/terminals-page.tsx';
import { TerminalInboxPage } from '../features/terminals/inbox-page.tsx';
import { TerminalAreasPage } from '../features/terminals/areas-page.tsx';
import { ChangePasswordPage } from '../features/password/change-password-page.tsx';
import { AccountsPage } from '../features/password/accounts-page.tsx';
import { PersonAccountPage } from '../features/password/person-account-page.tsx';
import { PasswordPolicyPage } from '../features/password/policy-page.tsx';
import { SecondFactorPage } from '../features/mfa/second-factor-page.tsx';
import { SecurityPage } from '../features/mfa/security-page.tsx';
import { AdminMfaPage } from '../features/mfa/admin-mfa-page.tsx';
import { AdminSsoPage } from '../features/sso/admin-sso-page.tsx';
import { LOG_ROUTES } from '../features/logs/routes.tsx';
import { REGISTER_ROUTES } from '../features/register/routes.tsx';
import { VAULT_ROUTES } from '../features/vault/routes.tsx';
import { VAULT_IMPORT_ROUTES } from '../features/vault/import/routes.tsx';
import { APPROVALS_ROUTES } from '../features/approvals/routes.tsx';
import { HANDLINGRULES_ROUTES } from '../features/handling/rules/routes.tsx';
import { EXPORT_ROUTES } from '../features/handling/export/routes.tsx';
import { DISPOSAL_ROUTES } from '../features/handling/disposal/routes.tsx';
import { CORRECTION_ROUTES } from '../features/handling/correction/routes.tsx';
import { PURPOSE_ROUTES } from '../features/handling/purpose/routes.tsx';
import { MOVEMENTS_ROUTES } from '../features/handling/movements/routes.tsx';
import { USAGE_ROUTES } from '../features/handling/usage/routes.tsx';
import { INCIDENTS_ROUTES } from '../features/incidents/routes.tsx';
import { PROVISION_ROUTES } from '../features/provision/routes.tsx';
import { COMPLIANCE_ROUTES } from '../features/compliance/routes.tsx';
import { OVERSIGHT_ROUTES } from '../features/oversight/routes.tsx';
import { AUDITS_ROUTES } from '../features/audits/routes.tsx';
import { TRAINING_ROUTES } from '../features/training/routes.tsx';
import { FACILITIES_BARE_ROUTES, FACILITIES_ROUTES } from '../features/facilities/routes.tsx';
import { REQUESTS_ROUTES } from '../features/requests/routes.tsx';
import { IdleGuard } from './idle-guard.tsx';
import { HandlingHubPage } from '../features/handling/hub-page.tsx';

export const router = createBrowserRouter([
  {
    element: <PublicShell />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/login/second-factor', element: <SecondFactorPage /> },
      { path: '/setup', element: <SetupPage /> },
    ],
  },
  {
    // Signed-in pages without the navigation (the tablet at a server room's door, A32).
    element: (
      <RequireSession>
        <Outlet />
        <IdleGuard />
      </RequireSession>
    ),
    children: FACILITIES_BARE_ROUTES,
  },
  {
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: '/organisation', element: <UnitsPage /> },
      { path: '/organisation/units/:id', element: <UnitPage /> },
      { path: '/organisation/units/:id/sections/new', element: <SectionFormPage /> },
      { path: '/organisation/sections/:id', element: <SectionPage /> },
      { path: '/organisation/appointments/new', element: <AppointmentFormPage /> },
      { path: '/organisation/gaps', element: <GapsPage /> },
      { path: '/organisation/import', element: <ImportPage /> },
      { path: '/people', element: <PeoplePage /> },
      { path: '/people/new', element: <PersonNewPage /> },
      { path: '/people/:id', element: <PersonPage /> },
      { path: '/people/:id/edit', element: <PersonEditPage /> },
      { path: '/account/sessions', element: <SessionsPage /> },
      { path: '/admin', element: <AdminPage /> },
      { path: '/terminals', element: <TerminalsPage /> },
      { path: '/terminals/inbox', element: <TerminalInboxPage /> },
      { path: '/terminals/areas', element: <TerminalAreasPage /> },
      { path: '/account/password', element: <ChangePasswordPage /> },
      { path: '/admin/accounts', element: <AccountsPage /> },
      { path: '/admin/password-policy', element: <PasswordPolicyPage /> },
      { path: '/people/:id/account', element: <PersonAccountPage /> },
      { path: '/account/security', element: <SecurityPage /> },
      { path: '/admin/mfa', element: <AdminMfaPage /> },
      { path: '/admin/sso', element: <AdminSsoPage /> },
      ...LOG_ROUTES,
      ...REGISTER_ROUTES,
      ...VAULT_ROUTES,
      ...VAULT_IMPORT_ROUTES,
      ...APPROVALS_ROUTES,
      ...HANDLINGRULES_ROUTES,
      ...EXPORT_ROUTES,
      ...DISPOSAL_ROUTES,
      ...CORRECTION_ROUTES,
      ...PURPOSE_ROUTES,
      ...MOVEMENTS_ROUTES,
      ...USAGE_ROUTES,
      ...INCIDENTS_ROUTES,
      ...PROVISION_ROUTES,
      ...COMPLIANCE_ROUTES,
      ...OVERSIGHT_ROUTES,
      ...AUDITS_ROUTES,
      ...TRAINING_ROUTES,
      ...FACILITIES_ROUTES,
      ...REQUESTS_ROUTES,
      { path: '/handling', element: <HandlingHubPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
