import { useId, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  rowMessage,
  type ImportRowView,
  type VaultImportPreviewView,
} from '../../../../shared/api/vault-import.ts';
import type { Purpose, VaultFileView } from '../../../../shared/api/vault.ts';
import { errorMessage } from '../../../app/api.ts';
import { usePreferences } from '../../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../../ui/alert.tsx';
import { CSV_OR_XLSX, FilePicker } from '../../../ui/file-picker.tsx';
import { ImportRowsTable } from '../../../ui/import-rows-table.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { mayDo } from '../labels.tsx';
import { PurposeGate, useFileLink, withPurpose } from '../purpose.tsx';
import { useVaultFile } from '../queries.ts';
import { VaultQueryState } from '../vault-query.tsx';
import { ImportProgress } from './import-progress.tsx';
import { MappingForm, type Mapping } from './mapping-form.tsx';
import { usePreviewImport, useStartImport } from './queries.ts';

const FORMAT_NAMES = {
  'utf-8': 'CSV (UTF-8)',
  'utf-8-bom': 'CSV (UTF-8 BOM)',
  cp932: 'CSV (Shift_JIS)',
  xlsx: 'Excel (.xlsx)',
} as const;

const sameMapping = (preview: VaultImportPreviewView, mapping: Mapping | null) =>
  mapping === null ||
  preview.fields.every((f) => (preview.mapping[f.key] ?? null) === (mapping[f.key] ?? null));

