import { useTranslation } from 'react-i18next';
import type { RequestSummaryView } from '../../../../shared/api/requests.ts';
import { useDates } from '../../../app/preferences.tsx';
import { DaysLeft, Markers, StatusBadge } from './labels.tsx';

/**
 * The head of every request page: the number, the kind (開示/訂正/利用停止), the status, the receiving
 * office, the decision's due date with the days left (法83-1; 補正中 while the clock is stopped) and the
 * markers 延長 (法83-2) and 大量 (法84). No personal data: the requester is on the overview only.
 */
export function RequestHeader({ request }: { request: RequestSummaryView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <div className="card mb-6 grid gap-3" data-testid="request-header">
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-mono text-xl font-bold">{request.number}</span>
        <span className="badge border-primary text-primary">{t(`requests.kind.${request.kind}`)}</span>
        <StatusBadge status={request.status} />
        <Markers request={request} />
      </div>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-bold">{t('requests.header.office')}</dt>
        <dd>{`${request.unitName} ${request.sectionName}`.trim()}</dd>
        <dt className="font-bold">{t('requests.header.receivedOn')}</dt>
        <dd>{dates.date(request.receivedOn)}</dd>
        <dt className="font-bold">{t('requests.header.dueOn')}</dt>
        <dd data-testid="request-due">
          {request.paused ? (
            <DaysLeft request={request} />
          ) : request.dueOn ? (
            <>
              <span className="mr-3">{dates.date(request.dueOn)}</span>
              <DaysLeft request={request} />
            </>
          ) : (
            t('requests.due.none')
          )}
        </dd>
      </dl>
    </div>
  );
}
