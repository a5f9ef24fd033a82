import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SectionView, UnitDetailView } from '../../../shared/api/organisation.ts';
import type { Role } from '../../../shared/roles.ts';
import { useCan } from '../../app/ability.ts';
import { Page, Section } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';
import { AppointmentsTable, isOngoing } from './appointments-table.tsx';
import { FlagBadges, useRoleLabel } from './labels.tsx';
import { useManageScope } from './manage-scope.ts';
import { useUnit } from './queries.ts';

function SectionTree({
  sections,
  nodes,
  nested = false,
}: {
  sections: SectionView[];
  nodes: SectionView[];
  nested?: boolean;
}) {
  const { t } = useTranslation();
  if (nodes.length === 0) return null;
  return (
    <ul className={nested ? 'mt-2 ml-6 grid gap-2 border-l-2 border-line-soft pl-4' : 'grid gap-2'}>
      {nodes.map((s) => (
        <li key={s.id}>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border border-line-soft px-4 py-3">
            <Link to={`/organisation/sections/${s.id}`} className="font-bold">
              {s.name}
            </Link>
            <FlagBadges personalInfo={s.handlesPersonalInfo} myNumber={s.handlesMyNumber} />
            <span className="ml-auto text-sm text-ink-muted">
              {t('common.labelColon', { label: t('org.staffCount') })}
              {t('common.persons', { count: s.staffCount })}
            </span>
          </div>
          <SectionTree sections={sections} nodes={sections.filter((c) => c.parentId === s.id)} nested />
        </li>
      ))}
    </ul>
  );
}

const UNIT_ROLES: Role[] = ['chief_protection_manager'];

function UnitBody({ detail }: { detail: UnitDetailView }) {
  const { t } = useTranslation();
  const can = useCan();
  const roleLabel = useRoleLabel();
  const scope = useManageScope();
  const { unit, sections, appointments } = detail;
  const sectionName = new Map(sections.map((s) => [s.id, s.name]));
  const scopeName = (a: { sectionId: string | null }) =>
    a.sectionId ? (sectionName.get(a.sectionId) ?? null) : unit.name;
  const current = appointments.filter(isOngoing);
  const past = appointments.filter((a) => !isOngoing(a));
  const held = (r: Role) => current.some((a) => a.role === r && a.status === 'current' && !a.sectionId);
  const appointable = UNIT_ROLES.filter(
    (r) => can('appoint', 'Appointment', { role: r, unitId: unit.id, sectionId: null }) && !held(r),
  );
  const roots = sections.filter((s) => !s.parentId || !sectionName.has(s.parentId));
  return (
    <>
      <dl className="grid gap-x-8 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-bold">{t('org.code')}</dt>
        <dd>{unit.code}</dd>
        {unit.address && (
          <>
            <dt className="font-bold">{t('org.address')}</dt>
            <dd>{unit.address}</dd>
          </>
        )}
        <dt className="font-bold">{t('org.staffCount')}</dt>
        <dd>{t('common.persons', { count: unit.staffCount })}</dd>
      </dl>
      <Section
        title={t('org.sectionsTitle')}
        actions={
          scope.sections(unit.id) && (
            <Link className="btn-primary btn-sm" to={`/organisation/units/${unit.id}/sections/new`}>
              {t('sectionForm.add')}
            </Link>
          )
        }
      >
        {sections.length === 0 ? (
          <p className="text-ink-muted">{t('org.noSections')}</p>
        ) : (
          <SectionTree sections={sections} nodes={roots} />
        )}
      </Section>
      <Section
        title={t('org.currentAppointments')}
        actions={appointable.map((r) => (
          <Link
            key={r}
            className="btn-primary btn-sm"
            to={`/organisation/appointments/new?role=${r}&unitId=${unit.id}`}
          >
            {t('org.appointRole', { role: roleLabel(r) })}
          </Link>
        ))}
      >
        <AppointmentsTable
          appointments={current}
          caption={t('org.currentAppointments')}
          scopeName={scopeName}
        />
      </Section>
      <Section title={t('org.pastAppointments')}>
        <AppointmentsTable appointments={past} caption={t('org.pastAppointments')} scopeName={scopeName} />
      </Section>
    </>
  );
}

export function UnitPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const unit = useUnit(id);
  // The h1 is the unit's name: until it is known, only the loading notice shows.
  if (unit.isPending) return <Loading />;
  if (unit.isError)
    return (
      <Page title={t('common.errorTitle')} crumbs={[{ label: t('nav.organisation'), to: '/organisation' }]}>
        <QueryError error={unit.error} onRetry={() => void unit.refetch()} />
      </Page>
    );
  return (
    <Page
      title={unit.data.unit.name}
      crumbs={[{ label: t('nav.organisation'), to: '/organisation' }, { label: unit.data.unit.name }]}
    >
      <UnitBody detail={unit.data} />
    </Page>
  );
}
