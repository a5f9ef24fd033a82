import { useId, type ReactNode } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldErrorText, RequiredBadge } from '../../../ui/field.tsx';

/**
 * A select whose options are given as children (groups of kinds, people): the label with its 必須
 * badge, a help and an error the select is described by — as SelectField of the ui kit, which takes
 * a flat list only.
 */
export function SelectBox({
  label,
  registration,
  error,
  help,
  required,
  children,
}: {
  label: string;
  registration: UseFormRegisterReturn;
  error?: FieldError;
  help?: ReactNode;
  required?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = fieldErrorText(error, t);
  const described = [help ? `${id}-help` : '', errorText ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="mb-6">
      <div className="mb-1 flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="label">
          {label}
        </label>
        {required && <RequiredBadge />}
      </div>
      {help && (
        <p id={`${id}-help`} className="mb-1 text-sm text-ink-muted">
          {help}
        </p>
      )}
      {errorText && (
        <p id={`${id}-error`} className="mb-1 font-bold text-error">
          <span aria-hidden="true">⚠ </span>
          {errorText}
        </p>
      )}
      <select
        id={id}
        className="input"
        aria-invalid={errorText ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={described || undefined}
        {...registration}
      >
        {children}
      </select>
    </div>
  );
}
