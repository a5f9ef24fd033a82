import { useEffect, useId } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { codeMessage, errorMessage } from '../../../app/api.ts';
import { usePreferences } from '../../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../../ui/alert.tsx';
import { Section } from '../../../ui/page.tsx';
import { useImportProgress } from './queries.ts';

/**
 * A running import: a progress bar fed by GET /api/vault/imports/:id (twice a second), then what
 * became of it. The bar itself is not announced at every step; its end is, through the live region.
 */
export function ImportProgress({
  importId,
  fileLink,
  onAnother,
}: {
  importId: string;
  fileLink: string;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const client = useQueryClient();
  const labelId = useId();
  const progress = useImportProgress(importId);
  const p = progress.data;
  const finished = p !== undefined && p.status !== 'running';
  useEffect(() => {
    // The file's lists now hold the new records.
    if (p?.status === 'done') void client.invalidateQueries({ queryKey: ['vault', 'records'] });
  }, [p?.status, client]);

  return (
    <Section title={t('vaultImport.progressTitle')}>
      <div className="card max-w-3xl">
        <p id={labelId} className="label mb-2">
          {t('vaultImport.progress')}
        </p>
        <progress
          aria-labelledby={labelId}
          className="h-6 w-full accent-primary"
          value={p?.done ?? 0}
          max={Math.max(1, p?.total ?? 1)}
        />
        <p className="mt-2 tabular-nums">
          {t('vaultImport.progressText', { done: p?.done ?? 0, total: p?.total ?? 0 })}
        </p>
        {!finished && !progress.isError && <p className="mt-2 text-ink-muted">{t('vaultImport.running')}</p>}
      </div>
      <LiveRegion assertive>
        {progress.isError && <Alert tone="error" title={errorMessage(progress.error, locale)} />}
        {p?.status === 'done' && (
          <Alert
            tone="success"
            title={t(p.pending ? 'vaultImport.donePending' : 'vaultImport.done', { count: p.imported })}
          >
            <Link to={fileLink}>{t('vaultImport.toFile')}</Link>
          </Alert>
        )}
        {p?.status === 'failed' && (
          <Alert tone="error" title={t('vaultImport.failed')}>
            {p.error && <p>{codeMessage(p.error, locale) ?? p.error}</p>}
          </Alert>
        )}
      </LiveRegion>
      {finished && (
        <button type="button" className="btn-secondary" onClick={onAnother}>
          {t('vaultImport.another')}
        </button>
      )}
    </Section>
  );
}
