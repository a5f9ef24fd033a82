import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { InclusionProofView, LogEntryDetailView } from '../../../shared/api/logs.ts';
import { ApiError } from '../../app/api.ts';
import { useDates } from '../../app/preferences.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';
import { CopyButton } from './copy-button.tsx';
import { checkEntryProof, type ProofCheck } from './inclusion.ts';
import { LogNav } from './log-nav.tsx';
import { OutcomeBadge, placeOf, useEventLabel, usePurposeLabel } from './labels.tsx';
import { useEntry } from './queries.ts';

const Mono = ({ children }: { children: ReactNode }) => (
  <span className="font-mono break-all">{children}</span>
);

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-bold">{term}</dt>
      <dd className="min-w-0">{children || '—'}</dd>
    </>
  );
}

function Fields({ detail }: { detail: LogEntryDetailView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const label = useEventLabel();
  const purpose = usePurposeLabel();
  const e = detail.entry;
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
      <Row term={t('log.explorer.occurredAt')}>{dates.dateTime(e.occurredAt)}</Row>
      <Row term={t('log.explorer.kind')}>{t(`log.kind.${e.kind}`)}</Row>
      <Row term={t('log.explorer.content')}>{label(e.type)}</Row>
      <Row term={t('log.entry.type')}>
        <Mono>{e.type}</Mono>
      </Row>
      <Row term={t('log.explorer.outcome')}>
        <OutcomeBadge outcome={e.outcome} />
      </Row>
      <Row term={t('log.entry.reason')}>{e.reason}</Row>
      <Row term={t('log.explorer.actor')}>{e.actorLabel}</Row>
      <Row term={t('log.explorer.place')}>{placeOf(e)}</Row>
      <Row term={t('log.explorer.purpose')}>{purpose(e.purpose)}</Row>
      <Row term={t('log.entry.subject')}>
        {e.subjectType && (
          <Mono>
            {e.subjectType}
            {e.subjectId ? ` ${e.subjectId}` : ''}
          </Mono>
        )}
      </Row>
      <Row term={t('log.entry.ip')}>{e.ip && <Mono>{e.ip}</Mono>}</Row>
      <Row term={t('log.entry.terminal')}>{e.terminalId && <Mono>{e.terminalId}</Mono>}</Row>
      <Row term={t('log.entry.id')}>
        <Mono>{e.id}</Mono>
      </Row>
      <Row term={t('log.entry.seq')}>
        <Mono>{e.seq}</Mono>
      </Row>
      <Row term={t('log.entry.leafIndex')}>
        {e.leafIndex !== null ? <Mono>{e.leafIndex}</Mono> : t('log.entry.pending')}
      </Row>
      {e.prunedAt && <Row term={t('log.entry.prunedAt')}>{dates.dateTime(e.prunedAt)}</Row>}
    </dl>
  );
}

function Payload({ payload }: { payload: LogEntryDetailView['payload'] }) {
  const { t } = useTranslation();
  if (payload === null) return <p>{t('log.entry.payloadPruned')}</p>;
  const keys = Object.keys(payload);
  if (keys.length === 0) return <p>{t('log.entry.payloadEmpty')}</p>;
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
      {keys.map((k) => {
        const v = payload[k];
        return (
          <Row key={k} term={k}>
            {v !== null && typeof v === 'object' ? (
              <pre className="overflow-x-auto rounded bg-surface-muted p-2 text-sm">
                {JSON.stringify(v, null, 2)}
              </pre>
            ) : (
              <Mono>{typeof v === 'string' ? v : (JSON.stringify(v) ?? '')}</Mono>
            )}
          </Row>
        );
      })}
    </dl>
  );
}

type Check = { state: 'checking' } | { state: 'done'; result: ProofCheck } | { state: 'unavailable' };

/** Recomputes the leaf and walks the proof with WebCrypto (A22-2): no trust in the server's word. */
function useProofCheck(entryBytes: string, proof: InclusionProofView): Check {
  const [check, setCheck] = useState<Check>({ state: 'checking' });
  useEffect(() => {
    let live = true;
    if (!globalThis.crypto?.subtle) {
      setCheck({ state: 'unavailable' });
      return;
    }
    setCheck({ state: 'checking' });
    checkEntryProof({ entryBytes, ...proof }).then(
      (result) => live && setCheck({ state: 'done', result }),
      () => live && setCheck({ state: 'unavailable' }),
    );
    return () => {
      live = false;
    };
  }, [entryBytes, proof]);
  return check;
}

