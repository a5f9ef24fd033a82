import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAPPING_MESSAGES, type VaultImportPreviewView } from '../../../../shared/api/vault-import.ts';
import { usePreferences } from '../../../app/preferences.tsx';
import { RequiredBadge } from '../../../ui/field.tsx';

export type Mapping = Record<string, number | null>;

/**
 * Which column of the file fills which field of the record: one select per field, the server's
 * suggestion (or the mapping last checked) preselected. A field outside the person's grant, or a My
 * Number without A7の2/A11の2, shows why it takes no column. Each problem of the mapping is shown
 * under its field; a changed mapping must be checked again before anything is imported.
 */
export function MappingForm({
  preview,
  mapping,
  onChange,
  onCheck,
  checking,
}: {
  preview: VaultImportPreviewView;
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
  onCheck: () => void;
  checking: boolean;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const id = useId();
  const problems = new Map<string, string[]>();
  for (const p of preview.mappingProblems)
    problems.set(p.field, [...(problems.get(p.field) ?? []), MAPPING_MESSAGES[p.code][locale]]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onCheck();
  };
  return (
    <form onSubmit={submit} className="card max-w-3xl">
      <p className="mb-4">{t('vaultImport.mappingLead')}</p>
      <ul className="grid gap-4" aria-label={t('vaultImport.mappingCaption')}>
        {preview.fields.map((f) => {
          const selectId = `${id}-${f.key}`;
          const helpId = `${selectId}-help`;
          const errors = problems.get(f.key) ?? [];
          const column = mapping[f.key] ?? null;
          return (
            <li key={f.key} className={errors.length > 0 ? 'border-l-4 border-error pl-4' : ''}>
              <div className="mb-1 flex flex-wrap items-center gap-2">
                <label htmlFor={selectId} className="label">
                  {f.label}
                </label>
                {f.required && <RequiredBadge />}
              </div>
              {f.refused && (
                <p id={helpId} className="mb-1 text-sm text-ink-muted">
                  {t(`vaultImport.refused.${f.refused}`)}
                </p>
              )}
              {errors.map((m) => (
                <p key={m} className="mb-1 font-bold text-error">
                  <span aria-hidden="true">⚠ </span>
                  {m}
                </p>
              ))}
              <select
                id={selectId}
                className="input max-w-md"
                value={column === null ? '' : String(column)}
                disabled={f.refused !== null}
                aria-describedby={f.refused ? helpId : undefined}
                aria-invalid={errors.length > 0 ? true : undefined}
                onChange={(e) =>
                  onChange({ ...mapping, [f.key]: e.target.value === '' ? null : Number(e.target.value) })
                }
              >
                <option value="">{t('vaultImport.noColumn')}</option>
                {preview.headings.map((h, i) => (
                  <option key={i} value={i}>
                    {t('vaultImport.columnOption', { number: i + 1, heading: h })}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      <button type="submit" className="btn-secondary mt-6" disabled={checking}>
        {checking ? t('vaultImport.checking') : t('vaultImport.recheck')}
      </button>
    </form>
  );
}
