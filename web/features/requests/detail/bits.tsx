import type { ReactNode } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../ui/field.tsx';

/** A list of terms and their values (dt/dd); an empty value shows 「－」. */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  const { t } = useTranslation();
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(10rem,auto)_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-bold">{term}</dt>
          <dd className="whitespace-pre-wrap">
            {value === null || value === undefined || value === '' ? t('requests.overview.none') : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A required text of an action's form. */
export function ReasonInput<T extends FieldValues>({
  form,
  name,
  label,
}: {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
}) {
  return (
    <TextAreaField
      label={label}
      registration={form.register(name)}
      error={form.getFieldState(name, form.formState).error}
      required
    />
  );
}
