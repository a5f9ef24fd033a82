import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UnitView } from '../../../shared/api/organisation.ts';
import { Page, Section } from '../../ui/page.tsx';
import { Loading, QueryError, QueryState } from '../../ui/query-state.tsx';
import { useOrganisationAppointments, useUnits } from './queries.ts';
import { AppointmentsTable, isOngoing } from './appointments-table.tsx';

function UnitTable({ caption, units }: { caption: string; units: UnitView[] }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => v.toLocaleString(i18n.language);
  if (units.length === 0) return <p className="text-ink-muted">{t('org.noUnits')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('org.name')}</th>
            <th scope="col" className="text-right">
              {t('org.sectionCount')}
            </th>
            <th scope="col" className="text-right">
              {t('org.staffCount')}
            </th>
            <th scope="col" className="text-right">
              {t('org.gapCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id}>
              <th scope="row" className="font-normal">
                <Link to={`/organisation/units/${u.id}`} className="font-bold">
                  {u.name}
                </Link>
                {u.address && <span className="block text-sm text-ink-muted">{u.address}</span>}
              </th>
              <td className="text-right tabular-nums">{n(u.sectionCount)}</td>
              <td className="text-right tabular-nums">{n(u.staffCount)}</td>
              <td className="text-right tabular-nums">
                {u.gapCount > 0 ? (
                  <span className="badge border-error bg-error-soft text-error">{n(u.gapCount)}</span>
                ) : (
                  <span className="text-ink-muted">0</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OrganisationAppointments() {
  const { t } = useTranslation();
  const appts = useOrganisationAppointments();
  if (appts.isPending) return <Loading />;
  if (appts.error) return <QueryError error={appts.error} onRetry={appts.refetch} />;
  const current = appts.data.filter(isOngoing);
  const past = appts.data.filter((a) => !isOngoing(a));
  return (
    <>
      <AppointmentsTable appointments={current} caption={t('org.organisationAppointments')} />
      {past.length > 0 && (
        <details className="mt-4">
          <summary className="cursor-pointer font-bold text-primary">{t('org.pastAppointments')}</summary>
          <AppointmentsTable appointments={past} caption={t('org.pastAppointments')} />
        </details>
      )}
    </>
  );
}

/** The unit tree: 国立高等専門学校機構 → 本部事務局 and the 51 colleges. */
export function UnitsPage() {
  const { t } = useTranslation();
  const units = useUnits();
  return (
    <Page title={t('org.unitsTitle')} lead={<p>{t('org.unitsIntro')}</p>}>
      <p className="text-lg font-bold text-ink-strong">{t('org.root')}</p>
      <QueryState query={units}>
        {(list) => {
          const hq = list.filter((u) => u.kind === 'headquarters');
          const colleges = list.filter((u) => u.kind === 'college');
          return (
            <div className="border-l-4 border-primary-line pl-4 sm:pl-6">
              <Section title={t('org.organisationAppointments')} id="organisation-appointments">
                <OrganisationAppointments />
              </Section>
              <Section title={t('org.headquarters')}>
                <UnitTable caption={t('org.headquarters')} units={hq} />
              </Section>
              <Section title={t('org.colleges', { count: colleges.length })}>
                <UnitTable caption={t('org.colleges', { count: colleges.length })} units={colleges} />
              </Section>
            </div>
          );
        }}
      </QueryState>
    </Page>
  );
}
