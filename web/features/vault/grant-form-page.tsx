import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { VAULT_PERMISSIONS, type VaultFileView } from '../../../shared/api/vault.ts';
import type { PersonView } from '../../../shared/api/organisation.ts';
import { useDates } from '../../app/preferences.tsx';
import { Alert } from '../../ui/alert.tsx';
import { RadioGroupField } from '../../ui/choice-field.tsx';
import { DatePreview, SelectField, TextAreaField, TextField, fieldErrorText } from '../../ui/field.tsx';
import { FormErrors, applyServerErrors } from '../../ui/form-errors.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { VaultQueryState } from './vault-query.tsx';
import { TIME_ZONE } from '../../ui/format-date.ts';
import { PersonPicker } from '../organisation/person-picker.tsx';
import { useUnits } from '../organisation/queries.ts';
import { useGrant, useVaultFile } from './queries.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** The form's values: the contract's grant (shared/api/vault.ts) with the choices as the form has them. */
const grantForm = z
  .object({
    personId: z.uuid({ message: 'i18n:vault.grantForm.personRequired' }),
    permissions: z
      .array(z.enum(VAULT_PERMISSIONS))
      .min(1, { message: 'i18n:vault.grantForm.permissionsRequired' }),
    fieldMode: z.enum(['all', 'some']),
    fields: z.array(z.string()),
    unitId: z.string(),
    groups: z.string().max(5000),
    validFrom: isoDate,
    validUntil: isoDate,
    reason: z.string().trim().min(1).max(1000),
  })
  .superRefine((v, ctx) => {
    if (v.fieldMode === 'some' && v.fields.length === 0)
      ctx.addIssue({ code: 'custom', path: ['fields'], message: 'i18n:vault.grantForm.fieldsRequired' });
    if (v.validUntil < v.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'error:vault.grant_dates' });
  });
type GrantFormInput = z.input<typeof grantForm>;
type GrantFormOutput = z.output<typeof grantForm>;
type GrantFormField = keyof GrantFormInput;

/** Today in Tokyo, and the last day of its fiscal year (31 March): a grant lasts a year at most. */
function defaultPeriod(): { from: string; until: string } {
  const from = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
  const [y, m] = from.split('-').map(Number) as [number, number];
  return { from, until: `${m >= 4 ? y + 1 : y}-03-31` };
}

