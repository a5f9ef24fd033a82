import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupRunView } from '../../../../shared/api/facility-backups.ts';
import { useDates } from '../../../app/preferences.tsx';
import { LiveRegion } from '../../../ui/alert.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Section } from '../../../ui/page.tsx';
import { RunStatusBadge, formatBytes } from './labels.tsx';

/** The archive's SHA-256 shortened, with a button that copies the whole value. */
function Sha({ value }: { value: string | null }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  if (!value) return <>－</>;
  const copy = () =>
    void navigator.clipboard
      ?.writeText(value)
      .then(() => setCopied(true))
      .catch(() => undefined);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <code className="font-mono text-sm" title={value}>
        {`${value.slice(0, 12)}…`}
      </code>
      <button
        type="button"
        className="btn-secondary btn-sm"
        aria-label={t('facilityBackups.runs.copyLabel')}
        onClick={copy}
      >
        {t('facilityBackups.runs.copy')}
      </button>
      <LiveRegion>{copied && <span className="text-sm">{t('facilityBackups.runs.copied')}</span>}</LiveRegion>
    </span>
  );
}

function RunRow({ run }: { run: BackupRunView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <tr>
      <th scope="row" className="whitespace-nowrap font-normal">
        {dates.dateTime(run.startedAt)}
      </th>
      <td className="whitespace-nowrap">
        {t(`facilityBackups.triggers.${run.trigger}`)}
        {run.startedBy && <span className="block text-sm text-ink-muted">{run.startedBy.name}</span>}
      </td>
      <td>
        <RunStatusBadge status={run.status} />
        {run.error && (
          <span className="block text-sm text-ink-muted">
            {t('facilityBackups.runs.error', { code: run.error })}
          </span>
        )}
      </td>
      <td className="whitespace-nowrap tabular-nums">
        {formatBytes(run.bytes)}
        {run.tables !== null && run.rows !== null && (
          <span className="block text-sm text-ink-muted">
            {t('facilityBackups.runs.rows', { tables: run.tables, rows: run.rows.toLocaleString() })}
          </span>
        )}
      </td>
      <td>
        <Sha value={run.sha256} />
      </td>
      <td>
        <ul className="grid gap-1">
          {run.destinations.map((d) => (
            <li key={d.location} className="text-sm">
              <span className="mr-2 font-mono break-all">{d.location}</span>
              {d.ok ? (
                <Badge tone="good">{t('facilityBackups.runs.ok')}</Badge>
              ) : (
                <>
                  <Badge tone="bad">{t('facilityBackups.runs.failed')}</Badge>
                  {d.error && <span className="ml-2 font-mono">{d.error}</span>}
                </>
              )}
            </li>
          ))}
        </ul>
        {run.pruned.length > 0 && (
          <p className="mt-1 text-sm text-ink-muted">
            {t('facilityBackups.runs.pruned', { count: run.pruned.length })}
          </p>
        )}
      </td>
    </tr>
  );
}

/** A27: the latest backups, each with its checksum and the outcome at every destination. */
export function RunsSection({ runs, pager }: { runs: BackupRunView[]; pager: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Section title={t('facilityBackups.runs.title')}>
      {runs.length === 0 ? (
        <p className="card">{t('facilityBackups.runs.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t('facilityBackups.runs.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('facilityBackups.runs.startedAt')}</th>
                <th scope="col" className="whitespace-nowrap">
                  {t('facilityBackups.runs.trigger')}
                </th>
                <th scope="col">{t('facilityBackups.runs.status')}</th>
                <th scope="col">{t('facilityBackups.runs.size')}</th>
                <th scope="col">{t('facilityBackups.runs.sha256')}</th>
                <th scope="col">{t('facilityBackups.runs.destinations')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <RunRow key={r.id} run={r} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pager}
    </Section>
  );
}
