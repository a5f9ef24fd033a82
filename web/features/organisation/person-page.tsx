import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonDetailView } from '../../../shared/api/organisation.ts';
import { Page, Section } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';
import { AccountPanel } from './account-panel.tsx';
import { AccountAdminLink } from '../password/account-link.tsx';
import { AppointmentsTable } from './appointments-table.tsx';
import { useManageScope } from './manage-scope.ts';
import { usePerson, useSection, useUnits } from './queries.ts';
import type { AppointmentView } from '../../../shared/api/organisation.ts';

/** Where an appointment holds: the organisation, a unit, or a section of a unit (with links). */
function ScopeName({ appointment: a }: { appointment: AppointmentView }) {
  const { t } = useTranslation();
  const units = useUnits();
  const section = useSection(a.sectionId);
  if (a.scopeKind === 'organisation') return <>{t('scopes.organisation')}</>;
  const unitName = units.data?.find((u) => u.id === a.unitId)?.name ?? t(`scopes.unit`);
  return (
    <>
      {a.unitId ? <Link to={`/organisation/units/${a.unitId}`}>{unitName}</Link> : unitName}
      {a.sectionId && (
        <>
          {' '}
          /{' '}
          <Link to={`/organisation/sections/${a.sectionId}`}>
            {section.data?.section.name ?? t('scopes.section')}
          </Link>
        </>
      )}
    </>
  );
}

function Profile({ detail }: { detail: PersonDetailView }) {
  const { t } = useTranslation();
  const { person, unitName, sectionName } = detail;
  const rows: [string, ReactNode][] = [
    [t('people.employeeNumber'), <span className="font-mono">{person.employeeNumber}</span>],
    [t('people.kana'), `${person.familyNameKana} ${person.givenNameKana}`],
    [t('people.kind'), t(`personKinds.${person.kind}`)],
    [t('people.jobTitle'), person.title ?? '—'],
    [
      t('people.unitSection'),
      <>
        <Link to={`/organisation/units/${person.unitId}`}>{unitName}</Link>
        {person.sectionId && sectionName && (
          <>
            {' '}
            / <Link to={`/organisation/sections/${person.sectionId}`}>{sectionName}</Link>
          </>
        )}
      </>,
    ],
    [t('people.email'), person.email ?? '—'],
    [t('people.active'), person.active ? t('people.isActive') : t('people.isInactive')],
  ];
  return (
    <dl className="card grid gap-x-8 gap-y-3 sm:grid-cols-[auto_1fr]">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-bold text-ink-strong">{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function PersonPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const person = usePerson(id);
  const scope = useManageScope();
  if (person.isPending) return <Loading />;
  if (person.isError)
    return (
      <Page title={t('common.errorTitle')} crumbs={[{ label: t('nav.people'), to: '/people' }]}>
        <QueryError error={person.error} onRetry={() => void person.refetch()} />
      </Page>
    );
  const d = person.data;
  const name = `${d.person.familyName} ${d.person.givenName}`;
  return (
    <Page
      title={name}
      crumbs={[{ label: t('nav.people'), to: '/people' }, { label: name }]}
      actions={
        scope.people(d.person.unitId) && (
          <Link to={`/people/${d.person.id}/edit`} className="btn-secondary">
            {t('personForm.edit')}
          </Link>
        )
      }
    >
      <Section title={t('people.profile')}>
        <Profile detail={d} />
      </Section>
      <Section title={t('people.history')}>
        <AppointmentsTable
          appointments={d.appointments}
          caption={t('people.history')}
          showPerson={false}
          scopeName={(a) => <ScopeName appointment={a} />}
        />
      </Section>
      <AccountPanel personId={d.person.id} />
      <AccountAdminLink personId={d.person.id} />
    </Page>
  );
}
