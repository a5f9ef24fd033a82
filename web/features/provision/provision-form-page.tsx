import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  AGREEMENT_GROUNDS,
  FREQUENCIES,
  OUT_OF_PURPOSE_PROVISION_GROUNDS,
  PROVISION_GROUNDS,
  USE_FORMS,
  type Frequency,
  type ProvisionGround,
  type UseForm,
} from '../../../shared/api/provision-provisions.ts';
import { useDates } from '../../app/preferences.tsx';
import { CheckboxField, RadioGroupField } from '../../ui/choice-field.tsx';
import { DatePreview, SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../ui/form-errors.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { asList, required } from '../../ui/form-rules.ts';
import { DocumentField } from './bits.tsx';
import {
  AgreementFields,
  agreementInputOf,
  EMPTY_AGREEMENT,
  EMPTY_MEASURES,
  MeasuresFields,
  measuresInputOf,
  type AgreementValues,
  type MeasuresValues,
} from './provision-form-parts.tsx';
import { ItemsField, splitItems } from './provision-items.tsx';
import { useParties, useRegisterFileChoices } from './queries.ts';
import { useCreateProvision } from './queries-provisions.ts';

interface Values {
  partyId: string;
  fileIds: string[];
  items: Record<string, string>;
  picked: Record<string, string[]>;
  ground: ProvisionGround | '';
  lawName: string;
  harmStatement: string;
  recipientPurpose: string;
  legalBasis: string;
  recordRange: string;
  useForm: UseForm | '';
  frequency: Frequency;
  startsOn: string;
  endsOn: string;
  nextCheckDue: string;
  measuresDeemedNecessary: boolean;
  measuresReason: string;
  agreement: AgreementValues;
  measures: MeasuresValues;
}
const FIELDS = [
  'partyId',
  'ground',
  'lawName',
  'harmStatement',
  'recipientPurpose',
  'legalBasis',
  'recordRange',
  'useForm',
  'frequency',
  'startsOn',
  'endsOn',
  'nextCheckDue',
  'measuresReason',
] as const;

/** /provision/provisions/new: a provision (A17-2, A18) — recipient, files and items, ground, use, agreement, measures. */
export function ProvisionNewPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const navigate = useNavigate();
  const create = useCreateProvision();
  const parties = useParties({});
  const files = useRegisterFileChoices();
  const [file, setFile] = useState<File | null>(null);
  const form = useForm<Values>({
    defaultValues: {
      partyId: '',
      fileIds: [],
      items: {},
      picked: {},
      ground: '',
      lawName: '',
      harmStatement: '',
      recipientPurpose: '',
      legalBasis: '',
      recordRange: '',
      useForm: '',
      frequency: 'once',
      startsOn: '',
      endsOn: '',
      nextCheckDue: '',
      measuresDeemedNecessary: false,
      measuresReason: '',
      agreement: EMPTY_AGREEMENT,
      measures: EMPTY_MEASURES,
    },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const party = parties.data?.parties.find((p) => p.id === form.watch('partyId'));
  const ground = form.watch('ground');
  const chosen = asList(form.watch('fileIds'));
  const choices = (files.data?.files ?? []).filter((f) => f.state === 'registered');
  const isPrivate = party ? !party.isPublicBody : false;
  // A18-1: outside public bodies a written agreement; A18-2/3: measures, or where deemed necessary.
  const needsAgreement = isPrivate && ground !== '' && AGREEMENT_GROUNDS.includes(ground);
  const needsMeasures = isPrivate || form.watch('measuresDeemedNecessary');
  const submit = form.handleSubmit((v) =>
    create
      .mutateAsync({
        input: {
          partyId: v.partyId,
          files: asList(v.fileIds).map((fileId) => ({
            fileId,
            items: asList(v.picked[fileId]).length
              ? asList(v.picked[fileId])
              : splitItems(v.items[fileId] ?? ''),
          })),
          ground: v.ground as ProvisionGround,
          lawName: v.lawName.trim(),
          harmStatement: v.harmStatement.trim(),
          recipientPurpose: v.recipientPurpose.trim(),
          legalBasis: v.legalBasis.trim(),
          recordRange: v.recordRange.trim(),
          useForm: v.useForm as UseForm,
          frequency: v.frequency,
          startsOn: v.startsOn,
          endsOn: v.endsOn || null,
          measuresDeemedNecessary: !isPrivate && v.measuresDeemedNecessary,
          measuresReason: v.measuresReason.trim(),
          nextCheckDue: v.nextCheckDue || null,
        },
        agreement: needsAgreement ? agreementInputOf(v.agreement) : null,
        file: needsAgreement ? file : null,
        measures: needsMeasures ? measuresInputOf(v.measures) : null,
      })
      .then(({ view, complete }) =>
        navigate(`/provision/provisions/${view.id}`, {
          state: {
            notice: complete ? 'provision.provisionForm.created' : 'provision.provisionForm.createdPartly',
          },
        }),
      )
      .catch((e: unknown) => applyServerErrors(e, FIELDS, form.setError)),
  );
  const k = 'provision.provisionForm';
  return (
    <Page
      title={t(`${k}.title`)}
      crumbs={[
        { label: t('provision.hub.title'), to: '/provision' },
        { label: t('provision.provisions.title'), to: '/provision/provisions' },
        { label: t(`${k}.title`) },
      ]}
    >
      <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
        <FormErrors errors={errors} serverError={create.error} submitCount={submitCount} />
        <Section title={t(`${k}.recipientSection`)}>
          {parties.isSuccess && parties.data.parties.length === 0 && (
            <p className="mb-4 font-bold">{t(`${k}.noParties`)}</p>
          )}
          <SelectField
            label={t(`${k}.recipient`)}
            registration={form.register('partyId', required(t('validation.choose')))}
            error={errors.partyId}
            required
            placeholder=""
            options={(parties.data?.parties ?? []).map((p) => ({
              value: p.id,
              label: `${p.name}（${t(`provision.partyKinds.${p.kind}`)}）`,
            }))}
          />
          <RadioGroupField
            label={t(`${k}.ground`)}
            registration={form.register('ground', required(t('validation.choose')))}
            error={errors.ground}
            required
            options={PROVISION_GROUNDS.map((g) => ({ value: g, label: t(`provision.grounds.${g}`) }))}
          />
          {ground === 'law' && (
            <TextField
              label={t(`${k}.lawName`)}
              help={t(`${k}.lawNameHelp`)}
              registration={form.register('lawName', required(t('validation.required')))}
              error={errors.lawName}
              required
            />
          )}
          {ground !== '' && OUT_OF_PURPOSE_PROVISION_GROUNDS.includes(ground) && (
            <TextAreaField
              label={t(`${k}.harmStatement`)}
              help={t(`${k}.harmHelp`)}
              registration={form.register('harmStatement', required(t('validation.required')))}
              error={errors.harmStatement}
              required
            />
          )}
        </Section>
        <Section title={t(`${k}.filesSection`)}>
          <fieldset className="mb-6">
            <legend className="label mb-1">{t(`${k}.files`)}</legend>
            {choices.map((f) => (
              <label key={f.id} className="flex min-h-12 items-center gap-3">
                <input
                  type="checkbox"
                  value={f.id}
                  className="size-6 accent-primary"
                  {...form.register('fileIds', {
                    validate: (v) => asList(v).length > 0 || t('validation.choose'),
                  })}
                />
                {`${f.name}（${f.unitName} ${f.sectionName}）`}
              </label>
            ))}
          </fieldset>
          {choices
            .filter((f) => chosen.includes(f.id))
            .map((f) => (
              <ItemsField key={f.id} form={form} fileId={f.id} name={f.name} />
            ))}
        </Section>
        <Section title={t(`${k}.use`)}>
          <TextAreaField
            label={t(`${k}.recipientPurpose`)}
            registration={form.register('recipientPurpose', required(t('validation.required')))}
            error={errors.recipientPurpose}
            required
          />
          <TextField
            label={t(`${k}.legalBasis`)}
            registration={form.register('legalBasis')}
            error={errors.legalBasis}
          />
          <TextField
            label={t(`${k}.recordRange`)}
            help={t(`${k}.recordRangeHelp`)}
            registration={form.register('recordRange', required(t('validation.required')))}
            error={errors.recordRange}
            required
          />
          <SelectField
            label={t(`${k}.useForm`)}
            registration={form.register('useForm', required(t('validation.choose')))}
            error={errors.useForm}
            required
            placeholder=""
            options={USE_FORMS.map((u) => ({ value: u, label: t(`provision.useForms.${u}`) }))}
          />
          <RadioGroupField
            label={t(`${k}.frequency`)}
            registration={form.register('frequency')}
            required
            options={FREQUENCIES.map((f) => ({ value: f, label: t(`provision.frequencies.${f}`) }))}
          />
          <div className="grid gap-x-6 sm:grid-cols-3">
            {(['startsOn', 'endsOn', 'nextCheckDue'] as const).map((name) => (
              <TextField
                key={name}
                label={t(`${k}.${name}`)}
                type="date"
                registration={form.register(name, name === 'startsOn' ? required(t('validation.date')) : {})}
                error={errors[name]}
                required={name === 'startsOn'}
                after={<DatePreview text={dates.date(form.watch(name))} />}
              />
            ))}
          </div>
          {party?.isPublicBody && (
            <>
              <CheckboxField
                label={t(`${k}.measuresDeemedNecessary`)}
                registration={form.register('measuresDeemedNecessary')}
              />
              {form.watch('measuresDeemedNecessary') && (
                <TextAreaField
                  label={t(`${k}.measuresReason`)}
                  registration={form.register('measuresReason', required(t('validation.required')))}
                  error={errors.measuresReason}
                  required
                />
              )}
            </>
          )}
        </Section>
        {needsAgreement && (
          <Section title={t(`${k}.agreement`)}>
            <p className="mb-4">{t(`${k}.agreementLead`)}</p>
            <AgreementFields form={form} />
            <DocumentField label={t(`${k}.document`)} help={t(`${k}.documentHelp`)} onChoose={setFile} />
          </Section>
        )}
        {needsMeasures && (
          <Section title={t(`${k}.measuresTitle`)}>
            <MeasuresFields form={form} />
          </Section>
        )}
        <button type="submit" className="btn-primary mt-8" disabled={create.isPending}>
          {t(`${k}.submit`)}
        </button>
      </form>
    </Page>
  );
}
