import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalView } from '../../../shared/api/terminals.ts';
import { errorMessage } from '../../app/api.ts';
import { useDates, usePreferences } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { Page } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';
import { splitRanges, useDecide, useInbox } from './queries.ts';

/** One waiting request: who asks, for which area and why; approve (optionally narrowing) or reject. */
function RequestCard({ request, onDone }: { request: TerminalView; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const dates = useDates();
  const decide = useDecide();
  const id = useId();
  const [ranges, setRanges] = useState('');
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  return (
    <article className="card mb-6" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mb-2 text-xl">
        {request.label}
      </h2>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-bold">{t('terminal.page.area')}</dt>
        <dd>{`${request.areaName}（${t(`terminal.kind.${request.areaKind}`)}）`}</dd>
        <dt className="font-bold">{t('terminal.inbox.requester')}</dt>
        <dd>{`${request.requestedBy.name}（${request.requestedBy.employeeNumber}）`}</dd>
        <dt className="font-bold">{t('terminal.page.requestedAt')}</dt>
        <dd>{dates.dateTime(request.requestedAt)}</dd>
        <dt className="font-bold">{t('terminal.inbox.requestIp')}</dt>
        <dd className="font-mono">{request.requestIp ?? t('common.unknown')}</dd>
        <dt className="font-bold">{t('terminal.page.reason')}</dt>
        <dd>{request.reason}</dd>
      </dl>
      {decide.isError && <Alert tone="error" title={errorMessage(decide.error, locale)} />}
      <div className="grid gap-6 md:grid-cols-2">
        <div>
          <label htmlFor={`${id}-ranges`} className="label">
            {t('terminal.inbox.ranges')}
          </label>
          <p id={`${id}-ranges-help`} className="mb-1 text-sm text-ink-muted">
            {t('terminal.inbox.rangesHelp')}
          </p>
          <input
            id={`${id}-ranges`}
            className="input mb-3"
            value={ranges}
            aria-describedby={`${id}-ranges-help`}
            onChange={(e) => setRanges(e.target.value)}
          />
          <button
            type="button"
            className="btn-primary"
            disabled={decide.isPending}
            onClick={() =>
              decide.mutate(
                { id: request.id, approve: true, addressRanges: splitRanges(ranges) },
                { onSuccess: () => onDone(t('terminal.inbox.approved')) },
              )
            }
          >
            {t('terminal.inbox.approve')}
          </button>
        </div>
        <div>
          <label htmlFor={`${id}-reason`} className="label">
            {t('terminal.inbox.rejectReason')}
          </label>
          {missingReason && (
            <p id={`${id}-reason-error`} className="mb-1 font-bold text-error">
              <span aria-hidden="true">⚠ </span>
              {t('terminal.inbox.reasonRequired')}
            </p>
          )}
          <input
            id={`${id}-reason`}
            className="input mb-3"
            value={reason}
            aria-invalid={missingReason || undefined}
            aria-describedby={missingReason ? `${id}-reason-error` : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          <button
            type="button"
            className="btn-secondary"
            disabled={decide.isPending}
            onClick={() => {
              if (!reason.trim()) {
                setMissingReason(true);
                return;
              }
              setMissingReason(false);
              decide.mutate(
                { id: request.id, approve: false, reason: reason.trim() },
                { onSuccess: () => onDone(t('terminal.inbox.rejected')) },
              );
            }}
          >
            {t('terminal.inbox.reject')}
          </button>
        </div>
      </div>
    </article>
  );
}

/** /terminals/inbox: the requests waiting in the areas the caller manages (A29). */
export function TerminalInboxPage() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Page title={t('terminal.inbox.title')} lead={<p>{t('terminal.inbox.intro')}</p>}>
      <LiveRegion>{notice && <Alert tone="success" title={notice} />}</LiveRegion>
      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.length === 0 ? (
        <p>{t('terminal.inbox.empty')}</p>
      ) : (
        inbox.data.map((r) => <RequestCard key={r.id} request={r} onDone={setNotice} />)
      )}
    </Page>
  );
}
