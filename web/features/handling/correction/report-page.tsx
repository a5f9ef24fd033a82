import { useNavigate, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { VaultFileView } from '../../../../shared/api/vault.ts';
import { Alert } from '../../../ui/alert.tsx';
import { TextAreaField, fieldErrorText } from '../../../ui/field.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { grantFields } from '../../vault/labels.tsx';
import { useVaultFile } from '../../vault/queries.ts';
import { useReportCorrection } from './queries.ts';

interface ReportForm {
  fields: string[];
  description: string;
}

function ReportForm({ file, recordId, purpose }: { file: VaultFileView; recordId: string; purpose: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const report = useReportCorrection();
  const form = useForm<ReportForm>({
    defaultValues: { fields: [], description: '' },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const fieldsError = fieldErrorText(errors.fields as never, t);
  const submit = form.handleSubmit(async (v) => {
    const c = await report
      .mutateAsync({ fileId: file.fileId, recordId, purpose, fields: v.fields, description: v.description })
      .catch(() => null);
    if (c) void navigate(`/handling/corrections/${c.id}`, { state: { notice: 'correction.report.sent' } });
  });
  return (
    <>
      <FormErrors
        errors={errors}
        serverError={report.error}
        submitCount={submitCount}
        fields={[
          { name: 'fields', label: t('correction.report.fields') },
          { name: 'description', label: t('correction.report.description') },
        ]}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="max-w-3xl">
        <Section title={t('correction.report.what')}>
          <fieldset
            className={`mb-6 ${fieldsError ? 'border-l-4 border-error pl-4' : ''}`}
            aria-describedby="fields-help"
          >
            <legend className="label mb-1">{t('correction.report.fields')}</legend>
            <p id="fields-help" className="mb-2 text-sm text-ink-muted">
              {t('correction.report.fieldsHelp')}
            </p>
            {fieldsError && (
              <p className="mb-1 font-bold text-error">
                <span aria-hidden="true">⚠ </span>
                {fieldsError}
              </p>
            )}
            <div className="grid gap-2 sm:grid-cols-2">
              {grantFields(file).map((f) => (
                <label key={f.key} className="flex min-h-12 items-center gap-3">
                  <input
                    type="checkbox"
                    value={f.key}
                    className="size-6 accent-primary"
                    {...form.register('fields', {
                      validate: (v) => v.length > 0 || 'i18n:correction.report.fieldsRequired',
                    })}
                  />
                  {f.label}
                </label>
              ))}
            </div>
          </fieldset>
          <TextAreaField
            label={t('correction.report.description')}
            help={t('correction.report.descriptionHelp')}
            registration={form.register('description', {
              required: 'i18n:correction.report.descriptionRequired',
              maxLength: 2000,
            })}
            error={errors.description}
            required
          />
        </Section>
        <Alert tone="info">
          <p>{t('correction.report.note')}</p>
        </Alert>
        <div className="mt-8 flex flex-wrap gap-4">
          <button type="submit" className="btn-primary" disabled={report.isPending}>
            {t('correction.report.submit')}
          </button>
          <button type="button" className="btn-secondary" onClick={() => void navigate(-1)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}

/** A13: 「誤りを報告」 from a record: which fields, and what is wrong (sealed, seen by the 保護管理者). */
export function CorrectionReportPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const fileId = params.get('fileId') ?? '';
  const recordId = params.get('recordId') ?? '';
  const purpose = params.get('purpose') ?? '';
  const file = useVaultFile(fileId);
  return (
    <Page
      title={t('correction.report.title')}
      crumbs={[
        { label: t('correction.title'), to: '/handling/corrections' },
        { label: t('correction.report.title') },
      ]}
      lead={<p>{t('correction.report.lead')}</p>}
    >
      {!fileId || !recordId || !purpose ? (
        <Alert tone="warning" title={t('correction.report.fromRecord')} />
      ) : (
        <QueryState query={file}>
          {(f) => (
            <>
              <p className="mb-4">
                {t('correction.file')}: <strong>{f.name}</strong>
              </p>
              <ReportForm file={f} recordId={recordId} purpose={purpose} />
            </>
          )}
        </QueryState>
      )}
    </Page>
  );
}
