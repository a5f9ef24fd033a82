import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Purpose, RecordView, VaultFileView } from '../../../shared/api/vault.ts';
import type { FieldDefinition } from '../../../shared/vault/index.ts';
import { errorMessage } from '../../app/api.ts';
import { useDates, usePreferences } from '../../app/preferences.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Page } from '../../ui/page.tsx';
import { VaultQueryState } from './vault-query.tsx';
import { MaskedText, grantFields, mayDo, useValueText } from './labels.tsx';
import { RecordHandlingLinks } from './handling-links.tsx';
import { PurposeGate, useChosenPurpose, useFileLink, withPurpose } from './purpose.tsx';
import { useRecord, useReveal, useVaultFile } from './queries.ts';

/**
 * A masked field with the way to see it: the reveal is its own request, logged with the field's
 * name, the person and the purpose before the value is served (A22). The value stays in this
 * screen's memory only; leaving the screen forgets it.
 */
function MaskedValue({
  field,
  fileId,
  recordId,
  purpose,
  mayReveal,
  value,
  onRevealed,
}: {
  field: FieldDefinition;
  fileId: string;
  recordId: string;
  purpose: Purpose;
  mayReveal: boolean;
  value: RecordView['values'][string] | undefined;
  onRevealed: (values: RecordView['values']) => void;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const text = useValueText();
  const reveal = useReveal(fileId, recordId);
  if (value !== undefined)
    return (
      <>
        <span className="whitespace-pre-line">{text(field, value)}</span>
        <span className="ml-3 badge border-line bg-surface-muted text-ink-muted">
          {t('vault.record.revealed')}
        </span>
      </>
    );
  const noteId = `reveal-note-${field.key}`;
  return (
    <div>
      <div className="flex flex-wrap items-center gap-3">
        <MaskedText />
        {mayReveal && (
          <button
            type="button"
            className="btn-secondary btn-sm"
            aria-label={t('vault.record.revealField', { label: field.label })}
            aria-describedby={noteId}
            disabled={reveal.isPending}
            onClick={() =>
              reveal.mutate(
                { purpose: purpose.code, fields: [field.key] },
                { onSuccess: (r) => onRevealed(r.values) },
              )
            }
          >
            {t('vault.record.reveal')}
          </button>
        )}
        {mayReveal && (
          <span id={noteId} className="text-sm text-ink-muted">
            {t('vault.record.revealNote')}
          </span>
        )}
      </div>
      {reveal.isError && (
        <p role="alert" className="mt-1 font-bold text-error">
          <span aria-hidden="true">⚠ </span>
          {errorMessage(reveal.error, locale)}
        </p>
      )}
    </div>
  );
}

function RecordBody({
  file,
  purpose,
  recordId,
}: {
  file: VaultFileView;
  purpose: Purpose;
  recordId: string;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const text = useValueText();
  const record = useRecord(file.fileId, recordId, purpose.code);
  const [revealed, setRevealed] = useState<RecordView['values']>({});
  const fields = grantFields(file);
  return (
    <VaultQueryState query={record}>
      {(r) => (
        <>
          {r.status === 'pending' && <Alert tone="warning" title={t('vault.record.pendingNew')} />}
          {r.pendingChange && r.status !== 'pending' && (
            <Alert tone="warning" title={t('vault.record.pendingChange')} />
          )}
          <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
            <p className="text-sm text-ink-muted">
              {t('vault.record.updatedAt', { when: dates.dateTime(r.updatedAt) })}
            </p>
            {mayDo(file, 'update') && r.status === 'active' && !r.pendingChange && (
              <Link
                to={withPurpose(`/vault/files/${file.fileId}/records/${r.id}/edit`, purpose)}
                className="btn-primary"
              >
                {t('vault.record.edit')}
              </Link>
            )}
          </div>
          <dl className="grid max-w-4xl border-t border-line-soft sm:grid-cols-[14rem_1fr]">
            {fields.map((f) => (
              <div key={f.key} className="contents">
                <dt className="border-line-soft pt-3 font-bold sm:border-b sm:py-3 sm:pr-6">
                  {f.label}
                  {f.sensitivity !== 'normal' && (
                    <span className="ml-2 badge border-warning bg-warning-soft text-warning">
                      {t(`vault.sensitivity.${f.sensitivity}`)}
                    </span>
                  )}
                </dt>
                <dd className="border-b border-line-soft pt-1 pb-3 sm:py-3">
                  {r.masked.includes(f.key) ? (
                    <MaskedValue
                      field={f}
                      fileId={file.fileId}
                      recordId={r.id}
                      purpose={purpose}
                      mayReveal={mayDo(file, 'reveal')}
                      value={revealed[f.key]}
                      onRevealed={(v) => setRevealed((old) => ({ ...old, ...v }))}
                    />
                  ) : (
                    <span className="whitespace-pre-line">{text(f, r.values[f.key])}</span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
          {r.status === 'active' && <RecordHandlingLinks file={file} purpose={purpose} recordId={r.id} />}
        </>
      )}
    </VaultQueryState>
  );
}

/**
 * The heading of a record's pages: the title with the record's identifying value (学生番号) once
 * the record is read (the same request as the page's own, so one logged read).
 */
export function useRecordHeading(file: VaultFileView | undefined, recordId: string, title: string): string {
  const { t } = useTranslation();
  const text = useValueText();
  const purpose = useChosenPurpose(file);
  const ready = Boolean(file?.myGrant && purpose);
  const record = useRecord(file?.fileId ?? '', recordId, purpose?.code ?? '', ready);
  const key = file?.fields.find((f) => f.key === file.keyField);
  const value = key ? record.data?.values[key.key] : undefined;
  return key && value
    ? t('vault.record.titleWithKey', { title, label: key.label, value: text(key, value) })
    : title;
}

/** One record within the grant: its fields, 要配慮 and My Number ones masked until revealed. */
export function VaultRecordPage() {
  const { t } = useTranslation();
  const { fileId = '', recordId = '' } = useParams();
  const file = useVaultFile(fileId);
  const name = file.data?.name ?? t('vault.fileCrumb');
  const fileLink = useFileLink(fileId);
  const title = useRecordHeading(file.data, recordId, t('vault.record.title'));
  return (
    <Page
      title={title}
      crumbs={[
        { label: t('vault.title'), to: '/vault' },
        { label: name, to: fileLink },
        { label: t('vault.record.title') },
      ]}
    >
      <VaultQueryState query={file}>
        {(f) => (
          <PurposeGate file={f}>{(p) => <RecordBody file={f} purpose={p} recordId={recordId} />}</PurposeGate>
        )}
      </VaultQueryState>
    </Page>
  );
}
