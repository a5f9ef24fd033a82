import { Link } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { EntryFields, EntryFieldsInput } from '../../../shared/api/register.ts';
import {
  AGENCY_NAME,
  EXEMPTIONS,
  EXEMPTION_LABELS,
  FILE_KINDS,
  IMPORTANCES,
  PUBLISHED_FIELDS,
  SENSITIVITIES,
  type PublishedFieldKey,
} from '../../../shared/register-fields.ts';
import { ENTRY_RULES } from '../../../shared/register-rules.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { CheckboxField, RadioGroupField } from '../../ui/choice-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { FormErrors, applyServerErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import {
  entryForm,
  formValues,
  type EntryFormField,
  type EntryFormInput,
  type EntryFormOutput,
} from './entry-form-schema.ts';
import { useFieldLabel } from './labels.tsx';
import { OwnerFields, type OwnerChoices } from './owner-fields.tsx';
import { RecipientsOffer } from './recipients-offer.tsx';

/** Errors of the server about one field, shown next to it (the entry rules, the section checks). */
const CODE_FIELDS = {
  ...Object.fromEntries(ENTRY_RULES.map((r) => [r.code, r.field])),
  'register.section_not_in_unit': 'sectionId',
  'register.section_not_handling': 'sectionId',
} as const;
const FIELDS = Object.keys(formValues(null, { unitId: '', sectionId: '' })) as EntryFormField[];

/** The help of a published field: the article of the law it comes from (shared/register-fields.ts). */
const HELP = new Map<string, string>(PUBLISHED_FIELDS.map((f) => [f.key, f.help]));

/**
 * The entry of a file (別紙様式1 and the internal fields), for a new file, a draft or an amendment.
 * Each published field carries the law's words as help; the rules are the server's (entry-form-schema.ts).
 */
export function EntryForm({
  initial,
  owner,
  choices,
  fileId,
  submitLabel,
  cancelTo,
  pending,
  error,
  onSave,
}: {
  initial: EntryFields | null;
  owner: { unitId: string; sectionId: string };
  /** Given when the owner is chosen here (a new file); otherwise it is fixed. */
  choices?: OwnerChoices;
  /** The file being edited: its provisions' recipients are offered for 経常的提供先 (issue 9). */
  fileId?: string;
  submitLabel: string;
  cancelTo: string;
  pending: boolean;
  error: unknown;
  onSave: (owner: { unitId: string; sectionId: string }, fields: EntryFieldsInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const label = useFieldLabel();
  const form = useForm<EntryFormInput, unknown, EntryFormOutput>({
    resolver: zodResolver(entryForm),
    defaultValues: formValues(initial, owner),
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const anonInvited = form.watch('anonProposalsInvited') === 'true';
  const exemption = form.watch('exemption');

  const submit = form.handleSubmit(async ({ unitId, sectionId, ...fields }) => {
    await onSave({ unitId, sectionId }, fields).catch((e: unknown) =>
      applyServerErrors(e, FIELDS, form.setError, CODE_FIELDS),
    );
  });
  const help = (key: PublishedFieldKey): ReactNode => HELP.get(key) || undefined;
  const text = (key: EntryFormField & PublishedFieldKey, required = false) => ({
    label: label(key),
    registration: form.register(key),
    error: errors[key],
    help: help(key),
    required,
  });
  const yesNo = (key: 'sensitive' | 'rei20Para7' | 'anonProposalsInvited', yes: string, no: string) => (
    <RadioGroupField
      label={label(key)}
      help={help(key)}
      registration={form.register(key)}
      error={errors[key]}
      options={[
        { value: 'true', label: yes },
        { value: 'false', label: no },
      ]}
      required
    />
  );
  const fieldLabels = FIELDS.map((name) => ({
    name,
    label:
      name === 'unitId'
        ? t('fileRegister.unit')
        : name === 'sectionId'
          ? t('fileRegister.section')
          : label(name),
  }));

  return (
    <>
      <FormErrors
        errors={errors}
        serverError={error}
        submitCount={submitCount}
        fields={fieldLabels}
        onFocusField={(name) => form.setFocus(name as EntryFormField)}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="max-w-4xl">
        {choices && (
          <Section title={t('fileRegister.form.owner')}>
            <OwnerFields form={form} choices={choices} />
          </Section>
        )}
        <Section title={t('fileRegister.form.published')}>
          <TextField {...text('name', true)} autoComplete="off" />
          <div className="mb-6">
            <p className="label mb-1">{label('agencyName')}</p>
            <p>{AGENCY_NAME}</p>
            <p className="text-sm text-ink-muted">{t('fileRegister.form.agencyFixed')}</p>
          </div>
          <TextField {...text('department', true)} autoComplete="off" />
          <TextAreaField {...text('purpose', true)} />
          <TextAreaField
            {...text('recordItems', true)}
            help={
              <>
                {help('recordItems')} {t('fileRegister.form.recordItemsHelp')}
              </>
            }
          />
          <TextAreaField {...text('recordRange', true)} />
          <TextAreaField {...text('collectionMethod', true)} />
          {yesNo('sensitive', t('fileRegister.form.sensitiveYes'), t('fileRegister.form.sensitiveNo'))}
          <TextAreaField {...text('regularRecipients')} />
          {fileId && (
            <RecipientsOffer
              fileId={fileId}
              onUse={(names) => form.setValue('regularRecipients', names, { shouldDirty: true })}
            />
          )}
          <TextAreaField {...text('requestOffice', true)} />
          <TextAreaField {...text('specialProcedures')} />
          <RadioGroupField
            label={label('kind')}
            help={help('kind')}
            registration={form.register('kind')}
            error={errors.kind}
            options={FILE_KINDS.map((k) => ({ value: k, label: t(`fileRegister.form.kinds.${k}`) }))}
            required
          />
          {yesNo('rei20Para7', t('fileRegister.form.rei20Yes'), t('fileRegister.form.rei20No'))}
          {yesNo('anonProposalsInvited', t('fileRegister.form.yes'), t('fileRegister.form.no'))}
          <TextAreaField {...text('anonProposalOffice', anonInvited)} />
          <TextAreaField {...text('anonInfoSummary')} />
          <TextAreaField {...text('anonInfoOffice')} />
          <TextField {...text('anonInfoPeriod')} autoComplete="off" />
          <TextAreaField {...text('remarks')} />
        </Section>
        <Section title={t('fileRegister.form.internal')}>
          <RadioGroupField
            label={t('fileRegister.form.exemption')}
            help={t('fileRegister.form.exemptionHelp')}
            registration={form.register('exemption')}
            error={errors.exemption}
            options={EXEMPTIONS.map((x) => ({ value: x, label: EXEMPTION_LABELS[x][locale] }))}
            required
          />
          <TextAreaField
            label={t('fileRegister.form.exemptionNote')}
            help={t('fileRegister.form.exemptionNoteHelp')}
            registration={form.register('exemptionNote')}
            error={errors.exemptionNote}
            required={exemption === 'contained' || exemption === 'impede'}
          />
          <div className="grid gap-x-6 sm:grid-cols-2">
            <SelectField
              label={t('fileRegister.form.sensitivity')}
              help={t('fileRegister.form.sensitivityHelp')}
              registration={form.register('sensitivity')}
              error={errors.sensitivity}
              options={SENSITIVITIES.map((s) => ({
                value: s,
                label: t(`fileRegister.form.sensitivities.${s}`),
              }))}
            />
            <SelectField
              label={t('fileRegister.form.importance')}
              registration={form.register('importance')}
              error={errors.importance}
              options={IMPORTANCES.map((s) => ({ value: s, label: t(`fileRegister.form.importances.${s}`) }))}
            />
          </div>
          <CheckboxField
            label={t('fileRegister.form.myNumber')}
            help={t('fileRegister.form.myNumberHelp')}
            registration={form.register('myNumber')}
            error={errors.myNumber}
          />
          <CheckboxField
            label={t('fileRegister.form.historical')}
            registration={form.register('historical')}
            error={errors.historical}
          />
          <div className="grid gap-x-6 sm:grid-cols-[2fr_1fr]">
            <TextField
              label={t('fileRegister.form.retentionBasis')}
              help={t('fileRegister.form.retentionBasisHelp')}
              registration={form.register('retentionBasis')}
              error={errors.retentionBasis}
              autoComplete="off"
            />
            <TextField
              label={t('fileRegister.form.retentionYears')}
              registration={form.register('retentionYears')}
              error={errors.retentionYears}
              inputMode="numeric"
              autoComplete="off"
            />
          </div>
          <TextAreaField
            label={t('fileRegister.form.linkedSystems')}
            help={t('fileRegister.form.linkedSystemsHelp')}
            registration={form.register('linkedSystems')}
            error={errors.linkedSystems}
          />
        </Section>
        <div className="mt-8 flex flex-wrap gap-4">
          <button type="submit" className="btn-primary" disabled={pending}>
            {submitLabel}
          </button>
          <Link to={cancelTo} className="btn-secondary">
            {t('fileRegister.form.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
