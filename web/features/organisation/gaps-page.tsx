import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { GAP_KINDS, type GapReportView, type GapView } from '../../../shared/api/organisation.ts';
import { useDates } from '../../app/preferences.tsx';
import { useSignedIn } from '../../app/session.ts';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { GapBadge, useArticle, useRoleLabel } from './labels.tsx';
import { useGaps } from './queries.ts';

/** Where a gap is fixed: a vacancy → the appointment form; anything else → the place that holds it. */
function fixLink(g: GapView, canAppoint: boolean): { to: string; appoint: boolean } {
  if (g.kind === 'review_overdue') return { to: '/admin/password-policy', appoint: false };
  // A22-1: an analysis report not signed off within 7 days.
  if (g.kind === 'analysis_unsigned') return { to: '/logs/analysis', appoint: false };
  if (g.kind === 'vacancy' && canAppoint) {
    const q = new URLSearchParams({ role: g.role });
    if (g.unitId) q.set('unitId', g.unitId);
    if (g.sectionId) q.set('sectionId', g.sectionId);
    return { to: `/organisation/appointments/new?${q.toString()}`, appoint: true };
  }
  if (g.sectionId) return { to: `/organisation/sections/${g.sectionId}`, appoint: false };
  if (g.unitId) return { to: `/organisation/units/${g.unitId}`, appoint: false };
  return { to: '/organisation#organisation-appointments', appoint: false };
}

function GapTable({ gaps, caption }: { gaps: GapView[]; caption: string }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const article = useArticle();
  const { permissions } = useSignedIn();
  return (
    <div className="overflow-x-auto">
      <table className="data-table table-fixed">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="w-[18%]">
              {t('gaps.kind')}
            </th>
            <th scope="col" className="w-[30%]">
              {t('appt.role')}
            </th>
            <th scope="col" className="w-[24%]">
              {t('gaps.where')}
            </th>
            <th scope="col" className="w-[12%]">
              {t('gaps.article')}
            </th>
            <th scope="col" className="w-[16%]">
              {t('gaps.fix')}
            </th>
          </tr>
        </thead>
        <tbody>
          {gaps.map((g, i) => {
            const fix = fixLink(g, permissions.appointRoles.includes(g.role));
            const where = g.sectionName ?? g.unitName ?? t('gaps.organisationWide');
            return (
              <tr key={`${g.kind}-${g.role}-${g.unitId}-${g.sectionId}-${i}`}>
                <td>
                  <GapBadge kind={g.kind} />
                </td>
                <th scope="row">{roleLabel(g.role)}</th>
                <td>
                  {g.sectionId ? (
                    <Link to={`/organisation/sections/${g.sectionId}`}>{where}</Link>
                  ) : g.unitId ? (
                    <Link to={`/organisation/units/${g.unitId}`}>{where}</Link>
                  ) : (
                    where
                  )}
                </td>
                <td>{article(g.article) ?? g.article}</td>
                <td>
                  <Link to={fix.to} className={fix.appoint ? 'btn-primary btn-sm' : 'btn-secondary btn-sm'}>
                    {fix.appoint ? t('gaps.appoint') : t('gaps.open')}
                    <span className="sr-only">
                      {t('gaps.fixLabel', { kind: t(`gapKinds.${g.kind}`), where, role: roleLabel(g.role) })}
                    </span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Report({ report }: { report: GapReportView }) {
  const { t } = useTranslation();
  if (report.gaps.length === 0) return <p className="card text-lg font-bold">{t('gaps.none')}</p>;
  const groups = [...report.byUnit];
  const known = new Set(groups.map((g) => g.unitId));
  if (report.gaps.some((g) => !known.has(g.unitId)))
    groups.unshift({ unitId: null, unitName: t('gaps.organisationWide'), count: 0 });
  const inGroup = (g: GapView, unitId: string | null) =>
    g.unitId === unitId || (unitId === null && !known.has(g.unitId));
  return (
    <>
      <div className="card">
        <p className="text-lg font-bold">{t('gaps.total', { count: report.gaps.length })}</p>
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2" aria-label={t('gaps.summary')}>
          {GAP_KINDS.map((k) => (
            <li key={k} className="flex items-center gap-2">
              <GapBadge kind={k} />{' '}
              {t('common.count', { count: report.gaps.filter((g) => g.kind === k).length })}
            </li>
          ))}
        </ul>
      </div>
      {groups.map((u) => {
        const gaps = report.gaps.filter((g) => inGroup(g, u.unitId));
        if (gaps.length === 0) return null;
        const title = t('gaps.groupTitle', { unit: u.unitName, count: gaps.length });
        return (
          <Section key={u.unitId ?? 'organisation'} title={title}>
            <GapTable gaps={gaps} caption={u.unitName} />
          </Section>
        );
      })}
    </>
  );
}

export function GapsPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const gaps = useGaps();
  return (
    <Page
      title={t('gaps.title')}
      lead={
        <>
          <p>{t('gaps.intro')}</p>
          {gaps.data && (
            <p className="mt-2 font-bold">{t('gaps.asOf', { date: dates.date(gaps.data.asOf) })}</p>
          )}
        </>
      }
    >
      <QueryState query={gaps}>{(report) => <Report report={report} />}</QueryState>
    </Page>
  );
}
