import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../app/api.ts';
import { useDates, usePreferences } from '../../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../../ui/alert.tsx';
import { Page } from '../../../ui/page.tsx';
import { LogNav } from '../log-nav.tsx';
import { Loading, QueryError } from '../../../ui/query-state.tsx';
import { ReportState, scopeName, usePeriod } from './labels.tsx';
import { useReports, useRunAnalysis, useScopes } from './queries.ts';

/** Today and seven days before it, as Tokyo days (the default period of an on-demand analysis). */
function lastWeek(): { fromDay: string; toDay: string } {
  const day = (d: Date) => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
  const now = new Date();
  return { fromDay: day(new Date(now.getTime() - 7 * 86_400_000)), toDay: day(now) };
}

/** The on-demand analysis (A22-1 「随時」): a unit or section the caller may analyse, and a period. */
function RunForm() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const navigate = useNavigate();
  const scopes = useScopes();
  const run = useRunAnalysis();
  const id = useId();
  const [scope, setScope] = useState('');
  const [period, setPeriod] = useState(lastWeek);
  if (scopes.isPending) return <Loading />;
  if (scopes.isError) return null; // someone who may not analyse sees the reports only
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = scopes.data.find((s) => `${s.unitId}|${s.sectionId ?? ''}` === scope);
    if (!chosen) return;
    run.mutate(
      chosen.sectionId
        ? { scopeKind: 'section', sectionId: chosen.sectionId, ...period }
        : { scopeKind: 'unit', unitId: chosen.unitId, ...period },
      {
        onSuccess: (r) =>
          void navigate(`/logs/analysis/${r.id}`, { state: { notice: t('logAnalysis.run.done') } }),
      },
    );
  };
  return (
    <section className="card mb-8" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mb-4 text-xl">
        {t('logAnalysis.run.title')}
      </h2>
      {run.isError && <Alert tone="error" title={errorMessage(run.error, locale)} />}
      <form className="grid gap-4 md:grid-cols-[2fr_1fr_1fr_auto] md:items-end" onSubmit={submit}>
        <div>
          <label htmlFor={`${id}-scope`} className="label">
            {t('logAnalysis.run.scope')}
          </label>
          <select
            id={`${id}-scope`}
            className="input"
            required
            value={scope}
            onChange={(e) => setScope(e.target.value)}
          >
            <option value="">{t('logAnalysis.run.choose')}</option>
            {scopes.data.map((s) => (
              <option key={`${s.unitId}|${s.sectionId ?? ''}`} value={`${s.unitId}|${s.sectionId ?? ''}`}>
                {s.sectionName
                  ? `${s.unitName} ${s.sectionName}`
                  : t('logAnalysis.run.unitScope', { unit: s.unitName })}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-from`} className="label">
            {t('logAnalysis.run.fromDay')}
          </label>
          <input
            id={`${id}-from`}
            type="date"
            className="input"
            required
            value={period.fromDay}
            onChange={(e) => setPeriod({ ...period, fromDay: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor={`${id}-to`} className="label">
            {t('logAnalysis.run.toDay')}
          </label>
          <input
            id={`${id}-to`}
            type="date"
            className="input"
            required
            value={period.toDay}
            onChange={(e) => setPeriod({ ...period, toDay: e.target.value })}
          />
        </div>
        <button type="submit" className="btn-primary" disabled={run.isPending}>
          {run.isPending ? t('logAnalysis.run.running') : t('logAnalysis.run.submit')}
        </button>
      </form>
    </section>
  );
}

const STATUSES = ['unsigned', 'signed', 'all'] as const;

/** /logs/analysis: the analysis reports the caller may read, and the on-demand analysis. */
export function AnalysisReportsPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const period = usePeriod();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('unsigned');
  const reports = useReports(status);
  return (
    <Page title={t('logAnalysis.list.title')} lead={<p>{t('logAnalysis.list.intro')}</p>}>
      <LogNav />
      <RunForm />
      <fieldset className="mb-4 flex flex-wrap gap-4">
        <legend className="label">{t('logAnalysis.list.status')}</legend>
        {STATUSES.map((s) => (
          <label key={s} className="flex items-center gap-2">
            <input
              type="radio"
              name="status"
              value={s}
              checked={status === s}
              onChange={() => setStatus(s)}
            />
            {t(`logAnalysis.list.${s}`)}
          </label>
        ))}
      </fieldset>
      <LiveRegion>
        {reports.isPending ? (
          <Loading />
        ) : reports.isError ? (
          <QueryError error={reports.error} onRetry={() => void reports.refetch()} />
        ) : reports.data.length === 0 ? (
          <p>{t('logAnalysis.list.empty')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('logAnalysis.list.scope')}</th>
                <th scope="col">{t('logAnalysis.list.period')}</th>
                <th scope="col">{t('logAnalysis.list.trigger')}</th>
                <th scope="col">{t('logAnalysis.list.findings')}</th>
                <th scope="col">{t('logAnalysis.list.state')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.data.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/logs/analysis/${r.id}`}>{scopeName(r)}</Link>
                  </td>
                  <td>{period(r)}</td>
                  <td>
                    {t(`logAnalysis.trigger.${r.trigger}`)}
                    <span className="block text-sm text-ink-muted">{dates.dateTime(r.createdAt)}</span>
                  </td>
                  <td>{t('logAnalysis.list.findingCount', { count: r.findingCount })}</td>
                  <td>
                    <ReportState report={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LiveRegion>
    </Page>
  );
}
