import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ChangeView, Purpose, VaultFileView } from '../../../shared/api/vault.ts';
import { errorMessage } from '../../app/api.ts';
import { useDates, usePreferences } from '../../app/preferences.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Page } from '../../ui/page.tsx';
import { VaultQueryState } from './vault-query.tsx';
import { MaskedText, mayDo, useNotify, useValueText } from './labels.tsx';
import { PurposeGate, useFileLink, withPurpose } from './purpose.tsx';
import { useDecideChange, usePendingChanges, useVaultFile } from './queries.ts';

/** The entry as made, field by field, to compare with the source document. */
function ChangeValues({ file, change }: { file: VaultFileView; change: ChangeView }) {
  const text = useValueText();
  const fields = file.fields.filter((f) => change.fields.includes(f.key));
  return (
    <dl className="grid border-t border-line-soft sm:grid-cols-[14rem_1fr]">
      {fields.map((f) => (
        <div key={f.key} className="contents">
          <dt className="border-line-soft pt-2 font-bold sm:border-b sm:py-2 sm:pr-6">{f.label}</dt>
          <dd className="border-b border-line-soft pt-1 pb-2 whitespace-pre-line sm:py-2">
            {change.masked.includes(f.key) || !(f.key in change.values) ? (
              <MaskedText />
            ) : (
              text(f, change.values[f.key])
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ChangeCard({
  file,
  purpose,
  change,
  onDone,
}: {
  file: VaultFileView;
  purpose: Purpose;
  change: ChangeView;
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const dates = useDates();
  const text = useValueText();
  const decide = useDecideChange(file.fileId);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const headingId = `change-${change.id}`;
  const key = file.fields.find((f) => f.key === file.keyField);
  // The record's identifying value (学生番号) when the checker may see it, to find the source document.
  const keyValue = key && change.values[key.key] ? text(key, change.values[key.key]) : null;
  const kind = t(change.kind === 'create' ? 'vault.checks.kindCreate' : 'vault.checks.kindUpdate');
  const title = keyValue
    ? t('vault.checks.titleWithKey', { kind, label: key?.label, value: keyValue })
    : kind;
  return (
    <article aria-labelledby={headingId} className="card mb-6">
      <h3 id={headingId} className="mb-1 text-xl">
        {title}
      </h3>
      <p className="mb-4 text-sm text-ink-muted">
        {t('vault.checks.madeBy', {
          // No maker: entered by the system (a bulk import run from the command line).
          name: change.madeBy ?? t('vault.checks.bySystem'),
          when: dates.dateTime(change.madeAt),
        })}{' '}
        <Link to={withPurpose(`/vault/files/${file.fileId}/records/${change.recordId}`, purpose)}>
          {t('vault.checks.openRecord')}
        </Link>
      </p>
      <ChangeValues file={file} change={change} />
      {decide.isError && !rejecting && (
        <div role="alert">
          <Alert tone="error" title={t('common.errorTitle')}>
            <p>{errorMessage(decide.error, locale)}</p>
          </Alert>
        </div>
      )}
      <div className="mt-4 flex flex-wrap gap-3">
        <button
          type="button"
          className="btn-primary"
          disabled={decide.isPending}
          onClick={() =>
            decide.mutate(
              { changeId: change.id, verdict: 'verify', purpose: purpose.code, reason: '' },
              { onSuccess: () => onDone('vault.checks.verified') },
            )
          }
        >
          {t('vault.checks.verify')}
        </button>
        <button
          type="button"
          className="btn-danger"
          onClick={() => {
            decide.reset();
            setRejecting(true);
          }}
        >
          {t('vault.checks.reject')}
        </button>
      </div>
      <Dialog open={rejecting} title={t('vault.checks.rejectTitle')} onClose={() => setRejecting(false)}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return setReasonMissing(true);
            decide.mutate(
              { changeId: change.id, verdict: 'reject', purpose: purpose.code, reason: reason.trim() },
              {
                onSuccess: () => {
                  setRejecting(false);
                  onDone('vault.checks.rejected');
                },
              },
            );
          }}
        >
          {decide.isError && (
            <div role="alert">
              <Alert tone="error" title={t('common.errorTitle')}>
                <p>{errorMessage(decide.error, locale)}</p>
              </Alert>
            </div>
          )}
          <label htmlFor={`reason-${change.id}`} className="label mb-1">
            {t('vault.checks.reason')}
          </label>
          <p id={`reason-help-${change.id}`} className="mb-1 text-sm text-ink-muted">
            {t('vault.checks.reasonHelp')}
          </p>
          {reasonMissing && (
            <p id={`reason-error-${change.id}`} className="mb-1 font-bold text-error">
              <span aria-hidden="true">⚠ </span>
              {t('validation.required')}
            </p>
          )}
          <textarea
            id={`reason-${change.id}`}
            className="input mb-6 min-h-32"
            value={reason}
            aria-required
            aria-invalid={reasonMissing || undefined}
            aria-describedby={
              reasonMissing
                ? `reason-help-${change.id} reason-error-${change.id}`
                : `reason-help-${change.id}`
            }
            onChange={(e) => {
              setReason(e.target.value);
              setReasonMissing(false);
            }}
          />
          <button type="submit" className="btn-danger" disabled={decide.isPending}>
            {t('vault.checks.reject')}
          </button>
        </form>
      </Dialog>
    </article>
  );
}

function ChecksBody({ file, purpose }: { file: VaultFileView; purpose: Purpose }) {
  const { t } = useTranslation();
  const changes = usePendingChanges(file.fileId, purpose.code);
  const notify = useNotify();
  if (!mayDo(file, 'verify')) return <Alert tone="error" title={t('vault.checks.noVerify')} />;
  return (
    <>
      <VaultQueryState query={changes}>
        {({ changes: list }) =>
          list.length === 0 ? (
            <p>{t('vault.checks.none')}</p>
          ) : (
            <section aria-labelledby="checks-list">
              <h2 id="checks-list" className="mb-4 text-2xl">
                {t('vault.checks.count', { count: list.length })}
              </h2>
              {list.map((c) => (
                <ChangeCard key={c.id} file={file} purpose={purpose} change={c} onDone={notify} />
              ))}
            </section>
          )
        }
      </VaultQueryState>
    </>
  );
}

/** A26: entries of an important file waiting for a second person to check them against the source. */
export function ChecksPage() {
  const { t } = useTranslation();
  const { fileId = '' } = useParams();
  const file = useVaultFile(fileId);
  const fileLink = useFileLink(fileId);
  const title = t('vault.checks.title');
  return (
    <Page
      title={title}
      crumbs={[
        { label: t('vault.title'), to: '/vault' },
        { label: file.data?.name ?? t('vault.fileCrumb'), to: fileLink },
        { label: title },
      ]}
      lead={<p>{t('vault.checks.lead')}</p>}
    >
      <VaultQueryState query={file}>
        {(f) => <PurposeGate file={f}>{(p) => <ChecksBody file={f} purpose={p} />}</PurposeGate>}
      </VaultQueryState>
    </Page>
  );
}
