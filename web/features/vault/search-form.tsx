import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose, VaultFileView } from '../../../shared/api/vault.ts';
import { grantFields } from './labels.tsx';

export interface SearchTerm {
  field: string;
  value: string;
}

/**
 * Finding records by one searchable field of the grant: its whole value (学生番号, フリガナ) or its
 * beginning (氏名), as the schema allows. The value is sent in the request's body and kept only in
 * memory: never in the URL, the history or storage (it is personal data).
 */
export function SearchForm({
  file,
  purpose,
  searching,
  pending,
  onSearch,
  onClear,
}: {
  file: VaultFileView;
  purpose: Purpose;
  searching: boolean;
  pending: boolean;
  onSearch: (term: SearchTerm) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  // A My Number is searched only by its handlers, for a purpose of the My Number Act (A7の2).
  const fields = grantFields(file).filter(
    (f) =>
      f.searchable !== 'none' &&
      (f.sensitivity !== 'my_number' || (file.myNumberHandler && purpose.myNumberAct)),
  );
  const [field, setField] = useState(fields[0]?.key ?? '');
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  if (fields.length === 0) return null;
  const mode = fields.find((f) => f.key === field)?.searchable;
  return (
    <form
      role="search"
      aria-label={t('vault.search.title')}
      noValidate
      className="card mb-6 flex flex-wrap items-end gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!value.trim()) return setMissing(true);
        onSearch({ field, value: value.trim() });
      }}
    >
      <div>
        <label htmlFor={`${id}-field`} className="label mb-1">
          {t('vault.search.field')}
        </label>
        <select id={`${id}-field`} className="input" value={field} onChange={(e) => setField(e.target.value)}>
          {fields.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-64 flex-1">
        <label htmlFor={`${id}-value`} className="label mb-1">
          {t('vault.search.value')}
        </label>
        <p id={`${id}-help`} className="mb-1 text-sm text-ink-muted">
          {t(mode === 'prefix' ? 'vault.search.prefixHelp' : 'vault.search.exactHelp')}
        </p>
        {missing && (
          <p id={`${id}-error`} className="mb-1 font-bold text-error">
            <span aria-hidden="true">⚠ </span>
            {t('validation.required')}
          </p>
        )}
        <input
          id={`${id}-value`}
          type="search"
          className="input"
          autoComplete="off"
          value={value}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-help ${id}-error` : `${id}-help`}
          onChange={(e) => {
            setValue(e.target.value);
            setMissing(false);
          }}
        />
      </div>
      <div className="flex gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {t('common.search')}
        </button>
        {searching && (
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              setValue('');
              setMissing(false);
              onClear();
            }}
          >
            {t('vault.search.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
