import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BackupRunView, RestoreTestView } from '../../../../shared/api/facility-backups.ts';
import { Alert, LiveRegion } from '../../../ui/alert.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { formatBytes } from './labels.tsx';
import { KEY, useRestoreTest, useRun, useStart } from './queries.ts';

/**
 * A bar that pulses while the server works (it cannot say how far it is), with the seconds so far
 * in words (a screen reader gets them from the bar's aria-valuetext).
 */
function Progress({ label }: { label: string }) {
  const { t } = useTranslation();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const elapsed = t('facilityBackups.actions.elapsed', { seconds });
  return (
    <div className="my-4 card">
      <p className="mb-2 font-bold text-ink-strong">{label}</p>
      <div
        role="progressbar"
        aria-label={t('facilityBackups.actions.progress')}
        aria-valuetext={elapsed}
        className="h-4 w-full overflow-hidden rounded-full bg-primary-soft"
      >
        <div className="h-full w-full animate-pulse rounded-full bg-primary" />
      </div>
      <p className="mt-2 text-sm text-ink-muted tabular-nums">{elapsed}</p>
    </div>
  );
}

function RunResult({ run }: { run: BackupRunView }) {
  const { t } = useTranslation();
  if (run.status === 'running') return <Progress label={t('facilityBackups.actions.running')} />;
  if (run.status === 'succeeded')
    return (
      <Alert tone="success" title={t('facilityBackups.actions.runDone')}>
        <p>
          {formatBytes(run.bytes)} ・ <span className="font-mono">{run.fileName}</span>
        </p>
      </Alert>
    );
  const failed = run.destinations.filter((d) => !d.ok);
  return (
    <Alert
      tone={run.status === 'partly_failed' ? 'warning' : 'error'}
      title={t(
        run.status === 'partly_failed'
          ? 'facilityBackups.actions.runPartly'
          : 'facilityBackups.actions.runFailed',
      )}
    >
      <ul className="font-mono text-sm">
        {run.error && <li>{run.error}</li>}
        {failed.map((d) => (
          <li key={d.location}>{`${d.location}: ${d.error ?? ''}`}</li>
        ))}
      </ul>
    </Alert>
  );
}

const TEST_RESULT = {
  succeeded: ['success', 'facilityBackups.actions.testDone'],
  failed: ['error', 'facilityBackups.actions.testFailed'],
  not_configured: ['warning', 'facilityBackups.actions.testNotConfigured'],
  no_backup: ['warning', 'facilityBackups.actions.testNoBackup'],
} as const;

function TestResult({ test }: { test: RestoreTestView }) {
  const { t } = useTranslation();
  if (test.status === 'running') return <Progress label={t('facilityBackups.actions.testing')} />;
  const [tone, text] = TEST_RESULT[test.status];
  return (
    <Alert tone={tone} title={t(text)}>
      {test.problems.length > 0 && (
        <ul className="font-mono text-sm">
          {test.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/**
 * 「今すぐバックアップ」 and 「復元テストを実行」 (A27; the システム管理者 only — the server decides too):
 * the server answers at once with the run's id, and the page asks about it every second until it
 * ends, showing a progress bar and then the result. A run already going on is picked up.
 */
export function ActionsSection({
  running,
}: {
  running: { runId: string | null; restoreTestId: string | null };
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const start = useStart();
  const [runId, setRunId] = useState<string | null>(running.runId);
  const [testId, setTestId] = useState<string | null>(running.restoreTestId);
  useEffect(() => {
    if (running.runId) setRunId(running.runId);
    if (running.restoreTestId) setTestId(running.restoreTestId);
  }, [running.runId, running.restoreTestId]);
  const run = useRun(runId);
  const test = useRestoreTest(testId);
  const runBusy =
    start.run.isPending || run.data?.status === 'running' || (runId !== null && !run.data && !run.isError);
  const testBusy =
    start.test.isPending ||
    test.data?.status === 'running' ||
    (testId !== null && !test.data && !test.isError);
  const runEnded = run.data && run.data.status !== 'running';
  const testEnded = test.data && test.data.status !== 'running';
  useEffect(() => {
    if (runEnded || testEnded) void client.invalidateQueries({ queryKey: [...KEY, 'overview'] });
  }, [runEnded, testEnded, client]);
  return (
    <div className="my-6">
      <div className="flex flex-wrap gap-4">
        <button
          type="button"
          className="btn-primary"
          disabled={runBusy || testBusy}
          onClick={() => start.run.mutate(undefined, { onSuccess: (v) => setRunId(v.id) })}
        >
          {t('facilityBackups.actions.runNow')}
        </button>
        <button
          type="button"
          className="btn-secondary"
          disabled={runBusy || testBusy}
          onClick={() => start.test.mutate(undefined, { onSuccess: (v) => setTestId(v.id) })}
        >
          {t('facilityBackups.actions.testNow')}
        </button>
      </div>
      <FormErrors errors={{}} serverError={start.run.error ?? start.test.error ?? run.error ?? test.error} />
      <LiveRegion>
        {runId !== null &&
          (run.data ? (
            <RunResult run={run.data} />
          ) : (
            <Progress label={t('facilityBackups.actions.running')} />
          ))}
        {testId !== null &&
          (test.data ? (
            <TestResult test={test.data} />
          ) : (
            <Progress label={t('facilityBackups.actions.testing')} />
          ))}
      </LiveRegion>
    </div>
  );
}