function ProofResult({ entryBytes, proof }: { entryBytes: string; proof: InclusionProofView }) {
  const { t } = useTranslation();
  const check = useProofCheck(entryBytes, proof);
  return (
    <div role="status">
      {check.state === 'checking' ? (
        <p className="my-4 text-ink-muted">{t('log.entry.checking')}</p>
      ) : check.state === 'unavailable' ? (
        <Alert tone="warning" title={t('log.entry.noCrypto')} />
      ) : check.result.ok ? (
        <Alert tone="success" title={t('log.entry.verified', { size: proof.treeSize })}>
          <p>{t('log.entry.verifiedHow')}</p>
        </Alert>
      ) : (
        <Alert tone="error" title={t('log.entry.failed')}>
          <ul className="list-disc pl-6">
            {!check.result.leafMatches && <li>{t('log.entry.leafMismatch')}</li>}
            {!check.result.pathMatches && <li>{t('log.entry.pathMismatch')}</li>}
          </ul>
        </Alert>
      )}
    </div>
  );
}

function Proof({ detail, onReload }: { detail: LogEntryDetailView; onReload: () => void }) {
  const { t } = useTranslation();
  const proof = detail.proof;
  if (!proof)
    return (
      <Alert tone="info" title={t('log.entry.pending')}>
        <p>{t('log.entry.pendingText')}</p>
        <button type="button" className="btn-secondary btn-sm mt-3" onClick={onReload}>
          {t('log.entry.reload')}
        </button>
      </Alert>
    );
  return (
    <>
      <p className="mb-2">{t('log.entry.proofLead')}</p>
      <ProofResult entryBytes={detail.entryBytes} proof={proof} />
      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
        <Row term={t('log.entry.leafIndex')}>
          <Mono>{proof.leafIndex}</Mono>
        </Row>
        <Row term={t('log.entry.treeSize')}>
          <Mono>{proof.treeSize}</Mono>
        </Row>
        <Row term={t('log.entry.leafHash')}>
          <Mono>{proof.leafHash}</Mono>
        </Row>
        <Row term={t('log.entry.proofHashes')}>
          {proof.proof.length === 0 ? (
            t('log.entry.noProofHashes')
          ) : (
            <ol className="list-decimal pl-6">
              {proof.proof.map((h, i) => (
                <li key={i}>
                  <Mono>{h}</Mono>
                </li>
              ))}
            </ol>
          )}
        </Row>
        <Row term={t('log.entry.rootHash')}>
          <Mono>{proof.rootHash}</Mono>
        </Row>
        <Row term={t('log.entry.entryBytes')}>
          <details>
            <summary className="cursor-pointer">{t('log.entry.show')}</summary>
            <Mono>{detail.entryBytes}</Mono>
          </details>
        </Row>
      </dl>
      <h3 className="mt-6 mb-2 text-xl">{t('log.entry.checkpoint')}</h3>
      <pre className="mb-2 overflow-x-auto rounded-lg border border-line-soft bg-surface-muted p-4 text-sm">
        {proof.checkpoint}
      </pre>
      <CopyButton text={proof.checkpoint} label={t('log.entry.checkpoint')} />
    </>
  );
}

/** 記録の詳細 (A22): every field, the details, and the inclusion proof checked in this browser. */
export function LogEntryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const entry = useEntry(id);
  const crumbs = [{ label: t('log.explorer.title'), to: '/logs' }, { label: t('log.entry.title') }];
  return (
    <Page title={t('log.entry.title')} crumbs={crumbs}>
      <LogNav />
      {entry.isPending ? (
        <Loading />
      ) : entry.isError ? (
        entry.error instanceof ApiError && entry.error.status === 404 ? (
          <div role="alert">
            <Alert tone="error" title={t('log.entry.notFound')}>
              <Link to="/logs">{t('log.entry.back')}</Link>
            </Alert>
          </div>
        ) : (
          <QueryError error={entry.error} onRetry={() => void entry.refetch()} />
        )
      ) : (
        <>
          <Section title={t('log.entry.fields')}>
            <Fields detail={entry.data} />
          </Section>
          <Section title={t('log.entry.payload')}>
            <Payload payload={entry.data.payload} />
          </Section>
          <Section title={t('log.entry.proof')}>
            <Proof detail={entry.data} onReload={() => void entry.refetch()} />
          </Section>
        </>
      )}
    </Page>
  );
}
