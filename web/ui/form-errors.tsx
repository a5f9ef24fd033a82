import { useEffect, useRef } from 'react';
import type { FieldErrors, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../shared/errors.ts';
import { ApiError, errorMessage, fieldErrors } from '../app/api.ts';
import { usePreferences } from '../app/preferences.tsx';
import { Alert, LiveRegion } from './alert.tsx';

/** A field listed in the error summary: its form name and its visible label. */
export interface SummaryField {
  name: string;
  label: string;
}

/**
 * The error summary of a form, in an aria-live region: the server's message in the user's language,
 * or the number of fields to fix, with a link to each field in error (when `fields` are given).
 * With `submitCount`, focus moves to the summary after each refused submission and each server error.
 */
export function FormErrors<T extends FieldValues>({
  errors,
  serverError,
  submitCount,
  fields,
  onFocusField,
}: {
  errors: FieldErrors<T>;
  serverError: unknown;
  submitCount?: number;
  fields?: SummaryField[];
  onFocusField?: (name: string) => void;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const ref = useRef<HTMLDivElement>(null);
  const count = Object.keys(errors).filter((k) => k !== 'root').length;
  const listed = (fields ?? []).filter((f) => f.name in errors);
  useEffect(() => {
    // Only a new submission or a new server answer moves focus, never typing in a field.
    if (submitCount !== undefined && ref.current?.textContent) ref.current.focus();
  }, [submitCount, serverError]);
  let title: string | null = null;
  if (serverError) title = errorMessage(serverError, locale);
  else if (count > 0) title = t('validation.summary', { count });
  return (
    <div ref={ref} tabIndex={-1}>
      <LiveRegion assertive>
        {title && (
          <Alert tone="error" title={title}>
            {listed.length > 0 && onFocusField && (
              <ul className="mt-1 list-disc pl-6">
                {listed.map((f) => (
                  <li key={f.name}>
                    <button
                      type="button"
                      className="cursor-pointer text-left text-primary underline underline-offset-[0.2em] hover:decoration-2"
                      onClick={() => onFocusField(f.name)}
                    >
                      {f.label}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </LiveRegion>
    </div>
  );
}

/** What a field issue code of a 400 request.invalid means, per field where the format is specific. */
const FORMAT_HINTS: Record<string, string> = {
  familyNameKana: 'kana',
  givenNameKana: 'kana',
  email: 'email',
  employeeNumber: 'employeeNumber',
  startsOn: 'date',
  endsOn: 'date',
  endedOn: 'date',
};

function issueMessage(field: string, code: string, message: string | undefined): string {
  switch (code) {
    case 'too_small':
    case 'invalid_type':
      return 'i18n:validation.required';
    case 'too_big':
      return 'i18n:validation.tooLong';
    case 'invalid_value':
      return 'i18n:validation.choose';
    case 'invalid_format':
      return `i18n:validation.${FORMAT_HINTS[field] ?? 'format'}`;
    default:
      return message ?? 'i18n:validation.format';
  }
}

/**
 * Puts the errors of a problem+json answer next to the fields they belong to: the field errors of a
 * 400 request.invalid, and errors about one field (e.g. 409 organisation.employee_number_taken) by `codes`.
 * Messages stay keys ("i18n:", "error:") so that they follow a change of language.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
  codes: Partial<Record<ErrorCode, Path<T>>> = {},
): void {
  for (const [field, issue] of fieldErrors(error)) {
    const name = fields.find((f) => f === field);
    if (name) setError(name, { type: 'server', message: issueMessage(field, issue.code, issue.message) });
  }
  if (error instanceof ApiError) {
    const name = codes[error.code as ErrorCode];
    if (name) setError(name, { type: 'server', message: `error:${error.code}` });
  }
}
