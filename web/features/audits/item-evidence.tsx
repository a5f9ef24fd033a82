import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../../shared/api/evidence.ts';
import type { AuditView, ChecklistItemView } from '../../../shared/api/audits.ts';
import { useDates } from '../../app/preferences.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Saved } from './labels.tsx';
import { useCandidates, useLinkEvidence, useUnlinkEvidence, useUploadDocument } from './queries.ts';

const DOCUMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain';

/** The evidence of one item, each a link: Mamori's records (their pages) and uploaded documents. */
export function EvidenceList({ audit, item }: { audit: AuditView; item: ChecklistItemView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const unlink = useUnlinkEvidence(audit.id);
  if (item.evidence.length === 0 && item.documents.length === 0)
    return <p className="text-sm text-ink-muted">{t('audits.checklist.noEvidence')}</p>;
  return (
    <>
      <FormErrors errors={{}} serverError={unlink.error} />
      <ul className="grid gap-1">
        {item.evidence.map((e) => (
          <li key={e.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="badge border-line text-ink-muted">{t(`audits.evidenceKinds.${e.kind}`)}</span>
            <Link to={e.path}>{e.label}</Link>
            <span className="text-sm text-ink-muted">{dates.date(e.at)}</span>
            {audit.can.answer && (
              <button
                type="button"
                className="btn-secondary btn-sm"
                disabled={unlink.isPending}
                onClick={() => unlink.mutate({ itemId: item.id, evidenceId: e.id })}
              >
                {t('audits.checklist.removeLink')}
                <span className="sr-only">{t('audits.checklist.removeLinkLabel', { label: e.label })}</span>
              </button>
            )}
          </li>
        ))}
        {item.documents.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="badge border-line text-ink-muted">{t('audits.checklist.document')}</span>
            <a href={d.path} download={d.name}>
              {d.name}
            </a>
            <span className="text-sm text-ink-muted">
              {`${Math.max(1, Math.round(d.size / 1024))} KB ・ ${dates.dateTime(d.uploadedAt)}`}
              {d.uploadedByName ? ` ・ ${d.uploadedByName}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** 「Mamoriの記録を根拠に追加」: a kind, then one of the records the server lists for the audit's scope. */
function LinkRecord({ audit, item }: { audit: AuditView; item: ChecklistItemView }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<EvidenceKind | ''>('');
  const [ref, setRef] = useState('');
  const candidates = useCandidates(audit.id, kind);
  const link = useLinkEvidence(audit.id);
  const linked = new Set(item.evidence.map((e) => `${e.kind}|${e.ref}`));
  const options = (candidates.data?.items ?? []).filter((c) => !linked.has(`${c.kind}|${c.ref}`));
  const kindId = `kind-${item.id}`;
  const recordId = `record-${item.id}`;
  return (
    <div className="mt-3">
      <p className="font-bold">{t('audits.checklist.linkRecord')}</p>
      <FormErrors errors={{}} serverError={link.error} />
      <Saved show={link.isSuccess && ref === ''} />
      <div className="mt-1 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={kindId} className="label text-sm">
            {t('audits.checklist.recordKind')}
          </label>
          <select
            id={kindId}
            className="input"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as EvidenceKind | '');
              setRef('');
            }}
          >
            <option value="" />
            {EVIDENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`audits.evidenceKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {kind !== '' && (
          <div className="min-w-64 flex-1">
            <label htmlFor={recordId} className="label text-sm">
              {t('audits.checklist.record')}
            </label>
            <select
              id={recordId}
              className="input"
              value={ref}
              disabled={candidates.isPending}
              onChange={(e) => setRef(e.target.value)}
            >
              <option value="">{t('audits.checklist.chooseRecord')}</option>
              {options.map((c) => (
                <option key={c.ref} value={c.ref}>
                  {c.label}
                </option>
              ))}
            </select>
            {candidates.isSuccess && options.length === 0 && (
              <p className="mt-1 text-sm text-ink-muted">{t('audits.checklist.noCandidates')}</p>
            )}
          </div>
        )}
        <button
          type="button"
          className="btn-secondary btn-sm"
          disabled={kind === '' || ref === '' || link.isPending}
          onClick={() =>
            kind !== '' &&
            link
              .mutateAsync({ itemId: item.id, kind, ref })
              .then(() => setRef(''))
              .catch(() => undefined)
          }
        >
          {t('audits.checklist.addLink')}
        </button>
      </div>
    </div>
  );
}

/** 「資料をアップロード」: a document kept with the item (PDF, image or text). */
function UploadDocument({ audit, item }: { audit: AuditView; item: ChecklistItemView }) {
  const { t } = useTranslation();
  const upload = useUploadDocument(audit.id);
  const [file, setFile] = useState<File | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const inputId = `upload-${item.id}`;
  return (
    <div className="mt-3">
      <FormErrors errors={{}} serverError={upload.error} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor={inputId} className="label text-sm">
            {t('audits.checklist.upload')}
          </label>
          <p id={`${inputId}-help`} className="text-sm text-ink-muted">
            {t('audits.checklist.uploadHelp')}
          </p>
          <input
            key={resetKey}
            id={inputId}
            type="file"
            accept={DOCUMENT_ACCEPT}
            aria-describedby={`${inputId}-help`}
            className="input file:mr-4 file:rounded-md file:border-0 file:bg-primary-soft file:px-3 file:py-1 file:font-bold file:text-primary"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button
          type="button"
          className="btn-secondary btn-sm"
          disabled={!file || upload.isPending}
          onClick={() =>
            file &&
            upload
              .mutateAsync({ itemId: item.id, file })
              .then(() => {
                setFile(null);
                setResetKey((k) => k + 1);
              })
              .catch(() => undefined)
          }
        >
          {t('audits.checklist.uploadButton')}
        </button>
      </div>
    </div>
  );
}

/** What the 監査責任者 adds to an item while the audit runs. */
export function EvidenceForms({ audit, item }: { audit: AuditView; item: ChecklistItemView }) {
  return (
    <>
      <LinkRecord audit={audit} item={item} />
      <UploadDocument audit={audit} item={item} />
    </>
  );
}
