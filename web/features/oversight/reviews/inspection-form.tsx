import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  INSPECTION_AREAS,
  INSPECTION_RESULTS,
  type InspectionArea,
  type InspectionInput,
  type InspectionResult,
  type InspectionView,
} from '../../../../shared/api/oversight.ts';
import { useDates } from '../../../app/preferences.tsx';
import { RadioGroupField } from '../../../ui/choice-field.tsx';
import { DatePreview, SelectField, TextAreaField, TextField } from '../../../ui/field.tsx';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { orNull, required } from '../../../ui/form-rules.ts';

/** The inspection form's values (A37): the day, the three areas with result and notes, findings. */
export interface InspectionValues {
  sectionId: string;
  inspectedOn: string;
  media: InspectionResult;
  mediaNotes: string;
  routes: InspectionResult;
  routesNotes: string;
  storage: InspectionResult;
  storageNotes: string;
  remarks: string;
  issues: string;
  actions: string;
}
export const INSPECTION_FIELDS = ['sectionId', 'inspectedOn', 'remarks', 'issues', 'actions'] as const;

export function inspectionDefaults(v?: InspectionView, sectionId = ''): InspectionValues {
  return {
    sectionId: v?.sectionId ?? sectionId,
    inspectedOn: v?.inspectedOn ?? todayInTokyo(),
    media: v?.media.result ?? 'ok',
    mediaNotes: v?.media.notes ?? '',
    routes: v?.routes.result ?? 'ok',
    routesNotes: v?.routes.notes ?? '',
    storage: v?.storage.result ?? 'ok',
    storageNotes: v?.storage.notes ?? '',
    remarks: v?.remarks ?? '',
    issues: v?.issues ?? '',
    actions: v?.actions ?? '',
  };
}

export function toInspectionInput(v: InspectionValues): InspectionInput {
  const area = (a: InspectionArea) => ({
    result: v[a],
    notes: orNull(v[`${a}Notes`]),
  });
  return {
    sectionId: v.sectionId,
    inspectedOn: v.inspectedOn,
    media: area('media'),
    routes: area('routes'),
    storage: area('storage'),
    remarks: orNull(v.remarks),
    issues: orNull(v.issues),
    actions: orNull(v.actions),
  };
}

/** The three areas A37 names, each 適 / 要改善 / 該当なし with notes; then the findings. */
export function InspectionFields({
  form,
  sections,
}: {
  form: UseFormReturn<InspectionValues>;
  /** The sections the caller may inspect (only when creating: the section never changes). */
  sections?: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const { errors } = form.formState;
  return (
    <>
      {sections && (
        <SelectField
          label={t('reviews.form.section')}
          registration={form.register('sectionId', required(t('validation.choose')))}
          error={errors.sectionId}
          required
          placeholder=""
          options={sections}
        />
      )}
      <TextField
        label={t('reviews.form.inspectedOn')}
        type="date"
        registration={form.register('inspectedOn', required(t('validation.date')))}
        error={errors.inspectedOn}
        required
        after={<DatePreview text={dates.date(form.watch('inspectedOn'))} />}
      />
      {INSPECTION_AREAS.map((a) => (
        <fieldset key={a} className="mb-6 rounded-lg border-2 border-line-soft p-4">
          <legend className="px-2 text-lg font-bold">{t(`reviews.areas.${a}`)}</legend>
          <p className="mb-4 text-sm text-ink-muted">{t(`reviews.areaHelp.${a}`)}</p>
          <RadioGroupField
            label={t('reviews.form.areaResult', { area: t(`reviews.areas.${a}`) })}
            registration={form.register(a)}
            error={errors[a]}
            required
            options={INSPECTION_RESULTS.map((r) => ({ value: r, label: t(`reviews.results.${r}`) }))}
          />
          <TextAreaField
            label={t('reviews.form.areaNotes', { area: t(`reviews.areas.${a}`) })}
            help={t('reviews.form.notesHelp')}
            registration={form.register(`${a}Notes`)}
            error={errors[`${a}Notes`]}
            className="mb-0"
          />
        </fieldset>
      ))}
      <TextAreaField
        label={t('reviews.form.issues')}
        registration={form.register('issues')}
        error={errors.issues}
      />
      <TextAreaField
        label={t('reviews.form.actions')}
        registration={form.register('actions')}
        error={errors.actions}
      />
      <TextAreaField
        label={t('reviews.form.remarks')}
        registration={form.register('remarks')}
        error={errors.remarks}
      />
    </>
  );
}
