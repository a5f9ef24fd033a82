import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogStatusView, VerificationView, WitnessStatusView } from '../../../shared/api/logs.ts';
import { errorMessage } from '../../app/api.ts';
import { useCan } from '../../app/ability.ts';
import { useDates, usePreferences } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { CopyButton } from './copy-button.tsx';
import { LogNav } from './log-nav.tsx';
import { useLogStatus, usePrune, useSetRetention, useVerify } from './queries.ts';

/** A sequencer failure this recent (or newer than its last good run) is shown as an alert. */
const RECENT_MS = 15 * 60_000;

const Mono = ({ children }: { children: ReactNode }) => (
  <span className="font-mono break-all">{children}</span>
);

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-bold">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}

type WitnessState = 'current' | 'behind' | 'unconfigured' | 'failed';
export function witnessState(w: WitnessStatusView): WitnessState {
  if (!w.configured) return 'unconfigured';
  if (w.failedAt && (!w.witnessedAt || w.failedAt >= w.witnessedAt)) return 'failed';
  return w.current ? 'current' : 'behind';
}
const stateTone: Record<WitnessState, string> = {
  current: 'border-success text-success',
  behind: 'border-warning text-ink-strong',
  unconfigured: 'border-line text-ink-muted',
  failed: 'border-error text-error',
};

