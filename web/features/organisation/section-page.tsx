import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SectionDetailView } from '../../../shared/api/organisation.ts';
import { ROLE_RULES, type Role } from '../../../shared/roles.ts';
import { useCan } from '../../app/ability.ts';
import { Page, Section } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';
import { AppointmentsTable, isOngoing } from './appointments-table.tsx';
import { FlagBadges, useRoleLabel } from './labels.tsx';
import { PeopleTable } from './people-table.tsx';
import { SectionFlagsForm } from './section-flags-form.tsx';
import { useSection } from './queries.ts';

const SECTION_ROLES: Role[] = ['protection_manager', 'protection_officer', 'mynumber_handler'];

function SectionBody({ detail }: { detail: SectionDetailView }) {
  const { t } = useTranslation();
  const can = useCan();
  const roleLabel = useRoleLabel();
  const { section, unit, staff, appointments } = detail;
  const current = appointments.filter(isOngoing);
  const past = appointments.filter((a) => !isOngoing(a));
  // A single seat (保護管理者) already held is not offered: end the current appointment first.
  const held = (r: Role) =>
    ROLE_RULES[r].singleSeat && current.some((a) => a.role === r && a.status === 'current');
  const appointable = SECTION_ROLES.filter(
    (r) =>
      !held(r) &&
      can('appoint', 'Appointment', { role: r, unitId: unit.id, sectionId: section.id }) &&
      (!ROLE_RULES[r].needsHandlingSection || section.handlesPersonalInfo),
  );
  return (
    <>
      <dl className="grid gap-x-8 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-bold">{t('people.unitSection')}</dt>
        <dd>
          <Link to={`/organisation/units/${unit.id}`}>{unit.name}</Link>
        </dd>
        <dt className="font-bold">{t('org.flags')}</dt>
        <dd>
          <FlagBadges personalInfo={section.handlesPersonalInfo} myNumber={section.handlesMyNumber} />
        </dd>
        <dt className="font-bold">{t('org.staffCount')}</dt>
        <dd>{t('common.persons', { count: section.staffCount })}</dd>
      </dl>
      {can('update', 'Section', { id: section.id, unitId: unit.id }) && (
        <SectionFlagsForm section={section} />
      )}
      <Section
        title={t('org.currentAppointments')}
        actions={appointable.map((r) => (
          <Link
            key={r}
            className="btn-primary btn-sm"
            to={`/organisation/appointments/new?role=${r}&unitId=${unit.id}&sectionId=${section.id}`}
          >
            {t('org.appointRole', { role: roleLabel(r) })}
          </Link>
        ))}
      >
        <AppointmentsTable appointments={current} caption={t('org.currentAppointments')} />
      </Section>
      <Section title={t('org.staffTitle')}>
        {staff.length === 0 ? (
          <p className="text-ink-muted">{t('org.noStaff')}</p>
        ) : (
          <PeopleTable people={staff} caption={t('org.staffTitle')} />
        )}
      </Section>
      <Section title={t('org.pastAppointments')}>
        <AppointmentsTable appointments={past} caption={t('org.pastAppointments')} />
      </Section>
    </>
  );
}

export function SectionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const section = useSection(id);
  if (section.isPending) return <Loading />;
  if (section.isError)
    return (
      <Page title={t('common.errorTitle')} crumbs={[{ label: t('nav.organisation'), to: '/organisation' }]}>
        <QueryError error={section.error} onRetry={() => void section.refetch()} />
      </Page>
    );
  const d = section.data;
  const crumbs = [
    { label: t('nav.organisation'), to: '/organisation' },
    { label: d.unit.name, to: `/organisation/units/${d.unit.id}` },
    { label: d.section.name },
  ];
  return (
    <Page title={d.section.name} crumbs={crumbs}>
      <SectionBody detail={d} />
    </Page>
  );
}
