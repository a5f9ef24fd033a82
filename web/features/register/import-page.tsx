import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  registerImportPreviewView,
  registerImportResultView,
  type RegisterImportMode,
} from '../../../shared/api/register-import.ts';
import { useCan } from '../../app/ability.ts';
import { api, errorMessage } from '../../app/api.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { CSV_OR_XLSX, FilePicker } from '../../ui/file-picker.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { RegisterImportPreviewTable } from './import-preview-table.tsx';

const FORMAT_NAMES = {
  'utf-8': 'CSV (UTF-8)',
  'utf-8-bom': 'CSV (UTF-8 BOM)',
  cp932: 'CSV (Shift_JIS)',
  xlsx: 'Excel (.xlsx)',
} as const;

const formOf = (fields: Record<string, string>, file: File) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', file); // the file last: the server reads the fields before it
  return form;
};

/**
 * 個人情報ファイル簿の一括取込 (A20-1, A20-2): choose a CSV or Excel file and how to import it →
 * the rows with their errors → import only when no row is wrong. Drafts for those who may draft;
 * registered entries only for those who may accept (the 総括管理者).
 */
export function RegisterImportPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const can = useCan();
  const client = useQueryClient();
  const helpId = useId();
  const statusId = useId();
  const modes = (['draft', 'registered'] as const).filter((m) =>
    can(m === 'registered' ? 'decide' : 'draft', 'RegisterFile'),
  );
  const [file, setFile] = useState<File | null>(null);
  const [chosen, setChosen] = useState<RegisterImportMode | null>(null);
  const mode = chosen ?? modes[0] ?? 'draft';

  const preview = useMutation({
    mutationFn: (f: File) =>
      api('/api/register/import/preview', {
        method: 'POST',
        form: formOf({ mode }, f),
        schema: registerImportPreviewView,
      }),
  });
  const run = useMutation({
    mutationFn: ({ f, digest }: { f: File; digest: string }) =>
      api('/api/register/import', {
        method: 'POST',
        form: formOf({ mode, digest }, f),
        schema: registerImportResultView,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['register'] }),
  });
  const reset = () => {
    preview.reset();
    run.reset();
  };

  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    run.reset();
    if (file) preview.mutate(file);
  };
  const data = preview.data;
  const canImport = Boolean(file && data && data.invalid === 0 && data.rows.length > 0 && !run.isSuccess);
  const crumbs = [
    { label: t('fileRegister.title'), to: '/register-admin' },
    { label: t('registerImport.crumb') },
  ];

  if (modes.length === 0)
    return (
      <Page title={t('registerImport.title')} crumbs={crumbs}>
        <Alert tone="warning" title={t('registerImport.noRights')} />
      </Page>
    );

  return (
    <Page title={t('registerImport.title')} crumbs={crumbs} lead={<p>{t('registerImport.lead')}</p>}>
      <Section title={t('registerImport.columnsTitle')}>
        <ul className="mb-4 grid max-w-3xl list-disc gap-2 pl-6">
          <li>{t('registerImport.columnsPlace')}</li>
          <li>{t('registerImport.columnsPublished')}</li>
          <li>{t('registerImport.columnsInternal')}</li>
          <li>{t('registerImport.columnsFormat')}</li>
        </ul>
        <p className="mb-6">
          <a href="/api/register/import/template" download>
            {t('registerImport.template')}
          </a>
        </p>
      </Section>

      <form onSubmit={onPreview} className="card mt-6 max-w-3xl">
        <fieldset className="mb-6">
          <legend className="label mb-1">{t('registerImport.mode')}</legend>
          <div className="grid gap-3">
            {modes.map((m) => (
              <label key={m} className="flex items-start gap-3">
                <input
                  type="radio"
                  name="mode"
                  value={m}
                  checked={mode === m}
                  onChange={() => {
                    setChosen(m);
                    reset();
                  }}
                  aria-describedby={`${helpId}-${m}`}
                  className="mt-1 size-6 shrink-0 accent-primary"
                />
                <span>
                  <span className="font-bold">{t(`registerImport.modes.${m}`)}</span>
                  <span id={`${helpId}-${m}`} className="block text-sm text-ink-muted">
                    {t(`registerImport.modeHelp.${m}`)}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <FilePicker
          label={t('registerImport.file')}
          help={t('registerImport.fileHelp')}
          accept={CSV_OR_XLSX}
          onChoose={(f) => {
            setFile(f);
            reset();
          }}
        />
        <button type="submit" className="btn-primary mt-4" disabled={!file || preview.isPending}>
          {preview.isPending ? t('registerImport.previewing') : t('registerImport.preview')}
        </button>
      </form>

      <LiveRegion assertive>
        {preview.isError && <Alert tone="error" title={errorMessage(preview.error, locale)} />}
        {run.isError && <Alert tone="error" title={errorMessage(run.error, locale)} />}
        {run.data && (
          <Alert
            tone="success"
            title={
              run.data.mode === 'registered'
                ? t('registerImport.doneRegistered', {
                    count: run.data.imported,
                    published: run.data.published,
                  })
                : t('registerImport.done', { count: run.data.imported })
            }
          >
            <Link to="/register-admin">{t('registerImport.toRegister')}</Link>
          </Alert>
        )}
      </LiveRegion>

      {data && (
        <Section title={t('registerImport.previewTitle')}>
          <p className="mb-2 text-sm text-ink-muted">
            {t('registerImport.format', { format: FORMAT_NAMES[data.format] })}
          </p>
          {data.ignoredColumns.length > 0 && (
            <p className="mb-2 text-sm text-ink-muted">
              {t('registerImport.ignored', { columns: data.ignoredColumns.join('、') })}
            </p>
          )}
          <dl className="mb-4 flex flex-wrap gap-x-8 gap-y-2 text-lg" aria-label={t('registerImport.counts')}>
            <div className="flex gap-2">
              <dt className="font-bold">{t('registerImport.valid')}</dt>
              <dd>{t('common.count', { count: data.valid })}</dd>
            </div>
            <div className={`flex gap-2 ${data.invalid > 0 ? 'text-error' : ''}`}>
              <dt className="font-bold">{t('registerImport.invalid')}</dt>
              <dd>{t('common.count', { count: data.invalid })}</dd>
            </div>
          </dl>
          <LiveRegion>
            <div id={statusId}>
              {data.invalid > 0 ? (
                <Alert tone="error" title={t('registerImport.blocked', { count: data.invalid })} />
              ) : (
                !run.isSuccess && (
                  <Alert tone="info" title={t('registerImport.ready', { count: data.valid })} />
                )
              )}
            </div>
          </LiveRegion>
          <button
            type="button"
            className="btn-primary my-4"
            disabled={!canImport || run.isPending}
            aria-describedby={statusId}
            onClick={() => file && data && run.mutate({ f: file, digest: data.digest })}
          >
            {run.isPending ? t('registerImport.importing') : t('registerImport.submit')}
          </button>
          <RegisterImportPreviewTable rows={data.rows} />
        </Section>
      )}
    </Page>
  );
}
