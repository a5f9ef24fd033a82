import { useId, type ReactNode } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { codeMessage } from '../app/api.ts';
import { currentLocale } from '../i18n/index.ts';

/** A validation message an office worker understands, from a zod issue code or a server message. */
export function fieldErrorText(error: FieldError | undefined, t: TFunction): string | undefined {
  if (!error) return undefined;
  const message = error.message ?? '';
  if (message.startsWith('i18n:')) return t(message.slice(5));
  // An error of the application by its code (shared/errors.ts), in the language shown now.
  if (message.startsWith('error:'))
    return codeMessage(message.slice(6), currentLocale()) ?? t('validation.format');
  switch (error.type) {
    case 'server':
      return message;
    case 'too_small':
    case 'invalid_type':
      return t('validation.required');
    case 'too_big':
      return t('validation.tooLong');
    case 'invalid_value':
      return t('validation.choose');
    case 'invalid_format':
      if (message === 'kana') return t('validation.kana');
      if (message === 'YYYY-MM-DD') return t('validation.date');
      if (message === 'employee number') return t('validation.employeeNumber');
      if (/email/i.test(message)) return t('validation.email');
      if (/uuid/i.test(message)) return t('validation.choose');
      return t('validation.format');
    default:
      return message || t('validation.format');
  }
}

export function RequiredBadge() {
  const { t } = useTranslation();
  return (
    <span aria-hidden="true" className="badge border-error text-error">
      {t('common.required')}
    </span>
  );
}

interface BaseProps {
  label: string;
  registration: UseFormRegisterReturn;
  error?: FieldError;
  help?: ReactNode;
  required?: boolean;
  className?: string;
}

function FieldFrame({
  id,
  label,
  required,
  help,
  errorText,
  className,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  help?: ReactNode;
  errorText?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`mb-6 ${className ?? ''}`}>
      <div className="mb-1 flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="label">
          {label}
        </label>
        {/* aria-required says it to assistive technology; the label's name stays exactly the label. */}
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
      {children}
    </div>
  );
}

function describedBy(id: string, help: unknown, errorText: string | undefined): string | undefined {
  const ids = [help ? `${id}-help` : '', errorText ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField({
  label,
  registration,
  error,
  help,
  required,
  className,
  type = 'text',
  autoComplete,
  inputMode,
  readOnly,
  after,
}: BaseProps & {
  type?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email';
  readOnly?: boolean;
  after?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = fieldErrorText(error, t);
  return (
    <FieldFrame
      id={id}
      label={label}
      required={required}
      help={help}
      errorText={errorText}
      className={className}
    >
      <input
        id={id}
        type={type}
        className={readOnly ? 'input bg-surface-muted' : 'input'}
        autoComplete={autoComplete}
        readOnly={readOnly}
        inputMode={inputMode}
        aria-invalid={errorText ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, help, errorText)}
        {...registration}
      />
      {after}
    </FieldFrame>
  );
}

/** The chosen day in the user's calendar (和暦 or 西暦), under a date input whose display follows the browser. */
export function DatePreview({ text }: { text: string }) {
  return text ? <p className="mt-1 text-sm text-ink-muted">{text}</p> : null;
}

export function TextAreaField({ label, registration, error, help, required, className }: BaseProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = fieldErrorText(error, t);
  return (
    <FieldFrame
      id={id}
      label={label}
      required={required}
      help={help}
      errorText={errorText}
      className={className}
    >
      <textarea
        id={id}
        rows={3}
        className="input"
        aria-invalid={errorText ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, help, errorText)}
        {...registration}
      />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  registration,
  error,
  help,
  required,
  className,
  options = [],
  placeholder,
  children,
}: BaseProps & {
  options?: { value: string; label: string }[];
  placeholder?: string;
  /** Options given as elements after `options` (e.g. groups: <optgroup>). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = fieldErrorText(error, t);
  return (
    <FieldFrame
      id={id}
      label={label}
      required={required}
      help={help}
      errorText={errorText}
      className={className}
    >
      <select
        id={id}
        className="input"
        aria-invalid={errorText ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, help, errorText)}
        {...registration}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </FieldFrame>
  );
}
