import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { INSPECTION_STATUSES, type InspectionSummary } from '../../../../shared/api/oversight.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { InspectionStatusBadge, useHubCrumb } from './labels.tsx';
import { useInspections, useSchedules } from './queries.ts';
import { SchedulesSection } from './schedules-section.tsx';

const TABS = ['all', ...INSPECTION_STATUSES] as const;
type Tab = (typeof TABS)[number];

function Tabs({ current }: { current: Tab }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('reviews.list.tabsLabel')} className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {TABS.map((s) => (
          <li key={s}>
            <Link
              to={`/oversight/inspections?status=${s}`}
              aria-current={s === current ? 'page' : undefined}
              className={s === current ? 'btn-primary btn-sm' : 'btn-secondary btn-sm'}
            >
              {t(`reviews.list.tabs.${s}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function InspectionTable({ rows }: { rows: InspectionSummary[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('reviews.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reviews.list.number')}</th>
            <th scope="col">{t('reviews.list.section')}</th>
            <th scope="col">{t('reviews.list.inspectedOn')}</th>
            <th scope="col">{t('reviews.list.status')}</th>
            <th scope="col">{t('reviews.list.issues')}</th>
            <th scope="col">{t('reviews.list.acknowledged')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.id}>
              <th scope="row" className="whitespace-nowrap">
                <Link to={`/oversight/inspections/${i.id}`} className="font-mono">
                  {i.number}
                </Link>
              </th>
              <td>{`${i.unitName} ${i.sectionName}`.trim()}</td>
              <td className="whitespace-nowrap">{dates.date(i.inspectedOn)}</td>
              <td>
                <InspectionStatusBadge status={i.status} />
              </td>
              <td>
                {i.hasIssues ? (
                  <Badge tone="warn">{t('reviews.list.hasIssues')}</Badge>
                ) : (
                  t('reviews.list.noIssues')
                )}
              </td>
              <td>
                {i.status !== 'reported' ? (
                  '－'
                ) : i.acknowledged ? (
                  <Badge tone="good">{t('reviews.list.ackDone')}</Badge>
                ) : (
                  <Badge tone="warn">{t('reviews.list.ackPending')}</Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /oversight/inspections: the schedule per section and the record of inspections (A37). */
export function InspectionsPage() {
  const { t } = useTranslation();
  const hub = useHubCrumb();
  const [params] = useSearchParams();
  const asked = params.get('status') as Tab | null;
  const status: Tab = asked && TABS.includes(asked) ? asked : 'all';
  const list = useInspections({ status });
  const canInspect = useSchedules().data?.schedules.some((s) => s.canInspect) ?? false;
  const title = t('reviews.list.title');
  return (
    <Page
      title={title}
      crumbs={[hub, { label: title }]}
      actions={
        canInspect && (
          <Link to="/oversight/inspections/new" className="btn-primary">
            {t('reviews.list.new')}
          </Link>
        )
      }
    >
      <SchedulesSection />
      <Section title={t('reviews.list.heading')}>
        <Tabs current={status} />
        <QueryState query={list}>
          {({ inspections }) =>
            inspections.length === 0 ? (
              <p role="status" className="card">
                {t('reviews.list.empty')}
              </p>
            ) : (
              <InspectionTable
                rows={[...inspections].sort(
                  (a, b) => b.inspectedOn.localeCompare(a.inspectedOn) || b.number.localeCompare(a.number),
                )}
              />
            )
          }
        </QueryState>
      </Section>
    </Page>
  );
}
