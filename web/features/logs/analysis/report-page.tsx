import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../../app/ability.ts';
import type { ReportView } from '../../../../shared/api/log-analysis.ts';
import { errorMessage } from '../../../app/api.ts';
import { useDates, usePreferences } from '../../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../../ui/alert.tsx';
import { Page } from '../../../ui/page.tsx';
import { LogNav } from '../log-nav.tsx';
import { Loading, QueryError } from '../../../ui/query-state.tsx';
import { FindingDetail, ReportState, scopeName, usePeriod } from './labels.tsx';
import { useReport, useSignOff } from './queries.ts';

/** The sign-off of the responsible manager (A22-1), or who signed off and what they wrote. */
function SignOff({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const dates = useDates();
  const signOff = useSignOff();
  const id = useId();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState(false);
  if (report.signedOffAt)
    return (
      <section className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="mb-2 text-xl">
          {t('logAnalysis.report.signOff')}
        </h2>
        <LiveRegion>{done && <Alert tone="success" title={t('logAnalysis.report.signedOff')} />}</LiveRegion>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-bold">{t('logAnalysis.report.signedBy')}</dt>
          <dd>{report.signedOffBy?.name ?? t('logAnalysis.report.unknownPerson')}</dd>
          <dt className="font-bold">{t('logAnalysis.report.signedAt')}</dt>
          <dd>{dates.dateTime(report.signedOffAt)}</dd>
          <dt className="font-bold">{t('logAnalysis.report.comment')}</dt>
          <dd className="whitespace-pre-wrap">{report.signOffComment}</dd>
        </dl>
      </section>
    );
  if (!report.canSignOff) return <p>{t('logAnalysis.report.notYours')}</p>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!comment.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    signOff.mutate({ id: report.id, comment: comment.trim() }, { onSuccess: () => setDone(true) });
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mb-2 text-xl">
        {t('logAnalysis.report.signOff')}
      </h2>
      <p className="mb-4">{t('logAnalysis.report.signOffIntro')}</p>
      {signOff.isError && <Alert tone="error" title={errorMessage(signOff.error, locale)} />}
      <form onSubmit={submit} noValidate>
        <label htmlFor={`${id}-comment`} className="label">
          {t('logAnalysis.report.comment')}
        </label>
        {missing && (
          <p id={`${id}-error`} className="mb-1 font-bold text-error">
            <span aria-hidden="true">⚠ </span>
            {t('logAnalysis.report.commentRequired')}
          </p>
        )}
        <textarea
          id={`${id}-comment`}
          className="input mb-3 min-h-24"
          value={comment}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-error` : undefined}
          onChange={(e) => setComment(e.target.value)}
        />
        <button type="submit" className="btn-primary" disabled={signOff.isPending}>
          {t('logAnalysis.report.submit')}
        </button>
      </form>
    </section>
  );
}

function ReportBody({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  // A finding names its entries; the explorer shows them to those who may read the log (A22).
  const canReadEntries = useCan()('read', 'LogEntry');
  const dates = useDates();
  const period = usePeriod();
  return (
    <>
      {report.overdue && <Alert tone="warning" title={t('logAnalysis.report.overdue')} />}
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-bold">{t('logAnalysis.report.scope')}</dt>
        <dd>{scopeName(report)}</dd>
        <dt className="font-bold">{t('logAnalysis.report.period')}</dt>
        <dd>{`${period(report)}（${t(`logAnalysis.trigger.${report.trigger}`)}）`}</dd>
        <dt className="font-bold">{t('logAnalysis.report.createdAt')}</dt>
        <dd>{dates.dateTime(report.createdAt)}</dd>
        <dt className="font-bold">{t('logAnalysis.report.entries')}</dt>
        <dd>{t('logAnalysis.report.entryCount', { count: report.entryCount })}</dd>
        <dt className="font-bold">{t('logAnalysis.list.state')}</dt>
        <dd>
          <ReportState report={report} />
        </dd>
      </dl>
      <h2 className="mb-2 text-xl">{t('logAnalysis.report.findings')}</h2>
      {report.findings.length === 0 ? (
        <p className="mb-6">{t('logAnalysis.report.noFindings')}</p>
      ) : (
        <table className="data-table mb-8">
          <thead>
            <tr>
              <th scope="col">{t('logAnalysis.report.rule')}</th>
              <th scope="col">{t('logAnalysis.report.person')}</th>
              <th scope="col">{t('logAnalysis.report.detail')}</th>
              <th scope="col">{t('logAnalysis.report.when')}</th>
            </tr>
          </thead>
          <tbody>
            {report.findings.map((f) => (
              <tr key={f.id}>
                <th scope="row">{t(`logAnalysis.rule.${f.rule}`)}</th>
                <td>
                  {f.actor
                    ? `${f.actor.name}（${f.actor.employeeNumber}）`
                    : t('logAnalysis.report.unknownPerson')}
                </td>
                <td>
                  <FindingDetail finding={f} />
                  {canReadEntries && f.entryIds[0] && (
                    <Link className="block" to={`/logs/entries/${f.entryIds[0]}`}>
                      {t('logAnalysis.report.firstEntry')}
                    </Link>
                  )}
                </td>
                <td>
                  {f.firstAt && dates.dateTime(f.firstAt)}
                  {f.lastAt && f.lastAt !== f.firstAt && (
                    <span className="block">{`〜 ${dates.dateTime(f.lastAt)}`}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SignOff report={report} />
    </>
  );
}

/** /logs/analysis/:id — one report, its findings and its sign-off (A22-1). */
export function AnalysisReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const report = useReport(id);
  return (
    <Page
      title={t('logAnalysis.report.title')}
      crumbs={[
        { label: t('logAnalysis.report.back'), to: '/logs/analysis' },
        { label: t('logAnalysis.report.title') },
      ]}
    >
      <LogNav />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <ReportBody report={report.data} />
      )}
    </Page>
  );
}
