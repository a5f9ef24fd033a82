import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApprovalView } from '../../../../shared/api/approvals.ts';
import type { DisposalView } from '../../../../shared/api/handling-disposal.ts';
import { errorMessage } from '../../../app/api.ts';
import { useDates, usePreferences } from '../../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../../ui/alert.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { certificateUrl, useDisposals, useExecuteDisposal, useReadyDisposals } from './queries.ts';

interface ReadyPayload {
  method?: string;
  witnessId?: string;
  witnessName?: string;
  plannedOn?: string;
  records?: number;
  retentionException?: { reason: string } | null;
}

/** What a request disposes of, in words. */
function useWhat() {
  const { t } = useTranslation();
  return (r: ApprovalView) => {
    const p = r.payload as ReadyPayload;
    if (r.kind === 'dispose_medium') return t('disposal.kinds.dispose_medium');
    const n = r.recordIds?.length ?? p.records ?? 0;
    return `${r.fileName ?? ''} — ${r.kind === 'dispose_file' ? t('disposal.kinds.file') : t('disposal.ready.records', { count: n })}`;
  };
}

/** The execute step (A15): an approved request, carried out with the witness confirmed present. */
function ReadyCard({
  request,
  witnessName,
  onDone,
}: {
  request: ApprovalView;
  witnessName: string;
  onDone: (d: DisposalView) => void;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const dates = useDates();
  const what = useWhat();
  const execute = useExecuteDisposal();
  const [present, setPresent] = useState(false);
  const [missing, setMissing] = useState(false);
  const checkId = useId();
  const p = request.payload as ReadyPayload;
  return (
    <article className="card mb-6" aria-labelledby={`${checkId}-h`}>
      <h3 id={`${checkId}-h`} className="mb-3 text-xl">
        {t(`disposal.kinds.${request.kind}` as 'disposal.kinds.dispose_records')}{' '}
        <Link to={`/approvals/${request.id}`} className="font-mono">
          {request.number}
        </Link>
      </h3>
      <dl className="mb-4 grid gap-x-6 gap-y-1 sm:grid-cols-[minmax(10rem,auto)_1fr]">
        <dt className="font-bold">{t('disposal.ready.what')}</dt>
        <dd>{what(request)}</dd>
        <dt className="font-bold">{t('disposal.list.method')}</dt>
        <dd>{p.method ? t(`disposal.methods.${p.method}` as 'disposal.methods.shredding') : '－'}</dd>
        <dt className="font-bold">{t('disposal.ready.witness')}</dt>
        <dd>{witnessName}</dd>
        <dt className="font-bold">{t('disposal.ready.planned')}</dt>
        <dd>{dates.date(p.plannedOn)}</dd>
        <dt className="font-bold">{t('disposal.ready.useBy')}</dt>
        <dd>{dates.dateTime(request.expiresAt)}</dd>
      </dl>
      {p.retentionException && <Alert tone="warning" title={t('disposal.list.exception')} />}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!present) {
            setMissing(true);
            return;
          }
          // The card leaves the list once done: the promise (not mutate's callbacks) outlives it.
          execute
            .mutateAsync({ requestId: request.id, witnessPresent: true })
            .then(onDone)
            .catch(() => undefined); // shown from execute.error
        }}
      >
        {missing && !present && (
          <p id={`${checkId}-error`} className="mb-1 font-bold text-error">
            <span aria-hidden="true">⚠ </span>
            {t('disposal.ready.confirmRequired')}
          </p>
        )}
        <div className="mb-4 flex items-start gap-3">
          <input
            id={checkId}
            type="checkbox"
            className="mt-1 size-6 accent-primary"
            checked={present}
            onChange={(e) => setPresent(e.target.checked)}
            aria-describedby={`${checkId}-help${missing && !present ? ` ${checkId}-error` : ''}`}
          />
          <div>
            <label htmlFor={checkId} className="font-bold">
              {t('disposal.ready.confirm', { name: witnessName })}
            </label>
            <p id={`${checkId}-help`} className="text-sm text-ink-muted">
              {t('disposal.ready.confirmHelp')}
            </p>
          </div>
        </div>
        <LiveRegion assertive>
          {execute.error && <Alert tone="error" title={errorMessage(execute.error, locale)} />}
        </LiveRegion>
        <button type="submit" className="btn-danger" disabled={execute.isPending}>
          {execute.isPending ? t('disposal.ready.executing') : t('disposal.ready.execute')}
        </button>
      </form>
    </article>
  );
}

