import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CourseSummaryView } from '../../../shared/api/training.ts';
import { Page } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { Badge } from '../../ui/badge.tsx';
import { KindLabel, RequiredFor, useRecurrence } from './labels.tsx';
import { useCourses } from './queries.ts';

function CourseTable({ courses }: { courses: CourseSummaryView[] }) {
  const { t } = useTranslation();
  const recurrence = useRecurrence();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('training.courses.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('training.col.title')}</th>
            <th scope="col">{t('training.col.kind')}</th>
            <th scope="col">{t('training.col.owner')}</th>
            <th scope="col">{t('training.col.recurrence')}</th>
            <th scope="col">{t('training.col.requiredFor')}</th>
            <th scope="col">{t('training.col.sessions')}</th>
            <th scope="col">{t('training.col.active')}</th>
          </tr>
        </thead>
        <tbody>
          {courses.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="min-w-48">
                <Link to={`/training/courses/${c.id}`}>{c.title}</Link>
                <span className="block font-mono text-sm font-normal text-ink-muted">{c.number}</span>
              </th>
              <td className="min-w-40">
                <KindLabel kind={c.kind} />
              </td>
              <td>{c.ownerUnitName ?? t('training.organisation')}</td>
              <td className="whitespace-nowrap">{recurrence(c.recurrenceMonths)}</td>
              <td className="min-w-40">
                <RequiredFor purposes={c.requiredFor} />
              </td>
              <td className="text-right">{c.sessions}</td>
              <td>
                {c.active ? (
                  <Badge tone="good">{t('training.active')}</Badge>
                ) : (
                  <Badge tone="plain">{t('training.inactive')}</Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /training/courses: the courses of the four kinds (A10-1..4) the caller keeps or reads. */
export function CoursesPage() {
  const { t } = useTranslation();
  const list = useCourses();
  const canCreate = list.data && (list.data.canCreate.organisation || list.data.canCreate.unitIds.length > 0);
  const title = t('training.courses.title');
  return (
    <Page
      title={title}
      crumbs={[{ label: t('training.my.title'), to: '/training' }, { label: title }]}
      lead={<p>{t('training.courses.lead')}</p>}
      actions={
        <>
          {canCreate && (
            <Link to="/training/courses/new" className="btn-primary">
              {t('training.courses.new')}
            </Link>
          )}
          <Link to="/training/overdue" className="btn-secondary">
            {t('training.my.overdueLink')}
          </Link>
        </>
      }
    >
      <QueryState query={list}>
        {({ courses }) =>
          courses.length === 0 ? (
            <p role="status" className="card">
              {t('training.courses.empty')}
            </p>
          ) : (
            <CourseTable courses={[...courses].sort((a, b) => a.number.localeCompare(b.number))} />
          )
        }
      </QueryState>
    </Page>
  );
}
