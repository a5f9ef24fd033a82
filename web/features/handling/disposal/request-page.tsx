import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { PersonView } from '../../../../shared/api/organisation.ts';
import { MEDIUM_METHODS, type DisposalFileFacts } from '../../../../shared/api/handling-disposal.ts';
import { useDates } from '../../../app/preferences.tsx';
import { CheckboxField, RadioGroupField } from '../../../ui/choice-field.tsx';
import { DatePreview, SelectField, TextAreaField, TextField, fieldErrorText } from '../../../ui/field.tsx';
import { FormErrors, applyServerErrors } from '../../../ui/form-errors.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { TIME_ZONE } from '../../../ui/format-date.ts';
import { PersonPicker } from '../../organisation/person-picker.tsx';
import { useVaultFile } from '../../vault/queries.ts';
import { useDisposalFacts, useRequestDisposal } from './queries.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const requestForm = z
  .object({
    what: z.enum(['dispose_records', 'dispose_file', 'dispose_medium']),
    purpose: z.string(),
    method: z.string().min(1),
    witnessId: z.uuid({ message: 'i18n:disposal.form.witnessRequired' }),
    plannedOn: isoDate,
    reason: z.string().trim().min(1).max(2000),
    exception: z.boolean(),
    exceptionReason: z.string().trim().max(1000),
  })
  .superRefine((v, ctx) => {
    if (v.what !== 'dispose_medium' && v.purpose === '')
      ctx.addIssue({ code: 'custom', path: ['purpose'], message: 'i18n:validation.choose' });
    if (v.exception && v.exceptionReason === '')
      ctx.addIssue({ code: 'custom', path: ['exceptionReason'], message: 'i18n:validation.required' });
  });
type FormInput = z.input<typeof requestForm>;
type FormOutput = z.output<typeof requestForm>;
type FormField = keyof FormInput;
const FIELDS: FormField[] = [
  'what',
  'purpose',
  'method',
  'witnessId',
  'plannedOn',
  'reason',
  'exceptionReason',
];

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());

function RetentionFacts({ facts }: { facts: DisposalFileFacts }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <dl className="mb-6 grid gap-x-6 gap-y-1 sm:grid-cols-[minmax(10rem,auto)_1fr]">
      <dt className="font-bold">{t('disposal.form.file')}</dt>
      <dd>{facts.fileName}</dd>
      <dt className="font-bold">{t('disposal.form.section')}</dt>
      <dd>{facts.sectionName}</dd>
      <dt className="font-bold">{t('disposal.form.retention')}</dt>
      <dd>
        {facts.retentionYears
          ? t('disposal.form.retentionYears', { years: facts.retentionYears })
          : t('disposal.form.retentionNone')}
        {facts.retentionBasis && (
          <>
            <br />
            <span className="text-sm">
              {t('disposal.form.retentionBasis')}: {facts.retentionBasis}
            </span>
          </>
        )}
      </dd>
      <dt className="font-bold">{t('disposal.form.held')}</dt>
      <dd>
        {facts.held > 0
          ? t('disposal.form.heldCount', { count: facts.held, date: dates.date(facts.heldUntil) })
          : t('disposal.form.heldNone')}
      </dd>
    </dl>
  );
}

