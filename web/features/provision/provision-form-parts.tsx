import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  SAFETY_MEASURES,
  USE_FORMS,
  type SafetyMeasure,
  type UseForm,
} from '../../../shared/api/provision-provisions.ts';
import { useDates } from '../../app/preferences.tsx';
import { DatePreview, SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { required } from '../../ui/form-rules.ts';

/** The written agreement's fields (A18-1) and the safety measures asked of the recipient (A18-2). */
export interface AgreementValues {
  purpose: string;
  legalBasis: string;
  recordRange: string;
  items: string;
  useForm: UseForm | '';
  signedOn: string;
  ourSignatory: string;
  theirSignatory: string;
}
export interface MeasuresValues {
  measures: SafetyMeasure[];
  other: string;
  confirmedOn: string;
  confirmedBy: string;
}
export const EMPTY_AGREEMENT: AgreementValues = {
  purpose: '',
  legalBasis: '',
  recordRange: '',
  items: '',
  useForm: '',
  signedOn: '',
  ourSignatory: '',
  theirSignatory: '',
};
export const EMPTY_MEASURES: MeasuresValues = { measures: [], other: '', confirmedOn: '', confirmedBy: '' };

export function agreementInputOf(v: AgreementValues) {
  return {
    purpose: v.purpose.trim(),
    legalBasis: v.legalBasis.trim(),
    recordRange: v.recordRange.trim(),
    items: v.items.trim(),
    useForm: v.useForm as UseForm,
    signedOn: v.signedOn,
    ourSignatory: v.ourSignatory.trim(),
    theirSignatory: v.theirSignatory.trim(),
  };
}
export function measuresInputOf(v: MeasuresValues) {
  return {
    measures: v.measures,
    other: v.other.trim(),
    confirmedOn: v.confirmedOn || null,
    confirmedBy: v.confirmedBy.trim(),
  };
}

export function AgreementFields<T extends { agreement: AgreementValues }>({
  form,
}: {
  form: UseFormReturn<T>;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  // The nested form is typed by its own part; the paths below are those of AgreementValues.
  const f = form as unknown as UseFormReturn<{ agreement: AgreementValues }>;
  const errors = f.formState.errors.agreement;
  const k = 'provision.provisionForm';
  return (
    <>
      <TextAreaField
        label={t(`${k}.agPurpose`)}
        registration={f.register('agreement.purpose', required(t('validation.required')))}
        error={errors?.purpose}
        required
      />
      <TextField label={t(`${k}.agLegalBasis`)} registration={f.register('agreement.legalBasis')} />
      <TextField
        label={t(`${k}.agRecordRange`)}
        registration={f.register('agreement.recordRange', required(t('validation.required')))}
        error={errors?.recordRange}
        required
      />
      <TextAreaField
        label={t(`${k}.agItems`)}
        registration={f.register('agreement.items', required(t('validation.required')))}
        error={errors?.items}
        required
      />
      <SelectField
        label={t(`${k}.agUseForm`)}
        registration={f.register('agreement.useForm', required(t('validation.choose')))}
        error={errors?.useForm}
        required
        placeholder=""
        options={USE_FORMS.map((u) => ({ value: u, label: t(`provision.useForms.${u}`) }))}
      />
      <TextField
        label={t(`${k}.signedOn`)}
        type="date"
        registration={f.register('agreement.signedOn', required(t('validation.date')))}
        error={errors?.signedOn}
        required
        after={<DatePreview text={dates.date(f.watch('agreement.signedOn'))} />}
      />
      <div className="grid gap-x-6 sm:grid-cols-2">
        <TextField
          label={t(`${k}.ourSignatory`)}
          help={t(`${k}.signatoryHelp`)}
          registration={f.register('agreement.ourSignatory', required(t('validation.required')))}
          error={errors?.ourSignatory}
          required
        />
        <TextField
          label={t(`${k}.theirSignatory`)}
          help={t(`${k}.signatoryHelp`)}
          registration={f.register('agreement.theirSignatory', required(t('validation.required')))}
          error={errors?.theirSignatory}
          required
        />
      </div>
    </>
  );
}

export function MeasuresFields<T extends { measures: MeasuresValues }>({ form }: { form: UseFormReturn<T> }) {
  const { t } = useTranslation();
  const dates = useDates();
  const f = form as unknown as UseFormReturn<{ measures: MeasuresValues }>;
  const k = 'provision.provisionForm';
  return (
    <>
      <fieldset className="mb-6">
        <legend className="label mb-2">{t(`${k}.measuresLegend`)}</legend>
        {SAFETY_MEASURES.map((m) => (
          <label key={m} className="flex min-h-12 items-center gap-3">
            <input
              type="checkbox"
              value={m}
              className="size-6 accent-primary"
              {...f.register('measures.measures')}
            />
            {t(`provision.measures.${m}`)}
          </label>
        ))}
      </fieldset>
      <TextAreaField label={t(`${k}.measuresOther`)} registration={f.register('measures.other')} />
      <div className="grid gap-x-6 sm:grid-cols-2">
        <TextField
          label={t(`${k}.confirmedOn`)}
          type="date"
          registration={f.register('measures.confirmedOn')}
          after={<DatePreview text={dates.date(f.watch('measures.confirmedOn'))} />}
        />
        <TextField
          label={t(`${k}.confirmedBy`)}
          help={t(`${k}.signatoryHelp`)}
          registration={f.register('measures.confirmedBy')}
        />
      </div>
    </>
  );
}