/** The rows with problems, each problem as 「項目: 理由」 in the reader's language, never the value. */
function ProblemRows({ preview }: { preview: VaultImportPreviewView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const label = new Map(preview.fields.map((f) => [f.key, f.label]));
  const more = preview.invalid - preview.rows.length;
  return (
    <Section title={t('vaultImport.rowsTitle')}>
      <ImportRowsTable<ImportRowView>
        rows={preview.rows}
        line={(r) => r.line}
        caption={t('vaultImport.rowsCaption')}
        lineHeader={t('vaultImport.line')}
        columns={[]}
        errorsHeader={t('vaultImport.errors')}
        errors={(r) =>
          r.errors.map(
            (e) =>
              t('vaultImport.errorLine', {
                field: label.get(e.field) ?? e.field,
                message: rowMessage(e.code, locale),
              }) + (e.firstLine ? t('vaultImport.firstLine', { line: e.firstLine }) : ''),
          )
        }
      />
      {more > 0 && <p className="mt-2 font-bold">{t('vaultImport.more', { count: more })}</p>}
    </Section>
  );
}

/**
 * Choose a file → the mapping and every problem of every row → 「取り込む」 only when nothing is
 * wrong → the progress bar → the result. A26: rows are checked as the form checks a value; the
 * import writes all rows or none.
 */
function ImportBody({ file, purpose }: { file: VaultFileView; purpose: Purpose }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const statusId = useId();
  const [chosen, setChosen] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const preview = usePreviewImport(file.fileId);
  const start = useStartImport(file.fileId);
  const fileLink = withPurpose(`/vault/files/${file.fileId}`, purpose);

  const reset = () => {
    preview.reset();
    start.reset();
    setMapping(null);
    setImportId(null);
  };
  const check = (withMapping: Mapping | null) => {
    if (!chosen) return;
    start.reset();
    preview.mutate(
      { purpose: purpose.code, file: chosen, mapping: withMapping },
      { onSuccess: (data) => setMapping(data.mapping) },
    );
  };
  const onCheck = (e: FormEvent) => {
    e.preventDefault();
    check(null);
  };

  if (!mayDo(file, 'create')) return <Alert tone="error" title={t('vaultImport.noCreate')} />;

  const data = preview.data;
  const changed = data ? !sameMapping(data, mapping) : false;
  const canImport =
    chosen !== null &&
    data !== undefined &&
    data.mappingProblems.length === 0 &&
    data.invalid === 0 &&
    data.total > 0 &&
    !changed &&
    importId === null;

  return (
    <>
      <Section title={t('vaultImport.formatTitle')}>
        <ul className="mb-4 grid max-w-3xl list-disc gap-2 pl-6">
          <li>{t('vaultImport.formatSheet')}</li>
          <li>{t('vaultImport.formatLimit')}</li>
          <li>{t('vaultImport.formatCheck')}</li>
          {file.important && <li>{t('vaultImport.formatImportant')}</li>}
        </ul>
      </Section>

      <form onSubmit={onCheck} className="card mt-6 max-w-3xl">
        <FilePicker
          label={t('vaultImport.file')}
          help={t('vaultImport.fileHelp')}
          accept={CSV_OR_XLSX}
          resetKey={inputKey}
          disabled={importId !== null}
          onChoose={(f) => {
            setChosen(f);
            reset();
          }}
        />
        <button
          type="submit"
          className="btn-primary mt-4"
          disabled={!chosen || preview.isPending || importId !== null}
        >
          {preview.isPending ? t('vaultImport.checking') : t('vaultImport.check')}
        </button>
      </form>

      <LiveRegion assertive>
        {preview.isError && <Alert tone="error" title={errorMessage(preview.error, locale)} />}
        {start.isError && <Alert tone="error" title={errorMessage(start.error, locale)} />}
      </LiveRegion>

      {data && mapping && (
        <>
          <Section title={t('vaultImport.counts')}>
            <p className="mb-2 text-sm text-ink-muted">
              {t('vaultImport.format', { format: FORMAT_NAMES[data.format] })}
            </p>
            <dl className="mb-4 flex flex-wrap gap-x-8 gap-y-2 text-lg">
              <div className="flex gap-2">
                <dt className="font-bold">{t('vaultImport.total')}</dt>
                <dd>{t('common.count', { count: data.total })}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="font-bold">{t('vaultImport.valid')}</dt>
                <dd>{t('common.count', { count: data.valid })}</dd>
              </div>
              <div className={`flex gap-2 ${data.invalid > 0 ? 'text-error' : ''}`}>
                <dt className="font-bold">{t('vaultImport.invalid')}</dt>
                <dd>{t('common.count', { count: data.invalid })}</dd>
              </div>
            </dl>
            <LiveRegion>
              <div id={statusId}>
                {changed ? (
                  <Alert tone="warning" title={t('vaultImport.mappingChanged')} />
                ) : data.mappingProblems.length > 0 ? (
                  <Alert tone="error" title={t('vaultImport.mappingProblems')} />
                ) : data.invalid > 0 ? (
                  <Alert tone="error" title={t('vaultImport.blocked', { count: data.invalid })} />
                ) : (
                  importId === null && (
                    <Alert tone="info" title={t('vaultImport.ready', { count: data.valid })} />
                  )
                )}
              </div>
            </LiveRegion>
            <button
              type="button"
              className="btn-primary my-4"
              disabled={!canImport || start.isPending}
              aria-describedby={statusId}
              onClick={() =>
                chosen &&
                start.mutate(
                  { purpose: purpose.code, file: chosen, mapping: data.mapping, digest: data.digest },
                  { onSuccess: (r) => setImportId(r.importId) },
                )
              }
            >
              {start.isPending ? t('vaultImport.starting') : t('vaultImport.submit')}
            </button>
          </Section>

          {importId && (
            <ImportProgress
              importId={importId}
              fileLink={fileLink}
              onAnother={() => {
                setChosen(null);
                setInputKey((k) => k + 1);
                reset();
              }}
            />
          )}

          {importId === null && (
            <>
              {data.rows.length > 0 && <ProblemRows preview={data} />}
              <Section title={t('vaultImport.mappingTitle')}>
                <MappingForm
                  preview={data}
                  mapping={mapping}
                  onChange={setMapping}
                  onCheck={() => check(mapping)}
                  checking={preview.isPending}
                />
              </Section>
            </>
          )}
        </>
      )}
    </>
  );
}

/** 記録の一括取込: `/vault/files/:fileId/import?purpose=` (the purpose asked for first, A11-3). */
export function VaultImportPage() {
  const { t } = useTranslation();
  const { fileId = '' } = useParams();
  const file = useVaultFile(fileId);
  const fileLink = useFileLink(fileId);
  const crumbs = [
    { label: t('vault.title'), to: '/vault' },
    { label: file.data?.name ?? t('vault.fileCrumb'), to: fileLink },
    { label: t('vaultImport.crumb') },
  ];
  return (
    <Page title={t('vaultImport.title')} crumbs={crumbs} lead={<p>{t('vaultImport.lead')}</p>}>
      <VaultQueryState query={file}>
        {(f) => <PurposeGate file={f}>{(p) => <ImportBody file={f} purpose={p} />}</PurposeGate>}
      </VaultQueryState>
    </Page>
  );
}
