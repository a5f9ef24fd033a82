import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { importPreviewView, type ImportPreviewView } from '../../../shared/api/organisation.ts';
import { api, errorMessage } from '../../app/api.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { ImportPreviewTable } from './import-preview-table.tsx';
import { CSV_ONLY, FilePicker } from '../../ui/file-picker.tsx';

const importResult = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });

/** 職員の取込: choose a CSV → preview with per-row errors → import only when no row is wrong. */
export function ImportPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);

  const preview = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.set('file', f);
      return api('/api/people/import/preview', { method: 'POST', form, schema: importPreviewView });
    },
  });
  const run = useMutation({
    mutationFn: ({ f, digest }: { f: File; digest: string }) => {
      const form = new FormData();
      form.set('digest', digest);
      form.set('file', f);
      return api('/api/people/import', { method: 'POST', form, schema: importResult });
    },
    onSuccess: () =>
      Promise.all(
        ['people', 'units', 'unit', 'section'].map((k) => client.invalidateQueries({ queryKey: [k] })),
      ),
  });

  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    run.reset();
    if (file) preview.mutate(file);
  };
  const data: ImportPreviewView | undefined = preview.data;
  const invalid = data?.counts.invalid ?? 0;
  const canImport = Boolean(file && data && invalid === 0 && data.rows.length > 0 && !run.isSuccess);

  return (
    <Page title={t('import.title')} lead={<p>{t('import.intro')}</p>}>
      <p className="mb-6">
        <a href="/api/people/import/template" download>
          {t('import.template')}
        </a>
      </p>
      <form onSubmit={onPreview} className="card max-w-3xl">
        <FilePicker
          label={t('import.file')}
          help={t('import.fileHelp')}
          accept={CSV_ONLY}
          onChoose={(f) => {
            setFile(f);
            preview.reset();
            run.reset();
          }}
        />
        <button type="submit" className="btn-primary mt-4" disabled={!file || preview.isPending}>
          {preview.isPending ? t('import.previewing') : t('import.preview')}
        </button>
      </form>
      <LiveRegion assertive>
        {preview.isError && <Alert tone="error" title={errorMessage(preview.error, locale)} />}
        {run.isError && <Alert tone="error" title={errorMessage(run.error, locale)} />}
        {run.data && <Alert tone="success" title={t('import.result', run.data)} />}
      </LiveRegion>
      {data && (
        <Section title={t('import.previewTitle')}>
          <p className="mb-2 text-sm text-ink-muted">
            {t('import.encoding', {
              encoding:
                data.encoding === 'cp932'
                  ? 'Shift_JIS (CP932)'
                  : data.encoding === 'utf-8-bom'
                    ? 'UTF-8 (BOM)'
                    : 'UTF-8',
            })}
          </p>
          <dl className="mb-4 flex flex-wrap gap-x-8 gap-y-2 text-lg" aria-label={t('import.counts')}>
            {(['create', 'update', 'unchanged'] as const).map((k) => (
              <div key={k} className="flex gap-2">
                <dt className="font-bold">{t(`importActions.${k}`)}</dt>
                <dd>{t('common.count', { count: data.counts[k] })}</dd>
              </div>
            ))}
            <div className={`flex gap-2 ${invalid > 0 ? 'text-error' : ''}`}>
              <dt className="font-bold">{t('import.rowsWithErrors')}</dt>
              <dd>{t('common.count', { count: invalid })}</dd>
            </div>
          </dl>
          <LiveRegion>
            {invalid > 0 ? (
              <Alert tone="error" title={t('import.blocked', { count: invalid })} />
            ) : (
              !run.isSuccess && <Alert tone="info" title={t('import.ready')} />
            )}
          </LiveRegion>
          <button
            type="button"
            className="btn-primary my-4"
            disabled={!canImport || run.isPending}
            onClick={() => file && data && run.mutate({ f: file, digest: data.digest })}
          >
            {run.isPending ? t('import.importing') : t('import.submit')}
          </button>
          <ImportPreviewTable rows={data.rows} />
        </Section>
      )}
    </Page>
  );
}