function Health({ status }: { status: LogStatusView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const { lastFailureAt, lastRunAt } = status.sequencer;
  const sequencerFailing =
    lastFailureAt !== null &&
    (lastRunAt === null || lastFailureAt >= lastRunAt || Date.now() - Date.parse(lastFailureAt) < RECENT_MS);
  return (
    <>
      {status.writer.failing && (
        <div role="alert">
          <Alert tone="error" title={t('log.status.writerFailing')}>
            <p>{t('log.status.writerFailingText', { at: dates.dateTime(status.writer.lastFailureAt) })}</p>
          </Alert>
        </div>
      )}
      {sequencerFailing && (
        <div role="alert">
          <Alert tone="error" title={t('log.status.sequencerFailing')}>
            <p>{t('log.status.sequencerFailingText', { at: dates.dateTime(lastFailureAt) })}</p>
          </Alert>
        </div>
      )}
    </>
  );
}

function Checkpoint({ status }: { status: LogStatusView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const latest = status.latest;
  return (
    <Section title={t('log.status.checkpoint')}>
      {!latest ? (
        <p>{t('log.status.noCheckpoint')}</p>
      ) : (
        <>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
            <Row term={t('log.status.treeSize')}>
              <Mono>{latest.treeSize.toLocaleString()}</Mono>
            </Row>
            <Row term={t('log.status.issuedAt')}>{dates.dateTime(latest.issuedAt)}</Row>
            <Row term={t('log.status.rootHash')}>
              <Mono>{latest.rootHash}</Mono>
            </Row>
            <Row term={t('log.status.origin')}>
              <Mono>{status.origin}</Mono>
            </Row>
            <Row term={t('log.status.pending')}>
              {t('log.status.pendingCount', { count: status.pending })}
            </Row>
            <Row term={t('log.status.sequencerRun')}>{dates.dateTime(status.sequencer.lastRunAt) || '—'}</Row>
          </dl>
          <h3 className="mt-6 mb-2 text-xl">{t('log.status.note')}</h3>
          <pre className="mb-2 overflow-x-auto rounded-lg border border-line-soft bg-surface-muted p-4 text-sm">
            {latest.note}
          </pre>
          <CopyButton text={latest.note} label={t('log.status.note')} />
        </>
      )}
      <h3 className="mt-6 mb-2 text-xl">{t('log.status.key')}</h3>
      <p className="mb-2 text-sm text-ink-muted">{t('log.status.keyHelp')}</p>
      <pre className="mb-2 overflow-x-auto rounded-lg border border-line-soft bg-surface-muted p-4 text-sm">
        {status.verifierKey}
      </pre>
      <CopyButton text={status.verifierKey} label={t('log.status.key')} />
    </Section>
  );
}

function Witnesses({ witnesses }: { witnesses: WitnessStatusView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <Section title={t('log.status.witnesses')}>
      <p className="mb-4 max-w-3xl">{t('log.status.witnessesLead')}</p>
      {witnesses.length === 0 ? (
        <p>{t('log.status.noWitnesses')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t('log.status.witnessesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('log.status.witnessName')}</th>
                <th scope="col">{t('log.status.witnessKind')}</th>
                <th scope="col">{t('log.status.witnessState')}</th>
                <th scope="col">{t('log.status.witnessSize')}</th>
                <th scope="col">{t('log.status.witnessAt')}</th>
                <th scope="col">{t('log.status.witnessFailure')}</th>
              </tr>
            </thead>
            <tbody>
              {witnesses.map((w) => {
                const state = witnessState(w);
                return (
                  <tr key={`${w.kind}-${w.name}`}>
                    <td>{w.name}</td>
                    <td>{t(`log.status.witnessKinds.${w.kind}`)}</td>
                    <td>
                      <span className={`badge ${stateTone[state]}`}>{t(`log.status.state.${state}`)}</span>
                    </td>
                    <td className="text-right font-mono">{w.treeSize ?? '—'}</td>
                    <td>{dates.dateTime(w.witnessedAt) || '—'}</td>
                    <td>
                      {w.failedAt ? (
                        <>
                          <span className="block">{dates.dateTime(w.failedAt)}</span>
                          {w.failure && <span className="block text-sm text-error">{w.failure}</span>}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

const validDays = (v: string) => /^\d+$/.test(v) && Number(v) >= 365 && Number(v) <= 36500;

function Retention({ status }: { status: LogStatusView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const can = useCan();
  const id = useId();
  const save = useSetRetention();
  const [access, setAccess] = useState(String(status.retention.accessDays));
  const [audit, setAudit] = useState(String(status.retention.auditDays));
  const [tried, setTried] = useState(false);
  const editable = can('update', 'LogRetention');
  const years = (d: number) => (Math.round((d / 365.25) * 10) / 10).toString();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!validDays(access) || !validDays(audit)) return;
    save.mutate({ accessDays: Number(access), auditDays: Number(audit) });
  };
  const input = (key: 'access' | 'audit', value: string, set: (v: string) => void, label: string) => {
    const bad = tried && !validDays(value);
    return (
      <div className="min-w-56">
        <label htmlFor={`${id}-${key}`} className="label mb-1">
          {label}
        </label>
        <p id={`${id}-${key}-help`} className="mb-1 text-sm text-ink-muted">
          {t('log.status.daysHelp')}
        </p>
        {bad && (
          <p id={`${id}-${key}-error`} className="mb-1 font-bold text-error">
            <span aria-hidden="true">⚠ </span>
            {t('log.status.daysInvalid')}
          </p>
        )}
        <input
          id={`${id}-${key}`}
          type="text"
          inputMode="numeric"
          className="input max-w-40"
          value={value}
          onChange={(e) => set(e.target.value)}
          aria-invalid={bad || undefined}
          aria-describedby={`${id}-${key}-help${bad ? ` ${id}-${key}-error` : ''}`}
        />
      </div>
    );
  };
  return (
    <Section title={t('log.status.retention')}>
      <p className="mb-4 max-w-3xl">{t('log.status.retentionLead')}</p>
      {editable ? (
        <form noValidate onSubmit={submit} className="card">
          <LiveRegion>
            {save.isError && <Alert tone="error" title={errorMessage(save.error, locale)} />}
            {save.isSuccess && <Alert tone="success" title={t('log.status.saved')} />}
          </LiveRegion>
          <div className="flex flex-wrap gap-6">
            {input('access', access, setAccess, t('log.status.accessDays'))}
            {input('audit', audit, setAudit, t('log.status.auditDays'))}
          </div>
          <button type="submit" className="btn-primary mt-6" disabled={save.isPending}>
            {t('log.status.save')}
          </button>
        </form>
      ) : (
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
          <Row term={t('log.status.accessDays')}>
            {t('log.status.daysValue', {
              days: status.retention.accessDays,
              years: years(status.retention.accessDays),
            })}
          </Row>
          <Row term={t('log.status.auditDays')}>
            {t('log.status.daysValue', {
              days: status.retention.auditDays,
              years: years(status.retention.auditDays),
            })}
          </Row>
        </dl>
      )}
    </Section>
  );
}

function VerificationResult({ v }: { v: VerificationView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const facts = t('log.status.verifyFacts', {
    at: dates.dateTime(v.at),
    size: v.treeSize,
    leaves: v.leavesChecked,
    checkpoints: v.checkpointsChecked,
    pending: v.pending,
    seconds: v.seconds.toFixed(2),
  });
  return v.ok ? (
    <Alert tone="success" title={t('log.status.verifiedOk')}>
      <p>{facts}</p>
    </Alert>
  ) : (
    <Alert tone="error" title={t('log.status.verifiedNg')}>
      <p>{facts}</p>
      <h3 className="mt-2 font-bold">{t('log.status.problems')}</h3>
      <ul className="list-disc pl-6">
        {v.problems.map((p, i) => (
          <li key={i}>
            <span className="font-mono">{p.kind}</span>: {p.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function Verification({ status }: { status: LogStatusView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const can = useCan();
  const verify = useVerify();
  const shown = verify.data ?? status.lastVerification;
  return (
    <Section title={t('log.status.verify')}>
      <p className="mb-4 max-w-3xl">{t('log.status.verifyLead')}</p>
      {can('verify', 'LogStatus') && (
        <button
          type="button"
          className="btn-primary"
          disabled={verify.isPending}
          onClick={() => verify.mutate()}
        >
          {verify.isPending ? t('log.status.verifying') : t('log.status.verifyNow')}
        </button>
      )}
      <LiveRegion>
        {verify.isError && <Alert tone="error" title={errorMessage(verify.error, locale)} />}
      </LiveRegion>
      <h3 className="mt-6 mb-2 text-xl">{t('log.status.lastVerification')}</h3>
      <LiveRegion>
        {shown ? <VerificationResult v={shown} /> : <p>{t('log.status.noVerification')}</p>}
      </LiveRegion>
    </Section>
  );
}

function Prune({ status }: { status: LogStatusView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const prune = usePrune();
  const [open, setOpen] = useState(false);
  return (
    <Section title={t('log.status.prune')}>
      <p className="mb-4 max-w-3xl">{t('log.status.pruneLead')}</p>
      <button type="button" className="btn-danger" onClick={() => setOpen(true)}>
        {t('log.status.pruneButton')}
      </button>
      <LiveRegion>
        {prune.isError && <Alert tone="error" title={errorMessage(prune.error, locale)} />}
        {prune.data && (
          <Alert
            tone="success"
            title={t('log.status.pruned', {
              access: prune.data.access.pruned,
              audit: prune.data.audit.pruned,
            })}
          />
        )}
      </LiveRegion>
      <Dialog open={open} title={t('log.status.pruneTitle')} onClose={() => setOpen(false)}>
        <p className="mb-6">
          {t('log.status.pruneConfirmText', {
            accessDays: status.retention.accessDays,
            auditDays: status.retention.auditDays,
          })}
        </p>
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            className="btn-danger"
            disabled={prune.isPending}
            onClick={() => prune.mutate(undefined, { onSettled: () => setOpen(false) })}
          >
            {t('log.status.pruneConfirm')}
          </button>
          <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
            {t('log.status.pruneCancel')}
          </button>
        </div>
      </Dialog>
    </Section>
  );
}

/** 記録の保全状況 (A22-2): checkpoint, key, witnesses, retention (A22-1), verification and pruning. */
export function LogStatusPage() {
  const { t } = useTranslation();
  const can = useCan();
  const status = useLogStatus();
  return (
    <Page title={t('log.status.title')} lead={<p>{t('log.status.lead')}</p>}>
      <LogNav />
      <QueryState query={status}>
        {(s) => (
          <>
            <Health status={s} />
            <Checkpoint status={s} />
            <Witnesses witnesses={s.witnesses} />
            <Verification status={s} />
            <Retention status={s} />
            {can('prune', 'LogStatus') && <Prune status={s} />}
          </>
        )}
      </QueryState>
    </Page>
  );
}
