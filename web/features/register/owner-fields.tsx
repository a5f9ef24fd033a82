import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/ability.ts';
import { SelectField } from '../../ui/field.tsx';
import { useUnit } from '../organisation/queries.ts';
import type { EntryFormInput, EntryFormOutput } from './entry-form-schema.ts';

export interface OwnerChoices {
  units: { id: string; name: string }[];
}

/**
 * The unit and section that will hold a new file: only sections registered as handling personal
 * information (A6) where the signed-in person may draft an entry (A20-1).
 */
export function OwnerFields({
  form,
  choices,
}: {
  form: UseFormReturn<EntryFormInput, unknown, EntryFormOutput>;
  choices: OwnerChoices;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const unitId = form.watch('unitId');
  const unit = useUnit(unitId || null);
  const sections = (unit.data?.sections ?? []).filter(
    (s) => s.handlesPersonalInfo && can('draft', 'RegisterFile', { unitId, sectionId: s.id }),
  );
  // The section options arrive after the unit's detail: keep the chosen one, or the only one.
  const loaded = unit.data?.unit.id;
  const only = sections.length === 1 ? sections[0]?.id : undefined;
  const { setValue, getValues } = form;
  useEffect(() => {
    if (!loaded) return;
    setValue('sectionId', getValues('sectionId') || only || '');
  }, [loaded, only, setValue, getValues]);
  const { errors } = form.formState;
  return (
    <div className="grid gap-x-6 sm:grid-cols-2">
      <SelectField
        label={t('fileRegister.unit')}
        help={t('fileRegister.form.unitHelp')}
        registration={form.register('unitId', { onChange: () => setValue('sectionId', '') })}
        error={errors.unitId}
        placeholder={t('fileRegister.form.selectUnit')}
        options={choices.units.map((u) => ({ value: u.id, label: u.name }))}
        required
      />
      <SelectField
        label={t('fileRegister.section')}
        help={
          unit.data && sections.length === 0
            ? t('fileRegister.form.noSections')
            : t('fileRegister.form.sectionHelp')
        }
        registration={form.register('sectionId')}
        error={errors.sectionId}
        placeholder={t('fileRegister.form.selectSection')}
        options={sections.map((s) => ({ value: s.id, label: s.name }))}
        required
      />
    </div>
  );
}
