import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  COURSE_KINDS,
  TRAINING_PURPOSES,
  type CourseInput,
  type CourseKind,
  type CourseView,
} from '../../../shared/api/training.ts';
import type { Role } from '../../../shared/roles.ts';
import { CheckboxField, RadioGroupField } from '../../ui/choice-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { AudienceFields, type ChosenSections } from './audience-fields.tsx';
import { asList, required } from '../../ui/form-rules.ts';

/** The course form's values (A10): kind, title, audience, recurrence, preconditions. */
export interface CourseValues {
  kind: CourseKind;
  title: string;
  description: string;
  ownerUnitId: string;
  all: boolean;
  roles: string[];
  unitIds: string[];
  recurrence: 'once' | 'months';
  recurrenceMonths: string;
  dueDays: string;
  requiredFor: string[];
  active: boolean;
}

export const COURSE_FIELDS = ['kind', 'title', 'description', 'ownerUnitId', 'dueDays'] as const;

export function courseDefaults(course?: CourseView): CourseValues {
  return {
    kind: course?.kind ?? 'general',
    title: course?.title ?? '',
    description: course?.description ?? '',
    ownerUnitId: course?.ownerUnitId ?? '',
    all: course?.audience.all ?? false,
    roles: course?.audience.roles ?? [],
    unitIds: course?.audience.units.map((u) => u.id) ?? [],
    recurrence: course && course.recurrenceMonths === null ? 'once' : 'months',
    recurrenceMonths: String(course?.recurrenceMonths ?? 12),
    dueDays: String(course?.dueDays ?? 30),
    requiredFor: course?.requiredFor ?? [],
    active: course?.active ?? true,
  };
}

export function sectionDefaults(course?: CourseView): ChosenSections {
  return new Map((course?.audience.sections ?? []).map((s) => [s.id, s.name]));
}

/** The contract's input from the form's values. */
export function toCourseInput(v: CourseValues, sections: ChosenSections): CourseInput {
  return {
    kind: v.kind,
    title: v.title.trim(),
    description: v.description.trim(),
    ownerUnitId: v.ownerUnitId || null,
    audience: {
      all: v.all,
      roles: v.all ? [] : (asList(v.roles) as Role[]),
      unitIds: v.all ? [] : asList(v.unitIds),
      sectionIds: v.all ? [] : [...sections.keys()],
    },
    recurrenceMonths: v.recurrence === 'once' ? null : Number(v.recurrenceMonths),
    dueDays: Number(v.dueDays),
    requiredFor: asList(v.requiredFor) as CourseInput['requiredFor'],
    active: v.active,
  };
}

const whole = (min: number, max: number, message: string) => ({
  validate: (v: string) => (/^\d{1,4}$/.test(v.trim()) && +v >= min && +v <= max) || message,
});

/** The fields of a course; `owners` only when creating (the owner never changes). */
export function CourseFields({
  form,
  owners,
  sections,
  onSections,
}: {
  form: UseFormReturn<CourseValues>;
  owners?: { value: string; label: string }[];
  sections: ChosenSections;
  onSections: (next: ChosenSections) => void;
}) {
  const { t } = useTranslation();
  const { errors } = form.formState;
  const kind = form.watch('kind');
  const recurrence = form.watch('recurrence');
  return (
    <>
      <RadioGroupField
        label={t('training.form.kind')}
        help={t(`training.kindHelp.${kind}`)}
        registration={form.register('kind')}
        error={errors.kind}
        required
        options={COURSE_KINDS.map((k) => ({ value: k, label: t(`training.kinds.${k}`) }))}
      />
      <TextField
        label={t('training.form.titleField')}
        registration={form.register('title', required(t('validation.required')))}
        error={errors.title}
        required
      />
      <TextAreaField
        label={t('training.form.description')}
        registration={form.register('description')}
        error={errors.description}
      />
      {owners && (
        <SelectField
          label={t('training.form.owner')}
          help={t('training.form.ownerHelp')}
          registration={form.register('ownerUnitId')}
          error={errors.ownerUnitId}
          required
          options={owners}
        />
      )}
      <AudienceFields form={form} sections={sections} onSections={onSections} />
      <RadioGroupField
        label={t('training.form.recurrence')}
        help={t('training.form.recurrenceHelp')}
        registration={form.register('recurrence')}
        required
        options={(['months', 'once'] as const).map((r) => ({
          value: r,
          label: t(`training.form.recurrenceKinds.${r}`),
        }))}
      />
      {recurrence === 'months' && (
        <TextField
          label={t('training.form.recurrenceMonths')}
          type="number"
          inputMode="numeric"
          registration={form.register('recurrenceMonths', whole(1, 120, t('validation.format')))}
          error={errors.recurrenceMonths}
          required
        />
      )}
      <TextField
        label={t('training.form.dueDays')}
        help={t('training.form.dueDaysHelp')}
        type="number"
        inputMode="numeric"
        registration={form.register('dueDays', whole(0, 730, t('validation.format')))}
        error={errors.dueDays}
        required
      />
      <fieldset className="mb-6">
        <legend className="label mb-1">{t('training.form.requiredFor')}</legend>
        <p className="mb-2 text-sm text-ink-muted">{t('training.form.requiredForHelp')}</p>
        {TRAINING_PURPOSES.map((p) => (
          <label key={p} className="flex min-h-12 items-center gap-3">
            <input
              type="checkbox"
              value={p}
              className="size-6 accent-primary"
              {...form.register('requiredFor')}
            />
            {t(`training.purposes.${p}`)}
          </label>
        ))}
      </fieldset>
      <CheckboxField label={t('training.form.activeField')} registration={form.register('active')} />
    </>
  );
}