/** Checkboxes of one question (a fieldset whose legend is the question). */
function CheckboxGroup({
  legend,
  help,
  error,
  registration,
  options,
}: {
  legend: string;
  help?: string;
  error?: string;
  registration: UseFormRegisterReturn;
  options: { value: string; label: string; description?: string }[];
}) {
  const { t } = useTranslation();
  const id = registration.name;
  return (
    <fieldset
      className={`mb-6 ${error ? 'border-l-4 border-error pl-4' : ''}`}
      aria-describedby={
        [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
      }
    >
      <legend className="mb-1 flex flex-wrap items-center gap-2">
        <span className="label">{legend}</span>
        <span aria-hidden="true" className="badge border-error text-error">
          {t('common.required')}
        </span>
      </legend>
      {help && (
        <p id={`${id}-help`} className="mb-1 text-sm text-ink-muted">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mb-1 font-bold text-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-12 items-start gap-3">
            <input
              type="checkbox"
              value={o.value}
              className="mt-1 size-6 shrink-0 accent-primary"
              aria-invalid={error ? true : undefined}
              {...registration}
            />
            <span>
              <span className="font-bold">{o.label}</span>
              {o.description && <span className="block text-sm text-ink-muted">{o.description}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const FIELDS: GrantFormField[] = [
  'personId',
  'permissions',
  'fieldMode',
  'fields',
  'unitId',
  'groups',
  'validFrom',
  'validUntil',
  'reason',
];

function GrantForm({ file }: { file: VaultFileView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const navigate = useNavigate();
  const units = useUnits();
  const grant = useGrant(file.fileId);
  const [person, setPerson] = useState<PersonView | null>(null);
  const period = defaultPeriod();
  const form = useForm<GrantFormInput, unknown, GrantFormOutput>({
    resolver: zodResolver(grantForm),
    defaultValues: {
      personId: '',
      permissions: ['read'],
      fieldMode: 'all',
      fields: [],
      unitId: '',
      groups: '',
      validFrom: period.from,
      validUntil: period.until,
      reason: '',
    },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const some = form.watch('fieldMode') === 'some';
  const scopeField = file.fields.find((f) => f.key === file.scopeField);
  const errorText = (name: GrantFormField) => fieldErrorText(errors[name] as never, t);

  const submit = form.handleSubmit(async (v) => {
    const groups = v.groups
      .split('\n')
      .map((g) => g.trim())
      .filter(Boolean);
    const scope =
      v.unitId || groups.length > 0
        ? { ...(v.unitId ? { unitIds: [v.unitId] } : {}), ...(groups.length > 0 ? { groups } : {}) }
        : null;
    await grant
      .mutateAsync({
        personId: v.personId,
        permissions: v.permissions,
        fields: v.fieldMode === 'some' ? v.fields : null,
        scope,
        validFrom: v.validFrom,
        validUntil: v.validUntil,
        reason: v.reason,
      })
      .then(() =>
        navigate(`/vault/files/${file.fileId}/grants`, { state: { notice: 'vault.grants.granted' } }),
      )
      .catch((e: unknown) =>
        applyServerErrors(e, FIELDS, form.setError, {
          'vault.grant_dates': 'validUntil',
          'vault.self_grant': 'personId',
          'vault.person_not_found': 'personId',
          'vault.grant_exists': 'personId',
        }),
      );
  });

  const labels: Record<GrantFormField, string> = {
    personId: t('vault.grantForm.person'),
    permissions: t('vault.grantForm.permissions'),
    fieldMode: t('vault.grantForm.fieldMode'),
    fields: t('vault.grantForm.fields'),
    unitId: t('vault.grantForm.unit'),
    groups: scopeField ? t('vault.grantForm.groups', { label: scopeField.label }) : '',
    validFrom: t('vault.grantForm.validFrom'),
    validUntil: t('vault.grantForm.validUntil'),
    reason: t('vault.grantForm.reason'),
  };

  return (
    <>
      <FormErrors
        errors={errors}
        serverError={grant.error}
        submitCount={submitCount}
        fields={FIELDS.map((name) => ({ name, label: labels[name] }))}
        onFocusField={(name) =>
          // The person is chosen through the picker: its search box (or its 「選び直す」) takes the focus.
          name === 'personId'
            ? document.querySelector<HTMLElement>('#grant-person input, #grant-person button')?.focus()
            : form.setFocus(name as GrantFormField)
        }
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="max-w-4xl">
        <Section title={t('vault.grantForm.who')}>
          <div id="grant-person">
            <PersonPicker
              label={labels.personId}
              unitId={file.unitId}
              value={person}
              onChange={(p) => {
                setPerson(p);
                form.setValue('personId', p?.id ?? '', { shouldValidate: form.formState.isSubmitted });
              }}
              errorText={errorText('personId')}
            />
          </div>
        </Section>
        <Section title={t('vault.grantForm.what')}>
          <CheckboxGroup
            legend={labels.permissions}
            help={t('vault.grantForm.permissionsHelp')}
            error={errorText('permissions')}
            registration={form.register('permissions')}
            options={VAULT_PERMISSIONS.map((p) => ({
              value: p,
              label: t(`vault.permissions.${p}`),
              description: t(`vault.permissionHelp.${p}`),
            }))}
          />
          <RadioGroupField
            label={labels.fieldMode}
            help={t('vault.grantForm.fieldModeHelp')}
            registration={form.register('fieldMode')}
            error={errors.fieldMode}
            options={[
              { value: 'all', label: t('vault.grants.allFields') },
              { value: 'some', label: t('vault.grantForm.someFields') },
            ]}
            required
          />
          {some && (
            <CheckboxGroup
              legend={labels.fields}
              error={errorText('fields')}
              registration={form.register('fields')}
              options={file.fields.map((f) => ({
                value: f.key,
                label: f.label,
                description: f.sensitivity === 'normal' ? undefined : t(`vault.sensitivity.${f.sensitivity}`),
              }))}
            />
          )}
          <SelectField
            label={labels.unitId}
            help={t('vault.grantForm.unitHelp')}
            registration={form.register('unitId')}
            error={errors.unitId}
            placeholder={t('vault.grants.allRecords')}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
          {scopeField && (
            <TextAreaField
              label={labels.groups}
              help={t('vault.grantForm.groupsHelp')}
              registration={form.register('groups')}
              error={errors.groups}
            />
          )}
        </Section>
        <Section title={t('vault.grantForm.when')}>
          <div className="grid gap-x-6 sm:grid-cols-2">
            <TextField
              label={labels.validFrom}
              type="date"
              registration={form.register('validFrom')}
              error={errors.validFrom}
              required
              after={<DatePreview text={dates.date(form.watch('validFrom'))} />}
            />
            <TextField
              label={labels.validUntil}
              type="date"
              registration={form.register('validUntil')}
              error={errors.validUntil}
              required
              after={<DatePreview text={dates.date(form.watch('validUntil'))} />}
            />
          </div>
          <TextAreaField
            label={labels.reason}
            help={t('vault.grantForm.reasonHelp')}
            registration={form.register('reason')}
            error={errors.reason}
            required
          />
        </Section>
        <Alert tone="info">
          <p>{t('vault.grantForm.reviewNote')}</p>
        </Alert>
        <div className="mt-8 flex flex-wrap gap-4">
          <button type="submit" className="btn-primary" disabled={grant.isPending}>
            {t('vault.grantForm.submit')}
          </button>
          <button
            type="button"
            className="btn-secondary"
            onClick={() => void navigate(`/vault/files/${file.fileId}/grants`)}
          >
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}

/** A11-1: giving one person what their work needs of the file, for a period and a reason. */
export function GrantFormPage() {
  const { t } = useTranslation();
  const { fileId = '' } = useParams();
  const file = useVaultFile(fileId);
  const name = file.data?.name ?? t('vault.fileCrumb');
  const title = t('vault.grantForm.title');
  return (
    <Page
      title={title}
      crumbs={[
        { label: t('vault.title'), to: '/vault' },
        { label: t('vault.grants.title', { name }), to: `/vault/files/${fileId}/grants` },
        { label: title },
      ]}
      lead={<p>{t('vault.grantForm.lead', { name })}</p>}
    >
      <VaultQueryState query={file}>
        {(f) =>
          f.canManage ? <GrantForm file={f} /> : <Alert tone="error" title={t('vault.grantForm.noManage')} />
        }
      </VaultQueryState>
    </Page>
  );
}
