import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './api.ts';
import { replaceSession, useSignedIn } from './session.ts';
import { useAdminLinks } from '../features/admin/admin-links.ts';
import { useLogMenuLink } from '../features/logs/routes.tsx';
import { useRegisterMenu } from '../features/register/routes.tsx';
import { ApprovalsNavBadge } from '../features/approvals/nav-badge.tsx';
import { IncidentsNavBadge } from '../features/incidents/nav-badge.tsx';
import { ReportIncidentLink } from '../features/incidents/report-link.tsx';
import { DisplaySettings } from './display-settings.tsx';
import { IdleGuard } from './idle-guard.tsx';

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href="#main"
      className="sr-only bg-surface px-4 py-2 font-bold focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
    >
      {t('app.skip')}
    </a>
  );
}

function Brand() {
  const { t } = useTranslation();
  return (
    <Link to="/" className="flex flex-col text-ink-strong no-underline hover:text-primary">
      <span className="text-sm text-ink-muted">{t('app.org')}</span>
      <span className="text-xl font-bold">{t('app.name')}</span>
    </Link>
  );
}

function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="mt-16 border-t border-line-soft bg-surface-muted">
      <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-ink-muted sm:px-6">{t('app.footer')}</p>
    </footer>
  );
}

/** Moves focus to <main> after each navigation so screen readers start at the new page. */
function useFocusMainOnNavigate(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [pathname, main]);
}

function Frame({ header, nav, children }: { header: ReactNode; nav?: ReactNode; children: ReactNode }) {
  const main = useRef<HTMLElement>(null);
  useFocusMainOnNavigate(main);
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="border-b border-line-soft bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4 sm:px-6">
          {header}
        </div>
        {nav}
      </header>
      <main id="main" ref={main} tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
      <Footer />
    </div>
  );
}

/** Sign-in and setup: no navigation, only the language and calendar settings. */
export function PublicShell() {
  return (
    <Frame
      header={
        <>
          <Brand />
          <DisplaySettings />
        </>
      }
    >
      <Outlet />
    </Frame>
  );
}

function MainNav() {
  const { t } = useTranslation();
  const { permissions, roles } = useSignedIn();
  const adminLinks = useAdminLinks();
  const logLink = useLogMenuLink();
  const registerMenu = useRegisterMenu();
  const items: { to: string; label: string; end?: boolean; badge?: ReactNode }[] = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/organisation', label: t('nav.organisation'), end: true },
    { to: '/people', label: t('nav.people') },
  ];
  if (permissions.appointRoles.length > 0)
    items.push({ to: '/organisation/appointments/new', label: t('nav.appoint') });
  if (permissions.viewGaps) items.push({ to: '/organisation/gaps', label: t('nav.gaps') });
  if (permissions.importStaff) items.push({ to: '/organisation/import', label: t('nav.import') });
  // A20: the register of personal information files, for those who keep, decide or audit it.
  if (registerMenu) items.push({ to: '/register-admin', label: t('fileRegister.menu') });
  // Issue 6: 「保管庫」 for everyone signed in; what each may open there is their grants' (A11-2).
  items.push({ to: '/vault', label: t('vault.menu') });
  // Issue 7: 「承認・通知」 for everyone signed in, with what awaits them (to decide, sent back, unread).
  items.push({ to: '/approvals', label: t('approvals.menu'), badge: <ApprovalsNavBadge /> });
  // Issue 7: the acts beyond reading (A12–A17), listed for everyone; the server scopes each list.
  items.push({ to: '/handling', label: t('handling.menu') });
  // Issue 8: 「事案」 for everyone signed in (A34-1), with the open incidents they must act on.
  items.push({ to: '/incidents', label: t('incidents.menu'), badge: <IncidentsNavBadge /> });
  // Issue 9: 「第三者提供・委託」 for everyone signed in — all read the register of parties (A18, A19).
  items.push({ to: '/provision', label: t('provision.menu') });
  // Issue 10: 「研修」 for everyone (A10: each person's own courses; managers see their people's).
  items.push({ to: '/training', label: t('training.menu') });
  // A36: audits for the 監査責任者 who runs them, those who receive the reports and the owners of
  // corrective actions; A37–A41 (inspections, evaluation, the committee …) for everyone, each card
  // shown where the server allows.
  const held = new Set(roles.map((r) => r.role));
  if (
    ['audit_officer', 'chief_manager', 'president', 'chief_protection_manager', 'protection_manager'].some(
      (r) => held.has(r as never),
    )
  )
    items.push({ to: '/audits', label: t('audits.menu') });
  // A40: every member of staff reads the supplementary rules of their unit there.
  items.push({ to: '/oversight', label: t('oversight.menu') });
  // Issue 10: the compliance overview, for those who see the organisation's gaps.
  if (permissions.viewGaps) items.push({ to: '/compliance', label: t('compliance.menu') });
  // Issue 11: 「施設・機器」 for everyone (each reads their section's devices and asks to take them
  // out, A30-2); systems, rooms and backups are shown there where the server allows.
  items.push({ to: '/facilities', label: t('facilities.menu') });
  // Issue 12: 「開示請求等」 for those who receive and decide individuals' requests (the office's
  // 保護管理者 and 保護担当者, the unit's 総括保護管理者) and those who oversee them.
  if (
    [
      'chief_manager',
      'audit_officer',
      'chief_protection_manager',
      'protection_manager',
      'protection_officer',
    ].some((r) => held.has(r as never))
  )
    items.push({ to: '/requests', label: t('requests.menu') });
  // A29: everyone may ask to register their terminal; approving and the other administration
  // screens are gathered under 「管理」 (web/features/admin).
  items.push({ to: '/terminals', label: t('terminal.nav.mine'), end: true });
  // A22: 「アクセス記録」 for those who read the log's entries or its state.
  if (logLink) items.push({ to: logLink, label: t('log.menu') });
  if (adminLinks.length > 0) items.push({ to: '/admin', label: t('nav.admin'), end: true });
  return (
    <nav aria-label={t('nav.label')} className="bg-primary">
      <ul className="mx-auto flex max-w-6xl flex-wrap px-2 sm:px-4">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              className={({ isActive }) =>
                `block px-4 py-3 font-bold text-white no-underline hover:bg-primary-hover hover:text-white hover:underline ${
                  isActive ? 'bg-primary-active underline decoration-2 underline-offset-8' : ''
                }`
              }
            >
              {item.label}
              {item.badge}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SignOut() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      replaceSession(client, null);
      void navigate('/login');
    },
  });
  return (
    <button
      type="button"
      className="btn-secondary btn-sm"
      onClick={() => logout.mutate()}
      disabled={logout.isPending}
    >
      {t('header.signOut')}
    </button>
  );
}

/** The signed-in frame: who is signed in, settings, sign-out, and navigation by permissions. */
export function AppShell() {
  const { t } = useTranslation();
  const session = useSignedIn();
  return (
    <Frame
      header={
        <>
          <Brand />
          <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
            <ReportIncidentLink />
            <DisplaySettings />
            <p className="font-bold">
              <Link
                to="/account/sessions"
                className="text-ink-strong"
                aria-label={t('header.accountLink', { name: session.person.name })}
              >
                {t('header.signedInAs', { name: session.person.name })}
              </Link>
            </p>
            <Link to="/account/security">{t('mfa.securityLink')}</Link>
            <SignOut />
          </div>
        </>
      }
      nav={<MainNav />}
    >
      <Outlet />
      <IdleGuard />
    </Frame>
  );
}
