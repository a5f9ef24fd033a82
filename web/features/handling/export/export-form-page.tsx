import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  EXPORT_DEFAULT_DAYS,
  type ExportFormat,
  type ExportOptionsView,
} from '../../../../shared/api/handling-export.ts';
import { errorMessage } from '../../../app/api.ts';
import { usePreferences } from '../../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../../ui/alert.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useExportOptions, useMakeExport, useRequestExport } from './queries.ts';

function ExportForm({ o, onPurpose }: { o: ExportOptionsView; onPurpose: (p: string) => void }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const navigate = useNavigate();
  const make = useMakeExport();
  const ask = useRequestExport();
  const allowed = o.fields.filter((f) => f.allowed);
  const [fields, setFields] = useState<string[]>(
    allowed.filter((f) => f.sensitivity === 'normal').map((f) => f.key),
  );
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [days, setDays] = useState(EXPORT_DEFAULT_DAYS);
  const [reason, setReason] = useState('');
  // Issue 9 (A18): an outside recipient, offered only where an approved provision of the file is active.
  const [partyId, setPartyId] = useState('');
  const recipient = o.recipients.find((r) => r.partyId === partyId) ?? null;
  const provided = (key: string) => !recipient || recipient.items.includes(key);
  const chooseRecipient = (id: string) => {
    setPartyId(id);
    const items = o.recipients.find((r) => r.partyId === id)?.items;
    if (items) setFields((cur) => cur.filter((k) => items.includes(k)));
  };
  const [problem, setProblem] = useState<string | null>(null);
  const needs = o.requirement !== 'none';
  const busy = make.isPending || ask.isPending;
  const requested = ask.data;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (fields.length === 0) return setProblem(t('exportCopy.form.fieldsRequired'));
    if (!reason.trim()) return setProblem(t('exportCopy.form.reasonRequired'));
    const spec = {
      fileId: o.fileId,
      purpose: o.purpose,
      fields,
      format,
      days,
      reason,
      recordIds: null,
      partyId: partyId || null,
    };
    if (needs) ask.mutate(spec, { onError: (err) => setProblem(errorMessage(err, locale)) });
    else
      make.mutate(spec, {
        onSuccess: (made) => void navigate(`/handling/exports/${made.export.id}`),
        onError: (err) => setProblem(errorMessage(err, locale)),
      });
  };

  if (requested)
    return (
      <Alert tone="success" title={t('exportCopy.form.requested', { number: requested.number })}>
        <p>{t('exportCopy.form.requestedHelp')}</p>
        <p className="mt-2">
          <Link to={`/approvals/${requested.requestId}`}>{t('exportCopy.form.seeRequest')}</Link>
        </p>
      </Alert>
    );

  return (
    <form onSubmit={submit} noValidate>
      <Alert tone={needs ? 'warning' : 'info'} title={t(`exportCopy.form.requirement.${o.requirement}`)}>
        <p>{t('exportCopy.form.requirementHelp')}</p>
      </Alert>
      <LiveRegion assertive>{problem && <Alert tone="error" title={problem} />}</LiveRegion>

      <div className="mb-6">
        <label className="label" htmlFor="export-purpose">
          {t('exportCopy.form.purpose')}
        </label>
        <p className="mb-1 text-sm text-ink-muted">{t('exportCopy.form.purposeHelp')}</p>
        <select
          id="export-purpose"
          className="input"
          value={o.purpose}
          onChange={(e) => onPurpose(e.target.value)}
        >
          {o.purposes.map((p) => (
            <option key={p.code} value={p.code}>
              {p.label}
            </option>
          ))}
        </select>
      </div>

      {o.recipients.length > 0 && (
        <div className="mb-6">
          <label className="label" htmlFor="export-recipient">
            {t('exportCopy.form.recipient')}
          </label>
          <p className="mb-1 text-sm text-ink-muted">{t('exportCopy.form.recipientHelp')}</p>
          <select
            id="export-recipient"
            className="input"
            value={partyId}
            onChange={(e) => chooseRecipient(e.target.value)}
          >
            <option value="">{t('exportCopy.form.recipientNone')}</option>
            {o.recipients.map((r) => (
              <option key={r.partyId} value={r.partyId}>
                {t('exportCopy.form.recipientOption', { name: r.partyName, number: r.provisionNumber })}
              </option>
            ))}
          </select>
        </div>
      )}

      <fieldset className="mb-6">
        <legend className="label">{t('exportCopy.form.fields')}</legend>
        <p className="mb-1 text-sm text-ink-muted">{t('exportCopy.form.fieldsHelp')}</p>
        <div className="grid gap-2 sm:grid-cols-2">
          {o.fields.map((f) => (
            <label
              key={f.key}
              className={`flex min-h-12 items-start gap-3 ${f.allowed && provided(f.key) ? '' : 'text-ink-muted'}`}
            >
              <input
                type="checkbox"
                className="mt-1 size-6 shrink-0 accent-primary"
                disabled={!f.allowed || !provided(f.key)}
                checked={fields.includes(f.key)}
                onChange={(e) =>
                  setFields((cur) => (e.target.checked ? [...cur, f.key] : cur.filter((k) => k !== f.key)))
                }
              />
              <span>
                <span className="font-bold">{f.label}</span>
                {f.sensitivity !== 'normal' && (
                  <span className="block text-sm">{t(`exportCopy.form.sensitivity.${f.sensitivity}`)}</span>
                )}
                {!f.allowed && <span className="block text-sm">{t('exportCopy.form.notAllowed')}</span>}
                {f.allowed && !provided(f.key) && (
                  <span className="block text-sm">{t('exportCopy.form.notProvided')}</span>
                )}
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <p className="mb-6">{t('exportCopy.form.recordsAll')}</p>

      <fieldset className="mb-6">
        <legend className="label">{t('exportCopy.form.format')}</legend>
        <div className="flex flex-wrap gap-x-8 gap-y-2">
          {(['xlsx', 'csv'] as const).map((f) => (
            <label key={f} className="flex min-h-12 items-center gap-2">
              <input
                type="radio"
                name="format"
                className="size-6 accent-primary"
                checked={format === f}
                onChange={() => setFormat(f)}
              />
              {t(`exportCopy.form.format_${f}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="mb-6">
        <label className="label" htmlFor="export-days">
          {t('exportCopy.form.days')}
        </label>
        <p className="mb-1 text-sm text-ink-muted">{t('exportCopy.form.daysHelp', { max: o.maxDays })}</p>
        <input
          id="export-days"
          type="number"
          min={1}
          max={o.maxDays}
          className="input w-32"
          value={days}
          onChange={(e) => setDays(Math.min(o.maxDays, Math.max(1, Number(e.target.value) || 1)))}
        />
      </div>

      <div className="mb-6">
        <label className="label" htmlFor="export-reason">
          {t('exportCopy.form.reason')}
        </label>
        <p className="mb-1 text-sm text-ink-muted">{t('exportCopy.form.reasonHelp')}</p>
        <textarea
          id="export-reason"
          rows={3}
          className="input"
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>

      <button type="submit" className="btn-primary" disabled={busy}>
        {needs ? t('exportCopy.form.submitRequest') : t('exportCopy.form.submitMake')}
      </button>
    </form>
  );
}

/** Makes the copy an approved request allows (?requestId=…), from the approval's page. */
function FromApproval({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const navigate = useNavigate();
  const make = useMakeExport();
  return (
    <Section title={t('exportCopy.form.fromApproval')}>
      <p className="mb-4">{t('exportCopy.form.fromApprovalHelp')}</p>
      <LiveRegion assertive>
        {make.isError && <Alert tone="error" title={errorMessage(make.error, locale)} />}
      </LiveRegion>
      <button
        type="button"
        className="btn-primary"
        disabled={make.isPending}
        onClick={() =>
          make.mutate({ requestId }, { onSuccess: (m) => void navigate(`/handling/exports/${m.export.id}`) })
        }
      >
        {t('exportCopy.form.submitMake')}
      </button>
    </Section>
  );
}

/**
 * 複製の申請・作成 (A12(1)): reached from a vault file (?fileId=…) or from an approved request
 * (?requestId=…). What may be copied is what the grant allows (A11-1); the file's rules decide whether
 * the 保護管理者 approves first (A12 「その内容に応じて」).
 */
export function ExportFormPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const fileId = params.get('fileId') ?? '';
  const requestId = params.get('requestId');
  // The purpose chosen on the vault file (?purpose=…) is the copy's purpose unless changed here.
  const [purpose, setPurpose] = useState<string | null>(params.get('purpose'));
  const options = useExportOptions(requestId ? '' : fileId, purpose);
  return (
    <Page
      title={t('exportCopy.form.title')}
      crumbs={[
        { label: t('exportCopy.title'), to: '/handling/exports' },
        { label: t('exportCopy.form.title') },
      ]}
      lead={<p>{t('exportCopy.form.lead')}</p>}
    >
      {requestId ? (
        <FromApproval requestId={requestId} />
      ) : fileId === '' ? (
        <Alert tone="info" title={t('exportCopy.form.chooseFile')}>
          <p>
            <Link to="/vault">{t('exportCopy.form.toVault')}</Link>
          </p>
        </Alert>
      ) : (
        <QueryState query={options}>
          {(o) => (
            <>
              <h2 className="mb-4 text-2xl">{o.fileName}</h2>
              <ExportForm key={o.purpose} o={o} onPurpose={setPurpose} />
            </>
          )}
        </QueryState>
      )}
    </Page>
  );
}
