import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../ui/field.tsx';
import { useVaultFile } from '../vault/queries.ts';
import { asList, required } from '../../ui/form-rules.ts';

/** The record items of the files provided: `picked` from the vault's fields, or `items` typed. */
export interface ItemValues {
  items: Record<string, string>;
  picked: Record<string, string[]>;
}

export const splitItems = (s: string) =>
  s
    .split(/[、,，\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * The items of one file (A18-1 記録項目): the vault schema's fields as checkboxes when the file is in
 * the vault and readable, else the register's 記録項目 typed (the server accepts keys or labels).
 */
export function ItemsField<T extends ItemValues>({
  form,
  fileId,
  name,
}: {
  form: UseFormReturn<T>;
  fileId: string;
  name: string;
}) {
  const { t } = useTranslation();
  const f = form as unknown as UseFormReturn<ItemValues>;
  const vault = useVaultFile(fileId);
  const fields = vault.data?.fields ?? [];
  const label = t('provision.provisionForm.items', { name });
  if (vault.isPending) return null;
  if (fields.length === 0)
    return (
      <TextAreaField
        label={label}
        help={t('provision.provisionForm.itemsHelp')}
        registration={f.register(`items.${fileId}`, required(t('validation.required')))}
        error={f.formState.errors.items?.[fileId]}
        required
      />
    );
  const error = f.formState.errors.picked?.[fileId];
  return (
    <fieldset className={`mb-6 ${error ? 'border-l-4 border-error pl-4' : ''}`}>
      <legend className="label mb-1">{label}</legend>
      {error && (
        <p className="mb-1 font-bold text-error">
          <span aria-hidden="true">⚠ </span>
          {t('validation.choose')}
        </p>
      )}
      <div className="grid gap-x-6 sm:grid-cols-2">
        {fields.map((field) => (
          <label key={field.key} className="flex min-h-12 items-center gap-3">
            <input
              type="checkbox"
              value={field.key}
              className="size-6 accent-primary"
              {...f.register(`picked.${fileId}`, {
                validate: (v) => asList(v).length > 0 || t('validation.choose'),
              })}
            />
            {field.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
