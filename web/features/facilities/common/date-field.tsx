import type { FieldValues, Path, RegisterOptions, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../../app/preferences.tsx';
import { DatePreview, TextField } from '../../../ui/field.tsx';
import { required } from '../../../ui/form-rules.ts';

/**
 * A required day of a facilities form (a due day, a period's first or last day, a disposal or an
 * inspection): a date input of `form`'s field `name`, with under it the chosen day in the user's
 * calendar (和暦 or 西暦).
 */
export function DateField<T extends FieldValues>({
  form,
  name,
  label,
  className,
}: {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  // The rule reads the value as text, which a date input's value is.
  const rule = required(t('validation.date')) as RegisterOptions<T, Path<T>>;
  return (
    <TextField
      label={label}
      type="date"
      registration={form.register(name, rule)}
      error={form.getFieldState(name, form.formState).error}
      required
      className={className}
      after={<DatePreview text={dates.date(String(form.watch(name) ?? ''))} />}
    />
  );
}
