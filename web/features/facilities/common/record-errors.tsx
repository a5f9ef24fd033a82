import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { FormErrors } from '../../../ui/form-errors.tsx';

/**
 * The error summary of a record's form (a device, a system): the server's message or the number of
 * fields to fix, with a link to each field in error by its visible label (`label(name)`).
 */
export function RecordErrors<T extends FieldValues>({
  form,
  fields,
  label,
  serverError,
}: {
  form: UseFormReturn<T>;
  fields: readonly Path<T>[];
  label: (name: string) => string;
  serverError: unknown;
}) {
  const { errors, submitCount } = form.formState;
  return (
    <FormErrors
      errors={errors}
      serverError={serverError}
      submitCount={submitCount}
      fields={fields.map((name) => ({ name, label: label(name) }))}
      onFocusField={(name) => form.setFocus(name as Path<T>)}
    />
  );
}
