import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../../shared/api/requests.ts';
import type { HistoryView } from '../../../../shared/api/requests-history.ts';
import { ApiError } from '../../../app/api.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { RequestWorkFrame } from '../search/work-frame.tsx';
import { historyJson, historyPdf, useHistory } from './queries.ts';
import { VerifyBox } from './verify-box.tsx';

/** 対象の記録: the confirmed records per file that the history covers. */
function Covered({ view }: { view: HistoryView }) {
  const { t } = useTranslation();
  return (
    <ul className="mb-4 flex flex-wrap gap-3">
      {view.files.map((f) => (
        <li key={f.fileId} className="badge border-line text-ink">
          {t('requestsWork.history.fileRecords', { file: f.fileName, count: f.records })}
        </li>
      ))}
    </ul>
  );
}

/** The accesses, newest first: when, who (role and section, never a name), what, which file, why. */
function Rows({ view }: { view: HistoryView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const rows = [...view.rows].sort((a, b) =>
    a.occurredAt === b.occurredAt ? b.leafIndex - a.leafIndex : a.occurredAt < b.occurredAt ? 1 : -1,
  );
  if (rows.length === 0) return <p className="text-ink-muted">{t('requestsWork.history.none')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('requestsWork.history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('requestsWork.history.when')}</th>
            <th scope="col">{t('requestsWork.history.who')}</th>
            <th scope="col">{t('requestsWork.history.action')}</th>
            <th scope="col">{t('requestsWork.history.file')}</th>
            <th scope="col">{t('requestsWork.history.purpose')}</th>
            <th scope="col">{t('requestsWork.history.leaf')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.entryId}>
              <td className="whitespace-nowrap">{dates.dateTime(r.occurredAt)}</td>
              <td>
                <span className="block font-bold">{r.actorRole}</span>
                <span className="text-sm">{[r.unitName, r.sectionName].filter(Boolean).join(' ')}</span>
              </td>
              <td>
                {r.action}
                {r.records > 1 && (
                  <span className="block text-sm text-ink-muted">
                    {t('requestsWork.history.records', { count: r.records })}
                  </span>
                )}
              </td>
              <td>{r.fileName ?? '－'}</td>
              <td>
                {r.purpose ?? '－'}
                {r.forThisRequest && (
                  <span className="mt-1 block">
                    <Badge tone="info">{t('requestsWork.history.forThisRequest')}</Badge>
                  </span>
                )}
                {r.pruned && (
                  <span className="mt-1 block text-sm text-ink-muted">
                    {t('requestsWork.history.pruned')}
                  </span>
                )}
              </td>
              <td className="font-mono">{r.leafIndex}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The signed checkpoint the proofs lead to (published at /log/checkpoint). */
function Checkpoint({ view }: { view: HistoryView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const c = view.checkpoint;
  return (
    <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
      <dt className="font-bold">{t('requestsWork.history.treeSize')}</dt>
      <dd className="font-mono">{c.treeSize}</dd>
      <dt className="font-bold">{t('requestsWork.history.rootHash')}</dt>
      <dd className="font-mono break-all">{c.rootHash}</dd>
      <dt className="font-bold">{t('requestsWork.history.signedAt')}</dt>
      <dd>{dates.dateTime(c.signedAt)}</dd>
      <dt className="font-bold">{t('requestsWork.history.origin')}</dt>
      <dd className="font-mono break-all">{c.origin}</dd>
    </dl>
  );
}

function History({ view }: { view: HistoryView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <>
      <Section
        title={t('requestsWork.history.listTitle')}
        actions={
          view.can.issue && (
            <>
              <a href={historyJson(view.requestId)} className="btn-secondary btn-sm" download>
                {t('requestsWork.history.json')}
              </a>
              <a href={historyPdf(view.requestId)} className="btn-secondary btn-sm">
                {t('requestsWork.history.pdf')}
              </a>
            </>
          )
        }
      >
        <p className="mb-2">
          {t('requestsWork.history.counts', {
            count: view.counts.entries,
            mine: view.counts.forThisRequest,
            at: dates.dateTime(view.generatedAt),
          })}
        </p>
        <Covered view={view} />
        <Rows view={view} />
      </Section>
      <Section title={t('requestsWork.history.checkpointTitle')}>
        <Checkpoint view={view} />
        <VerifyBox view={view} />
      </Section>
    </>
  );
}

function HistoryBody({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const history = useHistory(request.id);
  if (history.error instanceof ApiError && history.error.code === 'requests.history_no_records')
    return (
      <Alert tone="info" title={t('requestsWork.history.noRecordsTitle')}>
        <p>{t('requestsWork.history.noRecordsBody')}</p>
      </Alert>
    );
  return <QueryState query={history}>{(view) => <History view={view} />}</QueryState>;
}

/**
 * /requests/:id/history — アクセス履歴 (A22-1; ADR 0003): every access to the requester's confirmed
 * records — when, who by role and section (never a name), what, which file, for what purpose — with
 * the leaf numbers and the checkpoint the inclusion proofs lead to, the downloads for the requester
 * and how to verify them independently.
 */
export function RequestHistoryPage() {
  const { id = '' } = useParams();
  return (
    <RequestWorkFrame id={id} tab="history">
      {(request) => <HistoryBody request={request} />}
    </RequestWorkFrame>
  );
}