/** The form, once the file's facts (or the medium) are known. */
function RequestForm({
  facts,
  purposes,
  unitId,
  recordIds,
  mediumId,
}: {
  facts: DisposalFileFacts | null;
  purposes: { code: string; label: string }[];
  unitId: string | null;
  recordIds: string[];
  mediumId: string | null;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const navigate = useNavigate();
  const submitRequest = useRequestDisposal();
  const [witness, setWitness] = useState<PersonView | null>(null);
  const first = mediumId ? 'dispose_medium' : recordIds.length > 0 ? 'dispose_records' : 'dispose_file';
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(requestForm),
    defaultValues: {
      what: first,
      purpose: purposes.length === 1 ? purposes[0]!.code : '',
      method: mediumId ? '' : 'crypto_erasure',
      witnessId: '',
      plannedOn: today(),
      reason: '',
      exception: false,
      exceptionReason: '',
    },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const what = form.watch('what');
  const exception = form.watch('exception');
  const level =
    what === 'dispose_medium'
      ? 'protection_manager'
      : exception
        ? 'chief_protection_manager'
        : (facts?.levels[what] ?? 'protection_manager');

  const submit = form.handleSubmit(async (v) => {
    const common = { witnessId: v.witnessId, plannedOn: v.plannedOn, reason: v.reason };
    const retentionException = v.exception ? { reason: v.exceptionReason } : null;
    const input =
      v.what === 'dispose_medium'
        ? {
            kind: v.what,
            mediumId: mediumId!,
            method: v.method as (typeof MEDIUM_METHODS)[number],
            ...common,
          }
        : v.what === 'dispose_records'
          ? {
              kind: v.what,
              fileId: facts!.fileId,
              purpose: v.purpose,
              recordIds,
              retentionException,
              ...common,
            }
          : { kind: v.what, fileId: facts!.fileId, purpose: v.purpose, retentionException, ...common };
    await submitRequest
      .mutateAsync(input)
      .then((req) => navigate(`/approvals/${req.id}`, { state: { notice: 'disposal.form.submitted' } }))
      .catch((e: unknown) =>
        applyServerErrors(e, FIELDS, form.setError, {
          'handling.disposal_witness_invalid': 'witnessId',
          'handling.retention_hold': 'exceptionReason',
          'vault.purpose_not_registered': 'purpose',
        }),
      );
  });

  const labels: Record<FormField, string> = {
    what: t('disposal.form.what'),
    purpose: t('disposal.form.purpose'),
    method: t('disposal.form.method'),
    witnessId: t('disposal.form.witness'),
    plannedOn: t('disposal.form.plannedOn'),
    reason: t('disposal.form.reason'),
    exception: t('disposal.form.exception'),
    exceptionReason: t('disposal.form.exceptionReason'),
  };
  const whatOptions =
    what === 'dispose_medium'
      ? [{ value: 'dispose_medium', label: t('disposal.kinds.dispose_medium') }]
      : [
          ...(recordIds.length > 0
            ? [
                {
                  value: 'dispose_records',
                  label: t('disposal.form.selectedRecords', { count: recordIds.length }),
                },
              ]
            : []),
          { value: 'dispose_file', label: t('disposal.form.wholeFile', { count: facts?.records ?? 0 }) },
        ];

  return (
    <>
      <FormErrors
        errors={errors}
        serverError={submitRequest.error}
        submitCount={submitCount}
        fields={FIELDS.map((n) => ({ name: n, label: labels[n] }))}
        onFocusField={(n) =>
          n === 'witnessId'
            ? document
                .querySelector<HTMLElement>('#disposal-witness input, #disposal-witness button')
                ?.focus()
            : form.setFocus(n as FormField)
        }
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="max-w-3xl">
        <Section title={labels.what}>
          {facts && <RetentionFacts facts={facts} />}
          <RadioGroupField
            label={labels.what}
            registration={form.register('what')}
            error={errors.what}
            options={whatOptions}
            required
          />
          {what !== 'dispose_medium' && (
            <SelectField
              label={labels.purpose}
              help={t('disposal.form.purposeHelp')}
              registration={form.register('purpose')}
              error={errors.purpose}
              placeholder={t('validation.choose')}
              options={purposes.map((p) => ({ value: p.code, label: p.label }))}
              required
            />
          )}
          {what === 'dispose_medium' ? (
            <SelectField
              label={labels.method}
              registration={form.register('method')}
              error={errors.method}
              placeholder={t('validation.choose')}
              options={MEDIUM_METHODS.map((m) => ({ value: m, label: t(`disposal.methods.${m}`) }))}
              required
            />
          ) : (
            <div className="mb-6">
              <p className="label">{labels.method}</p>
              <p className="font-bold">{t('disposal.methods.crypto_erasure')}</p>
              <p className="text-sm text-ink-muted">{t('disposal.form.cryptoHelp')}</p>
            </div>
          )}
          {facts && facts.held > 0 && what !== 'dispose_medium' && (
            <>
              <CheckboxField
                label={labels.exception}
                help={t('disposal.form.exceptionHelp')}
                registration={form.register('exception')}
              />
              {exception && (
                <TextAreaField
                  label={labels.exceptionReason}
                  registration={form.register('exceptionReason')}
                  error={errors.exceptionReason}
                  required
                />
              )}
            </>
          )}
        </Section>
        <Section title={t('disposal.form.witness')}>
          <div id="disposal-witness">
            <PersonPicker
              label={labels.witnessId}
              unitId={unitId}
              value={witness}
              onChange={(p) => {
                setWitness(p);
                form.setValue('witnessId', p?.id ?? '', { shouldValidate: form.formState.isSubmitted });
              }}
              errorText={fieldErrorText(errors.witnessId, t)}
            />
            <p className="-mt-4 mb-6 text-sm text-ink-muted">{t('disposal.form.witnessHelp')}</p>
          </div>
          <TextField
            label={labels.plannedOn}
            type="date"
            registration={form.register('plannedOn')}
            error={errors.plannedOn}
            required
            after={<DatePreview text={dates.date(form.watch('plannedOn'))} />}
          />
          <TextAreaField
            label={labels.reason}
            help={t('disposal.form.reasonHelp')}
            registration={form.register('reason')}
            error={errors.reason}
            required
          />
          <p className="mb-6">
            <span className="font-bold">{t('disposal.form.level')}: </span>
            {t(`disposal.form.levels.${level as 'protection_manager'}`)}
          </p>
          <button type="submit" className="btn-primary" disabled={submitRequest.isPending}>
            {t('disposal.form.submit')}
          </button>
        </Section>
      </form>
    </>
  );
}

/** A file's facts and purposes, then the form. */
function FileRequest({ fileId, recordIds }: { fileId: string; recordIds: string[] }) {
  const facts = useDisposalFacts(fileId);
  const file = useVaultFile(fileId);
  return (
    <QueryState query={facts}>
      {(f) => (
        <QueryState query={file}>
          {(v) => (
            <RequestForm
              facts={f}
              purposes={v.purposes.map((p) => ({ code: p.code, label: p.label }))}
              unitId={f.unitId}
              recordIds={recordIds}
              mediumId={null}
            />
          )}
        </QueryState>
      )}
    </QueryState>
  );
}

/**
 * /handling/disposals/new?fileId=…[&recordId=…] or ?mediumId=… (A15): the request to dispose of
 * records, a whole file, or a medium, with the witness and, within a retention period, an exception.
 */
export function DisposalRequestPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const fileId = params.get('fileId');
  const mediumId = params.get('mediumId');
  const recordIds = params.getAll('recordId');
  return (
    <Page
      title={t('disposal.form.title')}
      crumbs={[
        { label: t('disposal.title'), to: '/handling/disposals' },
        { label: t('disposal.form.title') },
      ]}
      lead={<p>{t('disposal.form.lead')}</p>}
    >
      {fileId ? (
        <FileRequest fileId={fileId} recordIds={recordIds} />
      ) : mediumId ? (
        <RequestForm facts={null} purposes={[]} unitId={null} recordIds={[]} mediumId={mediumId} />
      ) : (
        <Alert tone="warning" title={t('disposal.form.noTarget')} />
      )}
    </Page>
  );
}
