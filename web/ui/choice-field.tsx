import { useId, type ReactNode } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RequiredBadge, fieldErrorText } from './field.tsx';

function ErrorText({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p id={id} className="mb-1 font-bold text-error">
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}

/** One choice among a few, as radio buttons in a fieldset whose legend is the label. */
export function RadioGroupField({
  label,
  registration,
  error,
  help,
  required,
  options,
}: {
  label: string;
  registration: UseFormRegisterReturn;
  error?: FieldError;
  help?: ReactNode;
  required?: boolean;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = fieldErrorText(error, t);
  const described = [help ? `${id}-help` : '', errorText ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      className={`mb-6 ${errorText ? 'border-l-4 border-error pl-4' : ''}`}
      aria-describedby={described || undefined}
    >
      <legend className="mb-1 flex flex-wrap items-center gap-2">
        <span className="label">{label}</span>
        {required && <RequiredBadge />}
      </legend>
      {help && (
        <p id={`${id}-help`} className="mb-1 text-sm text-ink-muted">
          {help}
        </p>
      )}
      <ErrorText id={`${id}-error`} text={errorText} />
      <div className="flex flex-wrap gap-x-8 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-12 items-center gap-2">
            <input
              type="radio"
              value={o.value}
              className="size-6 accent-primary"
              aria-invalid={errorText ? true : undefined}
              {...registration}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A yes/no choice: a checkbox with its label, help and error. */
export function CheckboxField({
  label,
  registration,
  error,
  help,
}: {
  label: string;
  registration: UseFormRegisterReturn;
  error?: FieldError;
  help?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = fieldErrorText(error, t);
  const described = [help ? `${id}-help` : '', errorText ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`mb-4 ${errorText ? 'border-l-4 border-error pl-4' : ''}`}>
      <ErrorText id={`${id}-error`} text={errorText} />
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          className="mt-2 size-6 shrink-0 accent-primary"
          aria-invalid={errorText ? true : undefined}
          aria-describedby={described || undefined}
          {...registration}
        />
        <div>
          <label htmlFor={id} className="label flex min-h-10 items-center">
            {label}
          </label>
          {help && (
            <p id={`${id}-help`} className="text-sm text-ink-muted">
              {help}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
