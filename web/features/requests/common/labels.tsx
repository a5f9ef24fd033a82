import { useTranslation } from 'react-i18next';
import type { RequestStatus, RequestSummaryView } from '../../../../shared/api/requests.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Badge, type Tone } from '../../../ui/badge.tsx';

/**
 * Small pieces shared by the request pages: the status in words, the deadline with the days left
 * (法83-1: 30 days; 補正 stops the clock, so 補正中 is shown instead of a date) and the markers
 * 補正中 / 延長 (法83-2) / 大量 (法84). States are words, never colour alone.
 */
const STATUS_TONES: Record<RequestStatus, Tone> = {
  received: 'info',
  correcting: 'warn',
  deciding: 'info',
  decided: 'good',
  carried_out: 'good',
  closed: 'plain',
  withdrawn: 'plain',
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONES[status]}>{t(`requests.status.${status}`)}</Badge>;
}

type DueFacts = Pick<RequestSummaryView, 'dueOn' | 'daysLeft' | 'paused' | 'status'>;

/** 「残り n日」「本日が期限」「n日超過」 (red, with ⚠) or 「補正中」 when the clock is stopped. */
export function DaysLeft({ request }: { request: DueFacts }) {
  const { t } = useTranslation();
  if (request.paused) return <Badge tone="warn">{t('requests.due.paused')}</Badge>;
  const n = request.daysLeft;
  if (n === null) return null;
  if (n < 0)
    return (
      <span className="font-bold text-error">
        <span aria-hidden="true">⚠ </span>
        {t('requests.due.overdue', { count: -n })}
      </span>
    );
  if (n === 0) return <span className="font-bold text-error">{t('requests.due.today')}</span>;
  return <span>{t('requests.due.left', { count: n })}</span>;
}

/** The deadline cell: the date and the days left, or 補正中 in place of the date. */
export function DueCell({ request }: { request: DueFacts }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (request.paused) return <DaysLeft request={request} />;
  if (!request.dueOn) return <span className="text-ink-muted">{t('requests.due.none')}</span>;
  return (
    <span>
      <span className="block whitespace-nowrap">{dates.date(request.dueOn)}</span>
      <DaysLeft request={request} />
    </span>
  );
}

/** 延長 (法83-2) and 大量 (法84) markers; 補正中 only when `withPaused` (the header). */
export function Markers({
  request,
  withPaused = false,
}: {
  request: Pick<RequestSummaryView, 'paused' | 'extended' | 'large'>;
  withPaused?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {withPaused && request.paused && <Badge tone="warn">{t('requests.markers.paused')}</Badge>}
      {request.extended && <Badge tone="info">{t('requests.markers.extended')}</Badge>}
      {request.large && <Badge tone="info">{t('requests.markers.large')}</Badge>}
    </>
  );
}
