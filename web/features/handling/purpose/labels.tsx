import { useTranslation } from 'react-i18next';
import type { UseFormRegisterReturn, FieldError } from 'react-hook-form';
import { RequiredBadge, fieldErrorText } from '../../../ui/field.tsx';

/** Radio choices with a sentence each (the grounds of A17-2 and the cases of the My Number Act). */
export function ExplainedChoices({
  legend,
  help,
  registration,
  error,
  options,
}: {
  legend: string;
  help?: string;
  registration: UseFormRegisterReturn;
  error?: FieldError;
  options: { value: string; label: string; description: string }[];
}) {
  const { t } = useTranslation();
  const id = registration.name.replace(/\W/g, '-');
  const errorText = fieldErrorText(error, t);
  return (
    <fieldset
      className={`mb-6 ${errorText ? 'border-l-4 border-error pl-4' : ''}`}
      aria-describedby={
        [help ? `${id}-help` : '', errorText ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
      }
    >
      <legend className="mb-1 flex flex-wrap items-center gap-2">
        <span className="label">{legend}</span>
        <RequiredBadge />
      </legend>
      {help && (
        <p id={`${id}-help`} className="mb-2 text-sm text-ink-muted">
          {help}
        </p>
      )}
      {errorText && (
        <p id={`${id}-error`} className="mb-1 font-bold text-error">
          <span aria-hidden="true">⚠ </span>
          {errorText}
        </p>
      )}
      <div className="grid gap-2">
        {options.map((o) => (
          <label
            key={o.value}
            className="flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border border-line-soft px-4 py-2 hover:bg-surface-muted has-[:checked]:border-primary has-[:checked]:bg-primary-soft"
          >
            <input
              type="radio"
              value={o.value}
              className="mt-1 size-6 shrink-0 accent-primary"
              {...registration}
            />
            <span>
              <span className="font-bold">{o.label}</span>
              <span className="block text-sm text-ink-muted">{o.description}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