function DisposalTable({ disposals }: { disposals: DisposalView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('disposal.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('disposal.list.number')}</th>
            <th scope="col">{t('disposal.list.what')}</th>
            <th scope="col">{t('disposal.list.method')}</th>
            <th scope="col">{t('disposal.list.executedAt')}</th>
            <th scope="col">{t('disposal.list.executedBy')}</th>
            <th scope="col">{t('disposal.list.approvedBy')}</th>
            <th scope="col">{t('disposal.list.witness')}</th>
            <th scope="col">{t('disposal.list.certificate')}</th>
          </tr>
        </thead>
        <tbody>
          {disposals.map((d) => (
            <tr key={d.id}>
              <th scope="row" className="whitespace-nowrap font-mono">
                {d.number}
              </th>
              <td className="min-w-48">
                <span className="font-bold">{t(`disposal.kinds.${d.kind}`)}</span>
                <br />
                {d.kind === 'medium'
                  ? d.mediumLabel
                  : `${d.fileName ?? ''}（${t('disposal.list.records', { count: d.records })}）`}
                <br />
                <span className="text-sm text-ink-muted">{d.sectionName}</span>
                {d.retentionException && (
                  <>
                    <br />
                    <span className="badge border-warning bg-warning-soft text-warning">
                      {t('disposal.list.exception')}
                    </span>
                  </>
                )}
              </td>
              <td className="min-w-40">
                {t(`disposal.methods.${d.method}` as 'disposal.methods.shredding')}
              </td>
              <td className="whitespace-nowrap">{dates.dateTime(d.executedAt)}</td>
              <td className="whitespace-nowrap">{d.executedByName}</td>
              <td className="whitespace-nowrap">
                {d.approvedByName}
                {d.actingForName && (
                  <>
                    <br />
                    <span className="text-sm">{t('disposal.list.actingFor', { name: d.actingForName })}</span>
                  </>
                )}
              </td>
              <td className="whitespace-nowrap">{d.witnessName}</td>
              <td>
                <a
                  href={certificateUrl(d.id)}
                  download={`${d.number}.pdf`}
                  aria-label={t('disposal.list.downloadLabel', { number: d.number })}
                >
                  {t('disposal.list.download')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /handling/disposals (A15): approved disposals to carry out, and the disposals with their certificates. */
export function DisposalsPage() {
  const { t } = useTranslation();
  const ready = useReadyDisposals();
  const disposals = useDisposals();
  const [done, setDone] = useState<DisposalView | null>(null);
  return (
    <Page
      title={t('disposal.title')}
      lead={<p>{t('disposal.lead')}</p>}
      actions={
        <Link to="/approvals?box=mine" className="btn-secondary">
          {t('disposal.myRequests')}
        </Link>
      }
    >
      <LiveRegion>
        {done && (
          <Alert tone="success" title={t('disposal.ready.done')}>
            <p>
              <a href={certificateUrl(done.id)} download={`${done.number}.pdf`}>
                {t('disposal.list.downloadLabel', { number: done.number })}
              </a>
            </p>
          </Alert>
        )}
      </LiveRegion>
      <Section title={t('disposal.ready.title')}>
        <p className="mb-4 max-w-3xl">{t('disposal.ready.lead')}</p>
        <QueryState query={ready}>
          {({ requests }) =>
            requests.length === 0 ? (
              <p role="status" className="card">
                {t('disposal.ready.empty')}
              </p>
            ) : (
              requests.map((r) => (
                <ReadyCard
                  key={r.id}
                  request={r}
                  witnessName={(r.payload as ReadyPayload).witnessName ?? ''}
                  onDone={setDone}
                />
              ))
            )
          }
        </QueryState>
      </Section>
      <Section title={t('disposal.list.title')}>
        <QueryState query={disposals}>
          {({ disposals: list }) =>
            list.length === 0 ? (
              <p role="status" className="card">
                {t('disposal.list.empty')}
              </p>
            ) : (
              <DisposalTable disposals={list} />
            )
          }
        </QueryState>
      </Section>
    </Page>
  );
}
