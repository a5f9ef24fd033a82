import { Link } from 'react-router';
import { useAdminLinks } from '../admin/admin-links.ts';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/session.ts';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useGaps, useSection, useUnits } from '../organisation/queries.ts';
import { GapBadge, useRoleLabel } from '../organisation/labels.tsx';
import { GAP_KINDS } from '../../../shared/api/organisation.ts';
import { RegisterAwaiting } from '../register/home-awaiting.tsx';
import { useRegisterMenu } from '../register/routes.tsx';
import { ApprovalsAwaiting } from '../approvals/home-panel.tsx';

function SectionLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const section = useSection(id);
  const label = section.data ? `${section.data.unit.name} ${section.data.section.name}` : t('scopes.section');
  return <Link to={`/organisation/sections/${id}`}>{label}</Link>;
}

function MyRoles() {
  const { t } = useTranslation();
  const { roles } = useSignedIn();
  const roleLabel = useRoleLabel();
  const units = useUnits();
  const unitName = (id: string | null) =>
    id ? (units.data?.find((u) => u.id === id)?.name ?? '') : t('scopes.organisation');
  if (roles.length === 0) return <p>{t('home.noRoles')}</p>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {roles.map((r, i) => (
        <li key={`${r.role}-${r.unitId}-${r.sectionId}-${i}`} className="card p-4">
          <p className="font-bold text-ink-strong">{roleLabel(r.role, true)}</p>
          <p className="text-ink-muted">
            {r.sectionId ? (
              <SectionLink id={r.sectionId} />
            ) : r.unitId ? (
              <Link to={`/organisation/units/${r.unitId}`}>{unitName(r.unitId)}</Link>
            ) : (
              t('scopes.organisation')
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}

function GapSummary() {
  const { t } = useTranslation();
  const gaps = useGaps();
  return (
    <QueryState query={gaps}>
      {(report) => (
        <div className="card">
          <p className="text-lg font-bold">
            {report.gaps.length > 0 ? t('home.gapsCount', { count: report.gaps.length }) : t('home.noGaps')}
          </p>
          {report.gaps.length > 0 && (
            <ul className="mt-3 flex flex-wrap gap-4">
              {GAP_KINDS.map((k) => {
                const n = report.gaps.filter((g) => g.kind === k).length;
                return n > 0 ? (
                  <li key={k} className="flex items-center gap-2">
                    <GapBadge kind={k} /> {t('common.count', { count: n })}
                  </li>
                ) : null;
              })}
            </ul>
          )}
          <p className="mt-4">
            <Link to="/organisation/gaps" className="btn-primary">
              {t('home.viewGaps')}
            </Link>
          </p>
        </div>
      )}
    </QueryState>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { person, permissions } = useSignedIn();
  const adminLinks = useAdminLinks();
  const registerMenu = useRegisterMenu();
  const shortcuts = [
    { to: '/organisation', label: t('nav.organisation'), desc: t('home.orgDesc') },
    { to: '/people', label: t('nav.people'), desc: t('home.peopleDesc') },
    ...(permissions.appointRoles.length > 0
      ? [{ to: '/organisation/appointments/new', label: t('nav.appoint'), desc: t('home.appointDesc') }]
      : []),
    ...(permissions.viewGaps
      ? [{ to: '/organisation/gaps', label: t('nav.gaps'), desc: t('home.gapsDesc') }]
      : []),
    ...(permissions.importStaff
      ? [{ to: '/organisation/import', label: t('nav.import'), desc: t('home.importDesc') }]
      : []),
    ...(registerMenu
      ? [{ to: '/register-admin', label: t('fileRegister.menu'), desc: t('fileRegister.homeDesc') }]
      : []),
    { to: '/terminals', label: t('terminal.nav.mine'), desc: t('home.terminalDesc') },
    ...(adminLinks.length > 0 ? [{ to: '/admin', label: t('nav.admin'), desc: t('admin.lead') }] : []),
  ];
  return (
    <Page
      title={t('home.title')}
      lead={<p className="text-xl">{t('home.welcome', { name: person.name })}</p>}
    >
      {permissions.viewGaps && (
        <Section title={t('home.gapsTitle')}>
          <GapSummary />
        </Section>
      )}
      {registerMenu && <RegisterAwaiting />}
      <ApprovalsAwaiting />
      <Section title={t('home.yourRoles')}>
        <MyRoles />
      </Section>
      <Section title={t('home.shortcuts')}>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {shortcuts.map((s) => (
            <li key={s.to}>
              <Link
                to={s.to}
                className="card block h-full no-underline hover:border-primary hover:bg-primary-soft"
              >
                <span className="block text-lg font-bold text-primary underline">{s.label}</span>
                <span className="mt-1 block text-ink">{s.desc}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Section>
    </Page>
  );
}
