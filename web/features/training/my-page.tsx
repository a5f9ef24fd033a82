import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MyTrainingView, RequirementView } from '../../../shared/api/training.ts';
import { useDates } from '../../app/preferences.tsx';
import { useSignedIn } from '../../app/session.ts';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { KEEPER_ROLES, KindLabel, RequiredFor, StatusBadge } from './labels.tsx';
import { useMyTraining } from './queries.ts';

function TakeCell({ requirement: r }: { requirement: RequirementView }) {
  const { t } = useTranslation();
  const dates = useDates();
  // A valid completion: nothing to take until it comes due again.
  if (r.status === 'completed') return <span className="text-ink-muted">－</span>;
  if (r.openSessions.length === 0)
    return <span className="text-sm text-ink-muted">{t('training.my.noOpen')}</span>;
  return (
    <ul className="grid gap-2">
      {r.openSessions.map((s) => (
        <li key={s.id}>
          <Link to={`/training/sessions/${s.id}`} className="font-bold">
            {t('training.my.takeOnline')}
          </Link>
          {s.closesOn && (
            <span className="block text-sm text-ink-muted">
              {t('training.session.periodValue', {
                from: dates.date(s.heldOn),
                to: dates.date(s.closesOn),
              })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function Requirements({ view }: { view: MyTrainingView }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (view.requirements.length === 0)
    return (
      <p role="status" className="card">
        {t('training.my.empty')}
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('training.my.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('training.my.colCourse')}</th>
            <th scope="col">{t('training.col.kind')}</th>
            <th scope="col">{t('training.my.colDue')}</th>
            <th scope="col">{t('training.my.colStatus')}</th>
            <th scope="col">{t('training.my.colLast')}</th>
            <th scope="col">{t('training.my.colValid')}</th>
            <th scope="col">{t('training.my.colTake')}</th>
          </tr>
        </thead>
        <tbody>
          {view.requirements.map((r) => (
            <tr key={r.courseId}>
              <th scope="row" className="min-w-48">
                {r.title}
                <span className="block font-mono text-sm font-normal text-ink-muted">{r.courseNumber}</span>
                {r.requiredFor.length > 0 && (
                  <span className="mt-1 block font-normal">
                    <RequiredFor purposes={r.requiredFor} />
                  </span>
                )}
              </th>
              <td className="min-w-40">
                <KindLabel kind={r.kind} />
              </td>
              <td className="whitespace-nowrap">{dates.date(r.dueOn)}</td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td className="whitespace-nowrap">
                {r.lastCompletedOn ? dates.date(r.lastCompletedOn) : '－'}
              </td>
              <td className="whitespace-nowrap">
                {r.lastCompletedOn === null
                  ? '－'
                  : r.validUntil
                    ? dates.date(r.validUntil)
                    : t('training.my.validForever')}
              </td>
              <td className="min-w-40">
                <TakeCell requirement={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Enrolments({ view }: { view: MyTrainingView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <Section title={t('training.my.enrolments')}>
      {view.enrolments.length === 0 ? (
        <p className="text-ink-muted">{t('training.my.noEnrolments')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t('training.my.enrolmentsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('training.col.title')}</th>
                <th scope="col">{t('training.col.heldOn')}</th>
                <th scope="col">{t('training.col.place')}</th>
              </tr>
            </thead>
            <tbody>
              {view.enrolments.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/training/sessions/${s.id}`}>{s.courseTitle}</Link>
                  </th>
                  <td className="whitespace-nowrap">{dates.date(s.heldOn)}</td>
                  <td>{s.place || '－'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

/** For keepers (総括管理者, 総括保護管理者, 保護管理者; read by 監査責任者・理事長): the courses and who is overdue. */
function KeeperLinks() {
  const { t } = useTranslation();
  const { roles } = useSignedIn();
  const keeper = roles.some((r) => (KEEPER_ROLES as readonly string[]).includes(r.role));
  if (!keeper) return null;
  return (
    <Section title={t('training.my.keepers')}>
      <p className="mb-4">{t('training.my.keepersLead')}</p>
      <ul className="flex flex-wrap gap-3">
        <li>
          <Link to="/training/courses" className="btn-secondary">
            {t('training.my.coursesLink')}
          </Link>
        </li>
        <li>
          <Link to="/training/overdue" className="btn-secondary">
            {t('training.my.overdueLink')}
          </Link>
        </li>
      </ul>
    </Section>
  );
}

/** /training: the person's own training (A10) — required courses, due dates, standing, online material. */
export function MyTrainingPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const mine = useMyTraining();
  return (
    <Page title={t('training.my.title')} lead={<p>{t('training.my.lead')}</p>}>
      <QueryState query={mine}>
        {(view) => (
          <>
            <p className="mb-2 text-sm text-ink-muted">
              {t('training.my.asOf', { date: dates.date(view.asOf) })}
            </p>
            <Requirements view={view} />
            <Enrolments view={view} />
          </>
        )}
      </QueryState>
      <KeeperLinks />
    </Page>
  );
}
