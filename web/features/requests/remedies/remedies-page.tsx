import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../../shared/api/requests.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { RequestWorkFrame } from '../search/work-frame.tsx';
import { ApplyingSection } from './applying-section.tsx';
import { ItemsEditor } from './items-editor.tsx';
import { ItemsList } from './items-list.tsx';
import { useRemedy } from './queries.ts';
import { RemedySubmit, RemedyWaiting } from './submit-form.tsx';

/** On a disclosure: the correction and suspension requests that follow it, and until when they may come (法90-3). */
function FollowUps({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const children = request.children.filter((c) => c.kind !== 'disclosure');
  return (
    <Section title={t('requestsWork.remedies.followUpsTitle')}>
      {request.periods.remedyUntil && (
        <p className="mb-4">
          {t('requestsWork.remedies.until', { date: dates.date(request.periods.remedyUntil) })}
        </p>
      )}
      {children.length === 0 ? (
        <p className="text-ink-muted">{t('requestsWork.remedies.noFollowUps')}</p>
      ) : (
        <ul className="grid gap-2">
          {children.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-3">
              <Link to={`/requests/${encodeURIComponent(c.id)}/remedies`} className="font-mono font-bold">
                {c.number}
              </Link>
              <Badge tone="info">{t(`requests.kind.${c.kind}`)}</Badge>
              <span>{t(`requests.status.${c.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function RemediesBody({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const remedy = useRemedy(request.id, request.kind !== 'disclosure');
  if (request.kind === 'disclosure') return <FollowUps request={request} />;
  return (
    <QueryState query={remedy}>
      {(view) => (
        <>
          {view.parentId && (
            <p className="mb-4">
              {t('requestsWork.remedies.parent')}{' '}
              <Link to={`/requests/${encodeURIComponent(view.parentId)}/decision`} className="font-mono">
                {view.parentNumber}
              </Link>
            </p>
          )}
          <p className="mb-4">
            <Badge tone={view.phase === 'done' ? 'good' : 'info'}>
              {t(`requestsWork.remedies.phase.${view.phase}`)}
            </Badge>
            {view.decidedOn && (
              <span className="ml-3">
                {t('requestsWork.decision.decidedOn', { date: dates.date(view.decidedOn) })}
              </span>
            )}
          </p>
          <RemedyWaiting view={view} />
          {view.phase === 'applying' || view.phase === 'done'
            ? view.decision && (
                <Alert tone="success" title={t(`requestsWork.remedies.decisions.${view.decision}`)}>
                  {view.decisionReason && <p className="whitespace-pre-wrap">{view.decisionReason}</p>}
                </Alert>
              )
            : null}
          {view.can.editItems ? <ItemsEditor view={view} /> : null}
          <ItemsList view={view} saved={view.can.editItems} />
          <RemedySubmit view={view} />
          <ApplyingSection view={view} />
        </>
      )}
    </QueryState>
  );
}

/**
 * /requests/:id/remedies — 訂正・利用停止 (法90–103): the records of the parent disclosure concerned,
 * the fields and new values (correction) or the purposes (suspension), the outcomes with reasons, the
 * decision and 「承認を依頼」; once approved, the corrections (A13), the suspensions in force, the
 * recipients told (法97, 法101), the notice and the carrying out. On a disclosure: its follow-ups.
 */
export function RequestRemediesPage() {
  const { id = '' } = useParams();
  return (
    <RequestWorkFrame id={id} tab="remedies">
      {(request) => <RemediesBody request={request} />}
    </RequestWorkFrame>
  );
}
