import type { FieldErrors, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../app/api.ts';
import { usePreferences } from '../app/preferences.tsx';
import { Alert, LiveRegion } from './alert.tsx';

/**
 * The error summary of a form, in an aria-live region: the server's message in the user's language,
 * or the number of fields to fix.
 */
export function FormErrors<T extends FieldValues>({
  errors,
  serverError,
}: {
  errors: FieldErrors<T>;
  serverError: unknown;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const count = Object.keys(errors).filter((k) => k !== 'root').length;
  let content = null;
  if (serverError) content = <Alert tone="error" title={errorMessage(serverError, locale)} />;
  else if (count > 0) content = <Alert tone="error" title={t('validation.summary', { count })} />;
  return <LiveRegion assertive>{content}</LiveRegion>;
}

/** Puts the field errors of a problem+json answer next to the fields they belong to. */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): void {
  for (const [field, message] of fieldErrors(error)) {
    const name = fields.find((f) => f === field);
    if (name) setError(name, { type: 'server', message });
  }
}
