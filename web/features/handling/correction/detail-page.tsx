import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CorrectionView } from '../../../../shared/api/handling-correction.ts';
import type { VaultFileView } from '../../../../shared/api/vault.ts';
import type { FieldValue } from '../../../../shared/vault/index.ts';
import { errorMessage } from '../../../app/api.ts';
import { useDates, usePreferences } from '../../../app/preferences.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useValueText } from '../../vault/labels.tsx';
import { useVaultFile } from '../../vault/queries.ts';
import { CorrectionStatusBadge } from './list-page.tsx';
import { useApplyCorrection, useCorrection, useReadChange, useReadReport } from './queries.ts';

/** A value shown without its field's definition (the file's settings not readable by the viewer). */
const plain = (v: FieldValue | null): string =>
  v === null ? '' : typeof v === 'object' ? `${v.postalCode} ${v.address}` : String(v);

function Facts({ c }: { c: CorrectionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const rows: [string, ReactNode][] = [
    [t('correction.statusLabel'), <CorrectionStatusBadge key="s" status={c.status} />],
    [t('correction.file'), c.fileName],
    [t('correction.fields'), c.fields.map((f) => f.label).join('、')],
    [t('correction.reportedBy'), `${c.reportedByName}（${dates.dateTime(c.reportedAt)}）`],
    [
      t('correction.number'),
      c.requestId ? <Link to={`/approvals/${c.requestId}`}>{c.requestNumber}</Link> : '—',
    ],
    [
      t('correction.instruction'),
      c.decisionComment ? `${c.decisionComment}（${c.decidedByName ?? ''}）` : '—',
    ],
    [
      t('correction.correctedBy'),
      c.correctedByName && c.correctedAt ? `${c.correctedByName}（${dates.dateTime(c.correctedAt)}）` : '—',
    ],
  ];
  return (
    <dl className="grid max-w-4xl border-t border-line-soft sm:grid-cols-[14rem_1fr]">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="border-line-soft pt-3 font-bold sm:border-b sm:py-3 sm:pr-6">{k}</dt>
          <dd className="border-b border-line-soft pt-1 pb-3 sm:py-3">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The report's words: opened on request, logged as an access (A22-1), forgotten on leaving. */
function ReportWords({ c }: { c: CorrectionView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const read = useReadReport(c.id);
  return (
    <Section title={t('correction.detail.report')}>
      {read.data ? (
        <p className="max-w-3xl rounded border border-line-soft bg-surface-muted p-4 whitespace-pre-line">
          {read.data.description}
        </p>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            className="btn-secondary"
            onClick={() => read.mutate(null)}
            disabled={read.isPending}
          >
            {t('correction.detail.showReport')}
          </button>
          <span className="text-sm text-ink-muted">{t('correction.detail.logged')}</span>
        </div>
      )}
      {read.isError && (
        <p role="alert" className="mt-2 font-bold text-error">
          {errorMessage(read.error, locale)}
        </p>
      )}
    </Section>
  );
}

/** The values before and after (A13), for the file's managers and holders of reveal; logged. */
function BeforeAfter({ c, file }: { c: CorrectionView; file: VaultFileView | undefined }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const text = useValueText();
  const read = useReadChange(c.id);
  const [purpose, setPurpose] = useState('');
  const needsPurpose = Boolean(file?.myGrant && !file.canManage);
  return (
    <Section title={t('correction.detail.change')}>
      {read.data ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('correction.fields')}</th>
              <th scope="col">{t('correction.detail.before')}</th>
              <th scope="col">{t('correction.detail.after')}</th>
            </tr>
          </thead>
          <tbody>
            {read.data.fields.map((f) => {
              const def = file?.fields.find((d) => d.key === f.key);
              return (
                <tr key={f.key}>
                  <th scope="row">{f.label}</th>
                  <td>{def ? text(def, f.before) : plain(f.before)}</td>
                  <td>{def ? text(def, f.after) : plain(f.after)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <div className="flex flex-wrap items-end gap-3">
          {needsPurpose && file && (
            <label className="grid gap-1">
              <span className="label">{t('correction.apply.purpose')}</span>
              <select className="input" value={purpose} onChange={(e) => setPurpose(e.target.value)}>
                <option value="">{t('correction.choose')}</option>
                {file.purposes.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            className="btn-secondary"
            disabled={read.isPending || (needsPurpose && !purpose)}
            onClick={() => read.mutate(purpose || null)}
          >
            {t('correction.detail.showChange')}
          </button>
          <span className="text-sm text-ink-muted">{t('correction.detail.logged')}</span>
        </div>
      )}
      {read.data && read.data.masked.length > 0 && (
        <p className="mt-2 text-sm text-ink-muted">{t('correction.detail.masked')}</p>
      )}
      {read.isError && (
        <p role="alert" className="mt-2 font-bold text-error">
          {errorMessage(read.error, locale)}
        </p>
      )}
    </Section>
  );
}

/** A13: the correction as instructed, by a person with the update permission, through the vault. */
function ApplyForm({ c, file }: { c: CorrectionView; file: VaultFileView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const apply = useApplyCorrection(c.id);
  const form = useForm<{ purpose: string; values: Record<string, string> }>({
    defaultValues: { purpose: '', values: Object.fromEntries(c.fields.map((f) => [f.key, ''])) },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit(async (v) => {
    const values = Object.fromEntries(Object.entries(v.values).filter(([, x]) => x.trim() !== ''));
    const done = await apply
      .mutateAsync({ requestId: c.requestId!, purpose: v.purpose, values })
      .catch(() => null);
    if (done)
      void navigate(`/handling/corrections/${c.id}`, {
        replace: true,
        state: { notice: 'correction.apply.done' },
      });
  });
  return (
    <Section title={t('correction.apply.title')}>
      <p className="mb-4 max-w-3xl">{t('correction.apply.lead')}</p>
      <FormErrors errors={errors} serverError={apply.error} submitCount={submitCount} />
      <form noValidate onSubmit={(e) => void submit(e)} className="max-w-3xl">
        <SelectField
          label={t('correction.apply.purpose')}
          help={t('correction.apply.purposeHelp')}
          registration={form.register('purpose', { required: 'i18n:correction.apply.purposeRequired' })}
          error={errors.purpose}
          options={file.purposes.map((p) => ({ value: p.code, label: p.label }))}
          placeholder={t('correction.choose')}
          required
        />
        {c.fields.map((f) => (
          <TextField
            key={f.key}
            label={t('correction.apply.newValue', { label: f.label })}
            registration={form.register(`values.${f.key}`)}
          />
        ))}
        {file.important && <Alert tone="info" title={t('correction.apply.important')} />}
        <button type="submit" className="btn-primary mt-6" disabled={apply.isPending}>
          {t('correction.apply.submit')}
        </button>
      </form>
    </Section>
  );
}

function Body({ c }: { c: CorrectionView }) {
  const { t } = useTranslation();
  // The file's settings (purposes, fields) for those with a grant; the managers see without.
  const file = useVaultFile(c.fileId);
  return (
    <>
      <Facts c={c} />
      {c.status === 'reported' && <Alert tone="info" title={t('correction.detail.waiting')} />}
      {c.status === 'checking' && <Alert tone="info" title={t('correction.detail.checking')} />}
      {c.canReadReport && <ReportWords c={c} />}
      {c.canReadChange && <BeforeAfter c={c} file={file.data} />}
      {c.canApply && file.data && <ApplyForm c={c} file={file.data} />}
    </>
  );
}

/** One correction: what was reported, the instruction, and the correction (A13). */
export function CorrectionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const c = useCorrection(id);
  return (
    <Page
      title={t('correction.detail.title')}
      crumbs={[
        { label: t('correction.title'), to: '/handling/corrections' },
        { label: t('correction.detail.title') },
      ]}
    >
      <QueryState query={c}>{(v) => <Body c={v} />}</QueryState>
    </Page>
  );
}
