import { useState } from 'react';
import { Link } from 'react-router';
import { useForm, type FieldError, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Purpose, RecordView, VaultFileView } from '../../../shared/api/vault.ts';
import {
  formatPhone,
  parseDate,
  parseFieldValue,
  type FieldDefinition,
  type FieldValue,
} from '../../../shared/vault/index.ts';
import { ApiError, codeMessage, fieldErrors } from '../../app/api.ts';
import { useDates, usePreferences } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { DatePreview, SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { MaskedText, useValueMessage } from './labels.tsx';

type Address = { postalCode: string; address: string };
type Input = string | Address;
export type RecordFormValues = Record<string, Input>;
export type ParsedValues = Record<string, FieldValue | null>;

const isAddress = (v: unknown): v is Address => typeof v === 'object' && v !== null;
const blank = (v: Input | undefined) =>
  v === undefined || (isAddress(v) ? !v.postalCode.trim() && !v.address.trim() : !v.trim());
const same = (a: FieldValue | null | undefined, b: FieldValue | null | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A stored value as it is put back in its input (digits of a phone grouped, a number as typed). */
function inputOf(field: FieldDefinition, value: FieldValue | null | undefined): Input {
  if (field.type === 'postal_address')
    return isAddress(value) ? { ...value } : { postalCode: '', address: '' };
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return '';
  return field.type === 'phone' ? formatPhone(value) : value;
}

/**
 * The fields one may write: those of the grant; My Numbers only for a handler of the file's
 * section working for a purpose of the My Number Act (A7の2, A11の2; the server also checks the
 * terminal).
 */
export function writableFields(file: VaultFileView, purpose: Purpose, fields: FieldDefinition[]) {
  const myNumberOk = file.myNumberHandler && purpose.myNumberAct;
  return {
    writable: fields.filter((f) => f.sensitivity !== 'my_number' || myNumberOk),
    locked: fields.filter((f) => f.sensitivity === 'my_number' && !myNumberOk),
    lockedReason: purpose.myNumberAct ? 'vault.not_my_number_handler' : 'vault.purpose_not_my_number',
  };
}

function AddressField({
  field,
  form,
  error,
  required,
  help,
}: {
  field: FieldDefinition;
  form: ReturnType<typeof useForm<RecordFormValues, unknown, ParsedValues>>;
  error: string | undefined;
  required: boolean;
  help?: string;
}) {
  const { t } = useTranslation();
  const errorId = `${field.key}-error`;
  return (
    <fieldset
      className={`mb-6 ${error ? 'border-l-4 border-error pl-4' : ''}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="label mb-1">
        {field.label}
        {required && (
          <span aria-hidden="true" className="badge ml-2 border-error text-error">
            {t('common.required')}
          </span>
        )}
      </legend>
      {help && <p className="mb-1 text-sm text-ink-muted">{help}</p>}
      {error && (
        <p id={errorId} className="mb-1 font-bold text-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <div className="grid gap-x-4 sm:grid-cols-[12rem_1fr]">
        <TextField
          label={t('vault.form.postalCode')}
          registration={form.register(`${field.key}.postalCode`)}
          inputMode="numeric"
          autoComplete="off"
        />
        <TextField
          label={t('vault.form.address')}
          registration={form.register(`${field.key}.address`)}
          autoComplete="off"
        />
      </div>
    </fieldset>
  );
}

/**
 * The form of a record (A26: each value is checked as it is typed, by the same parsers as the
 * server, with the same messages): inputs by field type, a date typed in 西暦 or 和暦 with the day
 * it was read as. Editing sends only the fields that changed, with the revision that was edited.
 * 要配慮 fields are not shown here: they are left as they are unless something is typed.
 */
export function RecordForm({
  file,
  purpose,
  fields,
  record,
  submitLabel,
  cancelTo,
  pending,
  error,
  onSave,
}: {
  file: VaultFileView;
  purpose: Purpose;
  fields: FieldDefinition[];
  /** The record being edited (null for a new one). */
  record: RecordView | null;
  submitLabel: string;
  cancelTo: string;
  pending: boolean;
  error: unknown;
  onSave: (values: ParsedValues) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const dates = useDates();
  const valueMessage = useValueMessage();
  const { writable, locked, lockedReason } = writableFields(file, purpose, fields);
  const hidden = (f: FieldDefinition) => record !== null && record.masked.includes(f.key);

  const resolver: Resolver<RecordFormValues, unknown, ParsedValues> = (values) => {
    const errors: Record<string, FieldError> = {};
    const parsed: ParsedValues = {};
    for (const f of writable) {
      const input = values[f.key];
      // A field not shown (masked) is changed only when something is typed in it.
      if (hidden(f) && blank(input)) continue;
      const r = parseFieldValue(f, input ?? null);
      if (r.ok) {
        if (record === null || hidden(f) || !same(r.value, record.values[f.key])) parsed[f.key] = r.value;
      } else errors[f.key] = { type: 'value', message: valueMessage(r.code) ?? t('validation.format') };
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values: parsed, errors: {} };
  };

  const form = useForm<RecordFormValues, unknown, ParsedValues>({
    resolver,
    defaultValues: Object.fromEntries(
      writable.map((f) => [f.key, inputOf(f, hidden(f) ? null : record?.values[f.key])]),
    ),
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;

  const [unchanged, setUnchanged] = useState(false);
  const submit = form.handleSubmit(
    async (values) => {
      // An edit that changes nothing is not sent (nothing to write, nothing to check, A26).
      const nothing = record !== null && Object.keys(values).length === 0;
      setUnchanged(nothing);
      if (nothing) return;
      const given = record
        ? values
        : Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
      await onSave(given).catch((e: unknown) => {
        // A second record with the same identifying value (学生番号): said next to that field too.
        if (e instanceof ApiError && e.code === 'vault.duplicate_key' && file.keyField)
          form.setError(file.keyField, { type: 'server', message: codeMessage(e.code, locale) });
        // 422: each refused value named by its field, with the code of shared/vault VALUE_MESSAGES.
        for (const [path, issue] of fieldErrors(e)) {
          const key = writable.find((f) => f.key === path.split('.')[0])?.key;
          if (key)
            form.setError(key, {
              type: 'server',
              message:
                valueMessage(issue.code) ??
                codeMessage(`vault.${issue.code}`, locale) ??
                t('validation.format'),
            });
        }
      });
    },
    () => setUnchanged(false),
  );

  const errorText = (key: string) => errors[key]?.message;
  const fieldError = (key: string): FieldError | undefined =>
    errors[key] ? { type: 'server', message: errorText(key) } : undefined;

  const input = (f: FieldDefinition) => {
    const required = f.required && !hidden(f);
    const help = hidden(f)
      ? t('vault.form.hiddenHelp')
      : f.sensitivity === 'sensitive'
        ? t('vault.form.sensitiveHelp')
        : helpOf(f);
    const common = {
      label: f.label,
      error: fieldError(f.key),
      required,
      help,
    };
    switch (f.type) {
      case 'postal_address':
        return (
          <AddressField
            key={f.key}
            field={f}
            form={form}
            error={errorText(f.key)}
            required={required}
            help={help}
          />
        );
      case 'note':
        return <TextAreaField key={f.key} {...common} registration={form.register(f.key)} />;
      case 'choice':
        return (
          <SelectField
            key={f.key}
            {...common}
            registration={form.register(f.key)}
            placeholder={t('vault.form.choose')}
            options={(f.choices ?? []).map((c) => ({ value: c, label: c }))}
          />
        );
      case 'date': {
        const typed = form.watch(f.key);
        const read = typeof typed === 'string' && typed.trim() ? parseDate(typed) : null;
        return (
          <TextField
            key={f.key}
            {...common}
            registration={form.register(f.key)}
            autoComplete="off"
            after={
              <DatePreview
                text={read?.ok ? t('vault.form.dateRead', { date: dates.date(read.value) }) : ''}
              />
            }
          />
        );
      }
      default:
        return (
          <TextField
            key={f.key}
            {...common}
            registration={form.register(f.key)}
            type={f.type === 'phone' ? 'tel' : f.type === 'mail' ? 'email' : 'text'}
            inputMode={f.type === 'number' || f.type === 'my_number' ? 'numeric' : undefined}
            autoComplete="off"
          />
        );
    }
  };

  function helpOf(f: FieldDefinition): string | undefined {
    switch (f.type) {
      case 'date':
        return t('vault.form.dateHelp');
      case 'kana':
        return t('vault.form.kanaHelp');
      case 'phone':
        return t('vault.form.phoneHelp');
      case 'my_number':
        return t('vault.form.myNumberHelp');
      case 'number':
        return t('vault.form.numberHelp');
      case 'postal_address':
        return t('vault.form.postalCodeHelp');
      default:
        return undefined;
    }
  }

  const stale = error instanceof ApiError && error.code === 'vault.stale_revision';
  return (
    <>
      <FormErrors
        errors={errors}
        serverError={error}
        submitCount={submitCount}
        fields={writable.map((f) => ({ name: f.key, label: f.label }))}
        onFocusField={(name) => {
          const f = writable.find((x) => x.key === name);
          form.setFocus(f?.type === 'postal_address' ? `${name}.postalCode` : name);
        }}
      />
      {stale && (
        <p className="-mt-2 mb-4">
          <Link to={cancelTo}>{t('vault.form.reload')}</Link>
        </p>
      )}
      {file.important && (
        <Alert tone="info" title={t('vault.form.importantTitle')}>
          <p>{t('vault.form.importantHelp')}</p>
        </Alert>
      )}
      <form noValidate onSubmit={(e) => void submit(e)} className="max-w-3xl">
        {writable.map(input)}
        {locked.map((f) => (
          <div key={f.key} className="mb-6">
            <p className="label mb-1">{f.label}</p>
            <MaskedText />
            <p className="text-sm text-ink-muted">{codeMessage(lockedReason, locale)}</p>
          </div>
        ))}
        {/* Beside the button that was pressed: nothing is sent when nothing changed. */}
        <LiveRegion>{unchanged && <Alert tone="info" title={t('vault.form.unchanged')} />}</LiveRegion>
        <div className="mt-8 flex flex-wrap gap-4">
          <button type="submit" className="btn-primary" disabled={pending}>
            {submitLabel}
          </button>
          <Link to={cancelTo} className="btn-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
